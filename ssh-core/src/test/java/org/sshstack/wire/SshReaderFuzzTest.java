package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: any bytes fed to every reader method fail only with the project's typed exception. */
class SshReaderFuzzTest {

    private static final byte[] VALID = new SshWriter().writeByte(20).writeBoolean(false).writeUint32(7)
            .writeUint64(1L << 40).writeString("ssh-ed25519").writeNameList(List.of("aes128-ctr", "none"))
            .writeMpint(java.math.BigInteger.valueOf(-99)).writeMpint(java.math.BigInteger.TWO.pow(200))
            .toByteArray();

    @Property(tries = 3000, seed = "42")
    void randomBytesOnlyEverRaiseProtocolErrors(@ForAll @Size(max = 64) byte[] input) {
        assertThat(readAll(input)).isIn("ok", "typed");
    }

    @Property(tries = 3000, seed = "7")
    void mutatedValidInputOnlyEverRaisesProtocolErrors(@ForAll long seed) {
        assertThat(readAll(Mutations.mutate(VALID, seed))).isIn("ok", "typed");
    }

    private static String readAll(byte[] input) {
        SshReader in = new SshReader(input);
        try {
            in.readByte();
            in.readBoolean();
            in.readUint32();
            in.readUint64();
            in.readAscii();
            in.readNameList();
            in.readMpint();
            in.readPositiveMpint();
            in.expectEnd();
            return "ok";
        } catch (SshException e) {
            return "typed";
        }
    }
}
