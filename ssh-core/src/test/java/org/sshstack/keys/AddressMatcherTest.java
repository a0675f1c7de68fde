package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The textual IPv4/IPv6/CIDR parser and matcher. */
class AddressMatcherTest {

    @Test
    void parsesLiterals() {
        assertThat(AddressMatcher.parseAddress("192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(AddressMatcher.parseAddress("::1")).hasSize(16).endsWith(0, 1);
        assertThat(AddressMatcher.parseAddress("::")).containsOnly(0).hasSize(16);
        assertThat(AddressMatcher.parseAddress("2001:db8::")).startsWith(0x20, 0x01, 0x0d, 0xb8);
        assertThat(AddressMatcher.parseAddress("::ffff:1.2.3.4")).endsWith(0xff, 0xff, 1, 2, 3, 4);
        assertThat(AddressMatcher.parseAddress("1:2:3:4:5:6:7:8")).hasSize(16).endsWith(0, 8);
        for (String bad : List.of("", "1.2.3", "1.2.3.256", "1.2.3.4.5", "01234.1.1.1", "1::2::3", "1:2:3:4:5:6:7:8:9",
                "12345::", "g::", ":::", "1:2:3:4:5:6:7", "1.2.3.4::", "::1.2.3", "1:2:3:4:5:6:7::8", "a.b.c.d")) {
            assertThat(AddressMatcher.parseAddress(bad)).as(bad).isNull();
        }
    }

    @Test
    void matchesCidrBlocks() {
        assertThat(AddressMatcher.matchesCidr("10.0.0.0/8", "10.255.1.2")).isTrue();
        assertThat(AddressMatcher.matchesCidr("10.0.0.0/8", "11.0.0.0")).isFalse();
        assertThat(AddressMatcher.matchesCidr("0.0.0.0/0", "203.0.113.9")).isTrue();
        assertThat(AddressMatcher.matchesCidr("192.0.2.1", "192.0.2.1")).isTrue();
        assertThat(AddressMatcher.matchesCidr("2001:db8::/32", "2001:db8:ffff::1")).isTrue();
        assertThat(AddressMatcher.matchesCidr("2001:db8::/32", "10.0.0.1")).isFalse();
        assertThat(AddressMatcher.matchesCidr("10.0.0.1/8", "10.0.0.1")).isFalse(); // host bits set: invalid
        assertThat(AddressMatcher.isValidCidr("10.0.0.0/33")).isFalse();
        assertThat(AddressMatcher.isValidCidr("::/129")).isFalse();
        assertThat(AddressMatcher.isValidCidr("10.0.0.0/")).isFalse();
        assertThat(AddressMatcher.matchesAny(List.of("10.0.0.0/8", "192.0.2.0/24"), "192.0.2.200")).isTrue();
    }
}
