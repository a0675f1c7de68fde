package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sshstack.crypto.kex.KexTestSupport.hex;

import org.junit.jupiter.api.Test;

/** SharedSecret: the two SSH encodings of K, copying, destruction and a secret-free toString. */
class SharedSecretTest {

    @Test
    void mpintDropsLeadingZerosAndAddsASignByte() {
        // RFC 4251 §5 mpint; RFC 8731 §3.1 / RFC 5656 §4 read the secret as unsigned big-endian
        assertThat(hex(SharedSecret.ofMpint(hex("0000ff01")).encoded())).isEqualTo("0000000300ff01");
        assertThat(hex(SharedSecret.ofMpint(hex("00007f01")).encoded())).isEqualTo("000000027f01");
        assertThat(hex(SharedSecret.ofMpint(hex("0000")).encoded())).isEqualTo("00000000");
    }

    @Test
    void stringKeepsTheBytes() {
        SharedSecret k = SharedSecret.ofString(hex("0000ff01"));
        assertThat(hex(k.encoded())).isEqualTo("000000040000ff01");
        assertThat(k.encoding()).isEqualTo(SharedSecret.Encoding.STRING);
    }

    @Test
    void copiesDestroysAndHidesTheSecret() {
        byte[] raw = hex("a1b2c3d4");
        SharedSecret k = SharedSecret.ofMpint(raw);
        raw[0] = 0;
        byte[] copy = k.bytes();
        copy[1] = 0;
        assertThat(hex(k.bytes())).isEqualTo("a1b2c3d4");
        assertThat(k.toString()).isEqualTo("SharedSecret[MPINT, 4 bytes]");
        k.destroy();
        assertThat(k.isDestroyed()).isTrue();
        assertThatThrownBy(k::bytes).isInstanceOf(IllegalStateException.class);
    }
}
