package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshProtocolException;

/** SSH_MSG_EXT_INFO (RFC 8308 §2.3): values, caps and duplicates. */
class ExtInfoTest {

    @Test
    void serverSigAlgsReadsAsANameList() throws Exception {
        ExtInfo info = ExtInfo.decode(new ExtInfo(List.of(
                ExtInfo.Extension.ofNameList("server-sig-algs", List.of("ssh-ed25519", "rsa-sha2-512")))).encode());
        assertThat(info.nameList("server-sig-algs")).contains(List.of("ssh-ed25519", "rsa-sha2-512"));
        assertThat(info.nameList("delay-compression")).isEmpty();
        assertThat(info.value("server-sig-algs")).isPresent();
    }

    @Test
    void anyBytesAreToleratedInAValue() throws Exception {
        byte[] value = {0, (byte) 0xff, '\n', 0};
        ExtInfo info = ExtInfo.decode(new ExtInfo(List.of(new ExtInfo.Extension("x@example.com", value))).encode());
        assertThat(info.value("x@example.com")).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
    }

    @Test
    void countOverTheCapIsRefusedBeforeReading() {
        byte[] payload = new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(0xffffffffL).toByteArray();
        assertThatThrownBy(() -> ExtInfo.decode(payload))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("cap");
    }

    @Test
    void countPastTheDataIsRefused() {
        byte[] payload = new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(3)
                .writeString("a").writeString("b").toByteArray();
        assertThatThrownBy(() -> ExtInfo.decode(payload)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void duplicateNamesAreRefused() {
        byte[] payload = new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(2)
                .writeString("a").writeString("1").writeString("a").writeString("2").toByteArray();
        assertThatThrownBy(() -> ExtInfo.decode(payload))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("twice");
        ExtInfo.Extension a = new ExtInfo.Extension("a", new byte[0]);
        assertThatThrownBy(() -> new ExtInfo(List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oversizedValueAndBadNamesAreRefused() {
        byte[] big = new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(1).writeString("a")
                .writeString(new byte[ExtInfo.MAX_VALUE + 1]).toByteArray();
        assertThatThrownBy(() -> ExtInfo.decode(big)).isInstanceOf(SshProtocolException.class);
        byte[] spaced = new SshWriter().writeByte(MessageNumbers.EXT_INFO).writeUint32(1).writeString("a b")
                .writeString("").toByteArray();
        assertThatThrownBy(() -> ExtInfo.decode(spaced)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void maximumCountIsAccepted() throws Exception {
        List<ExtInfo.Extension> extensions = new ArrayList<>();
        for (int i = 0; i < ExtInfo.MAX_EXTENSIONS; i++) {
            extensions.add(new ExtInfo.Extension("e" + i, new byte[] {(byte) i}));
        }
        assertThat(ExtInfo.decode(new ExtInfo(extensions).encode()).extensions()).hasSize(ExtInfo.MAX_EXTENSIONS);
    }
}
