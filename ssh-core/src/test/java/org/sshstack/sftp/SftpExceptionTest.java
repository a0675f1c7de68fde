package org.sshstack.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/** The status factory maps each code to its subclass and keeps message and language tag. */
class SftpExceptionTest {

    @Test
    void eachCodeMapsToItsSubclass() {
        assertThat(SftpException.of(1, "", "")).isInstanceOf(SftpEofException.class);
        assertThat(SftpException.of(2, "gone", "en")).isInstanceOf(SftpNoSuchFileException.class)
                .hasMessage("NO_SUCH_FILE: gone");
        assertThat(SftpException.of(3, "", "")).isInstanceOf(SftpPermissionDeniedException.class);
        assertThat(SftpException.of(4, "", "")).isInstanceOf(SftpFailureException.class);
        assertThat(SftpException.of(5, "", "")).isInstanceOf(SftpBadMessageException.class);
        assertThat(SftpException.of(6, "", "")).isInstanceOf(SftpNoConnectionException.class);
        assertThat(SftpException.of(7, "", "")).isInstanceOf(SftpConnectionLostException.class);
        assertThat(SftpException.of(8, "", "")).isInstanceOf(SftpOpUnsupportedException.class);
        SftpException other = SftpException.of(11, "exists", "en");
        assertThat(other.getClass()).isEqualTo(SftpException.class);
        assertThat(other.status()).isEqualTo(SftpStatusCode.OTHER);
        assertThat(other.statusCode()).isEqualTo(11);
        assertThat(other).isInstanceOf(SshException.class).hasMessage("status 11: exists");
    }

    @Test
    void carriesTheStatusFields() {
        SftpException e = SftpException.of(new SftpResponse.Status(3, 3, "denied", "en-US"));
        assertThat(e.serverMessage()).isEqualTo("denied");
        assertThat(e.languageTag()).isEqualTo("en-US");
        assertThat(e.status()).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
    }

    @Test
    void statusWithoutMessageIsAccepted() throws SshProtocolException {
        byte[] body = {(byte) SftpPacketType.STATUS, 0, 0, 0, 5, 0, 0, 0, 0};
        assertThat(SftpResponseDecoder.decode(body)).isEqualTo(SftpResponse.Status.ok(5));
    }
}
