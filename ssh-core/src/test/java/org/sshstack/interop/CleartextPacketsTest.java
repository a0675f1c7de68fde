package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;
import org.sshstack.transport.Role;
import org.sshstack.wire.KexInit;

/** Round trip and mutation tests of the test-side packet framing used by the smoke tests. */
class CleartextPacketsTest {

    private final CleartextPackets packets = new CleartextPackets();

    @Test
    void roundTripsPayloadsOfEveryAlignment() throws IOException {
        for (int size = 1; size <= 24; size++) {
            byte[] payload = new byte[size];
            payload[0] = (byte) size;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            packets.write(out, payload);
            byte[] wire = out.toByteArray();
            assertThat(wire.length % 8).isZero();
            assertThat(wire[4] & 0xff).isBetween(4, 11);
            assertThat(packets.read(new ByteArrayInputStream(wire))).isEqualTo(payload);
        }
    }

    @Test
    void truncatedPacketIsEof() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packets.write(out, new byte[] {1, 2, 3});
        byte[] wire = out.toByteArray();
        assertThatThrownBy(() -> packets.read(new ByteArrayInputStream(wire, 0, wire.length - 1)))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void mutatedKexInitPacketsParseOrFailTyped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packets.write(out, KexProbe.ourKexInit(Role.CLIENT).encode());
        byte[] valid = out.toByteArray();
        for (long seed = 0; seed < 2000; seed++) {
            byte[] mutated = Mutations.mutate(valid, seed);
            try {
                KexInit.decode(packets.read(new ByteArrayInputStream(mutated)));
            } catch (SshException | EOFException expected) {
                // typed failure: fine
            }
        }
    }
}
