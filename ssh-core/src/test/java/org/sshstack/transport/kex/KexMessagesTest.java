package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.kex.DhGroups;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.SshWriter;

/** Round trips, strict decoding and mutation fuzzing of the kex message records. */
class KexMessagesTest {

    private static final byte[] KS = HexFormat.of().parseHex("0000000b7373682d656432353531390000002011");
    private static final byte[] SIG = HexFormat.of().parseHex("0000000b7373682d6564323535313900000040aa");
    private static final byte[] Q = new byte[65];

    /** A decoder under test. */
    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] payload) throws SshException;
    }

    /** A valid payload and its decoder. */
    record Sample(String name, byte[] payload, Decoder decoder) {
    }

    static List<Sample> samples() {
        Q[0] = 4;
        return List.of(
                new Sample("KEXDH_INIT", new KexDhInit(BigInteger.valueOf(0x80ff)).encode(), KexDhInit::decode),
                new Sample("KEXDH_REPLY", new KexDhReply(KS, DhGroups.GROUP14.p().subtract(BigInteger.TWO), SIG)
                        .encode(), KexDhReply::decode),
                new Sample("KEX_ECDH_INIT", new KexEcdhInit(Q).encode(), KexEcdhInit::decode),
                new Sample("KEX_ECDH_REPLY", new KexEcdhReply(KS, Q, SIG).encode(), KexEcdhReply::decode),
                new Sample("KEX_HYBRID_INIT", new KexHybridInit(new byte[1216]).encode(), KexHybridInit::decode),
                new Sample("KEX_HYBRID_REPLY", new KexHybridReply(KS, new byte[1120], SIG).encode(),
                        KexHybridReply::decode),
                new Sample("GEX_REQUEST", new GexRequest(2048, 3072, 8192).encode(), GexRequest::decode),
                new Sample("GEX_GROUP", GexGroup.of(DhGroups.GROUP14).encode(), GexGroup::decode),
                new Sample("GEX_INIT", new GexInit(BigInteger.TEN).encode(), GexInit::decode),
                new Sample("GEX_REPLY", new GexReply(KS, BigInteger.TWO, SIG).encode(), GexReply::decode));
    }

    @Test
    void everyRecordRoundTrips() throws Exception {
        for (Sample sample : samples()) {
            Object decoded = sample.decoder().decode(sample.payload());
            byte[] again = (byte[]) decoded.getClass().getMethod("encode").invoke(decoded);
            assertThat(again).as(sample.name()).isEqualTo(sample.payload());
            assertThat(decoded).as(sample.name()).isEqualTo(sample.decoder().decode(again));
        }
    }

    @Test
    void fieldsComeBackAsSent() throws Exception {
        KexEcdhReply reply = KexEcdhReply.decode(new KexEcdhReply(KS, Q, SIG).encode());
        assertThat(reply.hostKey()).isEqualTo(KS);
        assertThat(reply.qs()).isEqualTo(Q);
        assertThat(reply.signature()).isEqualTo(SIG);
        GexRequest request = GexRequest.decode(HexFormat.of().parseHex("22" + "00000800" + "00000c00" + "00002000"));
        assertThat(request).isEqualTo(new GexRequest(2048, 3072, 8192));
        assertThat(GexGroup.decode(GexGroup.of(DhGroups.GROUP16).encode()).p()).isEqualTo(DhGroups.GROUP16.p());
        assertThat(KexDhInit.decode(HexFormat.of().parseHex("1e0000000300ff01")).e()).isEqualTo(0xff01);
    }

    @Test
    void trailingBytesWrongNumbersAndTruncationAreRejected() {
        for (Sample sample : samples()) {
            byte[] longer = Arrays.copyOf(sample.payload(), sample.payload().length + 1);
            assertThatThrownBy(() -> sample.decoder().decode(longer)).as(sample.name())
                    .isInstanceOf(SshProtocolException.class);
            byte[] shorter = Arrays.copyOf(sample.payload(), sample.payload().length - 1);
            assertThatThrownBy(() -> sample.decoder().decode(shorter)).as(sample.name())
                    .isInstanceOf(SshProtocolException.class);
            byte[] renumbered = sample.payload().clone();
            renumbered[0] = 20;
            assertThatThrownBy(() -> sample.decoder().decode(renumbered)).as(sample.name())
                    .isInstanceOf(SshProtocolException.class);
            assertThatThrownBy(() -> sample.decoder().decode(new byte[0])).as(sample.name())
                    .isInstanceOf(SshProtocolException.class);
        }
    }

    @Test
    void emptyNegativeAndNonCanonicalValuesAreRejected() {
        byte[] zeroE = new SshWriter().writeByte(30).writeUint32(0).toByteArray();
        assertThatThrownBy(() -> KexDhInit.decode(zeroE)).isInstanceOf(SshProtocolException.class);
        byte[] negativeE = new SshWriter().writeByte(30).writeMpint(BigInteger.valueOf(-5)).toByteArray();
        assertThatThrownBy(() -> KexDhInit.decode(negativeE)).isInstanceOf(SshProtocolException.class);
        byte[] paddedE = HexFormat.of().parseHex("1e000000020001");
        assertThatThrownBy(() -> KexDhInit.decode(paddedE)).isInstanceOf(SshProtocolException.class);
        byte[] emptyQ = new SshWriter().writeByte(30).writeString(new byte[0]).toByteArray();
        assertThatThrownBy(() -> KexEcdhInit.decode(emptyQ)).isInstanceOf(SshProtocolException.class);
        byte[] hugeQ = new SshWriter().writeByte(30).writeString(new byte[5000]).toByteArray();
        assertThatThrownBy(() -> KexHybridInit.decode(hugeQ)).isInstanceOf(SshProtocolException.class);
        byte[] emptyKs = new SshWriter().writeByte(31).writeString(new byte[0]).writeString(Q).writeString(SIG)
                .toByteArray();
        assertThatThrownBy(() -> KexEcdhReply.decode(emptyKs)).isInstanceOf(SshProtocolException.class);
        byte[] hugeLength = HexFormat.of().parseHex("1fffffffff00");
        assertThatThrownBy(() -> KexHybridReply.decode(hugeLength)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void toStringShowsSizesOnly() {
        assertThat(new KexEcdhReply(KS, Q, SIG).toString()).contains("65 bytes").doesNotContain("aa");
        assertThat(GexGroup.of(DhGroups.GROUP14).toString()).contains("2048 bits");
    }

    @Test
    void mutatedPayloadsFailOnlyWithProjectExceptions() {
        for (Sample sample : samples()) {
            for (long seed = 0; seed < 500; seed++) {
                byte[] mutated = Mutations.mutate(sample.payload(), seed);
                try {
                    sample.decoder().decode(mutated);
                } catch (SshException expected) {
                    // typed rejection is fine
                }
            }
        }
    }
}
