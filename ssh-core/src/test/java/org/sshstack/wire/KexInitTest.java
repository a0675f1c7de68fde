package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshProtocolException;

/** KEXINIT: field layout, exact payload retention for the exchange hash, caps. */
class KexInitTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void fieldsDecodeInWireOrder() throws Exception {
        KexInit decoded = KexInit.decode(MessageSamples.kexInit().encode());
        assertThat(HEX.formatHex(decoded.cookie())).isEqualTo("00112233445566778899aabbccddeeff");
        KexProposal p = decoded.proposal();
        assertThat(p.kexAlgorithms()).containsExactly("curve25519-sha256", "ext-info-c");
        assertThat(p.serverHostKeyAlgorithms()).containsExactly("ssh-ed25519");
        assertThat(p.ciphersClientToServer()).containsExactly("aes128-ctr");
        assertThat(p.ciphersServerToClient()).containsExactly("aes256-ctr");
        assertThat(p.macsClientToServer()).containsExactly("hmac-sha2-256");
        assertThat(p.macsServerToClient()).containsExactly("hmac-sha2-512");
        assertThat(p.compressionClientToServer()).containsExactly("none");
        assertThat(p.compressionServerToClient()).containsExactly("none", "zlib@openssh.com");
        assertThat(p.languagesClientToServer()).isEmpty();
        assertThat(p.languagesServerToClient()).containsExactly("en");
        assertThat(decoded.firstKexPacketFollows()).isTrue();
        assertThat(decoded.reserved()).isZero();
    }

    @Test
    void layoutIsCookieTenListsBooleanAndReserved() {
        KexInit init = KexInit.create(new byte[16], KexProposal.symmetric(List.of("a"), List.of("b"), List.of("c"),
                List.of("d"), List.of("e")), false);
        String expected = "14" + "00".repeat(16) + "0000000161" + "0000000162" + "0000000163" + "0000000163"
                + "0000000164" + "0000000164" + "0000000165" + "0000000165" + "00000000" + "00000000" + "00"
                + "00000000";
        assertThat(HEX.formatHex(init.encode())).isEqualTo(expected);
    }

    @Test
    void exactPayloadIsKeptEvenWhenReEncodingWouldDiffer() throws Exception {
        byte[] payload = MessageSamples.kexInit().encode();
        payload[payload.length - 5] = 7; // first_kex_packet_follows as a non-canonical true
        payload[payload.length - 1] = 9; // reserved field not zero
        KexInit decoded = KexInit.decode(payload);
        assertThat(decoded.firstKexPacketFollows()).isTrue();
        assertThat(decoded.reserved()).isEqualTo(9);
        assertThat(decoded.encode()).isEqualTo(payload);
    }

    @Test
    void accessorsReturnCopies() throws Exception {
        KexInit init = MessageSamples.kexInit();
        init.cookie()[0] = 42;
        init.encode()[1] = 42;
        assertThat(init.cookie()[0]).isZero();
        assertThat(init.encode()[1]).isZero();
    }

    @Test
    void cookieMustBeSixteenBytes() {
        KexProposal p = MessageSamples.kexInit().proposal();
        assertThatThrownBy(() -> KexInit.create(new byte[15], p, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooManyNamesInOneListAreRefused() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= KexInit.MAX_NAMES_PER_LIST; i++) {
            many.add("k" + i);
        }
        List<String> one = List.of("x");
        KexInit big = KexInit.create(new byte[16], KexProposal.symmetric(many, one, one, one, one), false);
        assertThatThrownBy(() -> KexInit.decode(big.encode()))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("cap");
        KexInit atCap = KexInit.create(new byte[16],
                KexProposal.symmetric(many.subList(0, KexInit.MAX_NAMES_PER_LIST), one, one, one, one), false);
        assertThat(KexInit.decode(atCap.encode()).proposal().kexAlgorithms()).hasSize(KexInit.MAX_NAMES_PER_LIST);
    }

    @Test
    void emptyNameInAListIsRefused() {
        SshWriter out = new SshWriter().writeByte(MessageNumbers.KEXINIT).writeBytes(new byte[16]).writeString("a,,b");
        for (int i = 0; i < 9; i++) {
            out.writeString("x");
        }
        byte[] payload = out.writeBoolean(false).writeUint32(0).toByteArray();
        assertThatThrownBy(() -> KexInit.decode(payload)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void equalityFollowsThePayload() throws Exception {
        KexInit a = MessageSamples.kexInit();
        assertThat(KexInit.decode(a.encode())).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toString()).contains("00112233445566778899aabbccddeeff", "curve25519-sha256");
        assertThat(KexInit.create(new byte[16], a.proposal(), true)).isNotEqualTo(a);
    }
}
