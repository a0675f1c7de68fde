package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshProtocolException;

/** Round-trips and strict decoding of the RFC 4251 §5 data types. */
class SshReaderWriterTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void mpintExamplesOfRfc4251Section5() {
        assertThat(mpint(BigInteger.ZERO)).isEqualTo("00000000");
        assertThat(mpint(new BigInteger("9a378f9b2e332a7", 16))).isEqualTo("0000000809a378f9b2e332a7");
        assertThat(mpint(BigInteger.valueOf(0x80))).isEqualTo("000000020080");
        assertThat(mpint(BigInteger.valueOf(-0x1234))).isEqualTo("00000002edcc");
        assertThat(mpint(BigInteger.valueOf(-0xdeadbeefL))).isEqualTo("00000005ff21524111");
    }

    @Test
    void mpintMagnitudeDropsLeadingZerosAndAddsSignByte() {
        byte[] out = new SshWriter().writeMpintMagnitude(HEX.parseHex("0000ff01")).toByteArray();
        assertThat(HEX.formatHex(out)).isEqualTo("0000000300ff01");
    }

    @Test
    void mpintRoundTripsAndRejectsNonCanonicalForms() throws Exception {
        BigInteger value = new BigInteger("-123456789abcdef0123456789", 16);
        assertThat(new SshReader(new SshWriter().writeMpint(value).toByteArray()).readMpint()).isEqualTo(value);
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("000000020001")).readMpint())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("redundant");
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("00000002ff80")).readMpint())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("redundant");
    }

    @Test
    void mpintZeroMustBeEmptyAndBitCapIsExact() throws Exception {
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("0000000100")).readMpint())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("empty");
        BigInteger largest = BigInteger.ONE.shiftLeft(WireLimits.MAX_MPINT_BITS).subtract(BigInteger.ONE);
        assertThat(new SshReader(new SshWriter().writeMpint(largest).toByteArray()).readMpint()).isEqualTo(largest);
        byte[] tooBig = new byte[WireLimits.MAX_MPINT_BITS / 8 + 1];
        tooBig[0] = 0x7f;
        assertThatThrownBy(() -> new SshReader(new SshWriter().writeString(tooBig).toByteArray()).readMpint())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("bits");
    }

    @Test
    void stringAndNameListCapsAreExact() throws Exception {
        byte[] atCap = new byte[WireLimits.MAX_NAME_LIST];
        java.util.Arrays.fill(atCap, (byte) 'a');
        assertThat(new SshReader(new SshWriter().writeString(atCap).toByteArray()).readNameList()).hasSize(1);
        byte[] overCap = java.util.Arrays.copyOf(atCap, atCap.length + 1);
        overCap[overCap.length - 1] = 'a';
        assertThatThrownBy(() -> new SshReader(new SshWriter().writeString(overCap).toByteArray()).readNameList())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("cap");
        byte[] packet = new SshWriter().writeString(new byte[WireLimits.MAX_PACKET]).toByteArray();
        assertThat(new SshReader(packet).readString()).hasSize(WireLimits.MAX_PACKET);
        byte[] header = HEX.parseHex(String.format("%08x", WireLimits.MAX_PACKET + 1));
        assertThatThrownBy(() -> new SshReader(header).readString())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("cap");
    }

    @Test
    void writerRefusesMalformedNames() {
        assertThatThrownBy(() -> new SshWriter().writeNameList(List.of("a,b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SshWriter().writeNameList(List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SshWriter().writeNameList(List.of("é")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mpintOverTheBitCapIsRefusedBeforeAllocation() {
        byte[] header = HEX.parseHex("00000802");
        assertThatThrownBy(() -> new SshReader(header).readMpint())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("cap");
    }

    @Test
    void scalarsRoundTrip() throws Exception {
        byte[] bytes = new SshWriter().writeByte(0xfe).writeBoolean(true).writeUint32(0xffffffffL)
                .writeUint64(-2L).writeString("héllo").writeNameList(List.of("a", "b-c@d")).toByteArray();
        SshReader in = new SshReader(bytes);
        assertThat(in.readByte()).isEqualTo(0xfe);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readUint32()).isEqualTo(0xffffffffL);
        assertThat(in.readUint64()).isEqualTo(-2L);
        assertThat(in.readUtf8()).isEqualTo("héllo");
        assertThat(in.readNameList()).containsExactly("a", "b-c@d");
        in.expectEnd();
    }

    @Test
    void lengthsPastTheDataAreTypedErrors() {
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("7fffffff41")).readString())
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("ffffffff")).readString())
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("000000")).readUint32())
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("ffffffff")).readInt())
                .isInstanceOf(SshProtocolException.class);
    }

    @Test
    void nameListsRejectEmptyNamesAndControlBytes() {
        assertThatThrownBy(() -> new SshReader(new SshWriter().writeString("a,,b").toByteArray()).readNameList())
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new SshReader(new SshWriter().writeString("a,b\n").toByteArray()).readNameList())
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> new SshReader(new SshWriter().writeString("a,").toByteArray()).readNameList())
                .isInstanceOf(SshProtocolException.class);
    }

    @Test
    void trailingBytesAreRejected() throws Exception {
        SshReader in = new SshReader(HEX.parseHex("0100"));
        in.readByte();
        assertThatThrownBy(in::expectEnd).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void invalidUtf8IsRejected() {
        assertThatThrownBy(() -> new SshReader(HEX.parseHex("00000001c3")).readUtf8())
                .isInstanceOf(SshProtocolException.class);
    }

    private static String mpint(BigInteger value) {
        return HEX.formatHex(new SshWriter().writeMpint(value).toByteArray());
    }
}
