package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sshstack.SshProtocolException;

/** Identification strings: our own, and the field split of a peer's (RFC 4253 §4.2). */
class IdentificationTest {

    @Test
    void ourIdentificationIsSsh2SshstackVersion() {
        Identification ours = Identification.sshstack("0.1.0");
        assertThat(ours.line()).isEqualTo("SSH-2.0-sshstack_0.1.0");
        assertThat(new String(ours.toBytes(), StandardCharsets.US_ASCII)).isEqualTo("SSH-2.0-sshstack_0.1.0\r\n");
        assertThat(ours.hashBytes()).isEqualTo("SSH-2.0-sshstack_0.1.0".getBytes(StandardCharsets.US_ASCII));
        assertThat(ours.softwareVersion()).isEqualTo("sshstack_0.1.0");
        assertThat(ours.comments()).isEmpty();
    }

    @Test
    void commentsFollowTheFirstSpace() {
        Identification id = Identification.of("Product_1", "built by us");
        assertThat(id.line()).isEqualTo("SSH-2.0-Product_1 built by us");
        assertThat(id.comments()).isEqualTo("built by us");
    }

    @Test
    void ourSoftwareVersionMustNotHoldDashOrSpace() {
        assertThatThrownBy(() -> Identification.sshstack("0.1.0-SNAPSHOT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identification.of("a b", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identification.of("", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identification.of("x", "\u0007")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void peerSoftwareVersionMayHoldADashAsDeployedPeersSend() throws Exception {
        Identification cisco = Identification.parse("SSH-2.0-Cisco-1.25");
        assertThat(cisco.softwareVersion()).isEqualTo("Cisco-1.25");
        assertThat(cisco.comments()).isEmpty();
    }

    @Test
    void emptyFieldsAreRefused() {
        for (String line : new String[] {"SSH-2.0-", "SSH-2.0- x", "SSH--x", "SSH-2.0", "SSH- 2.0-x", "ssh-2.0-x",
                "SSH-"}) {
            assertThatThrownBy(() -> Identification.parse(line)).as(line).isInstanceOf(SshProtocolException.class);
        }
    }

    @Test
    void trailingSpaceMeansEmptyComments() throws Exception {
        Identification id = Identification.parse("SSH-2.0-x ");
        assertThat(id.softwareVersion()).isEqualTo("x");
        assertThat(id.comments()).isEmpty();
        assertThat(id.line()).isEqualTo("SSH-2.0-x ");
    }
}
