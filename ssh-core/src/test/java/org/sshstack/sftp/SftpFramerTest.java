package org.sshstack.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/** The framer splits streams at any boundary and checks every length before allocating. */
class SftpFramerTest {

    @Test
    void splitsAStreamFedOneByteAtATime() throws SshException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (SftpResponse response : SftpSamples.responses()) {
            stream.writeBytes(response.encode());
        }
        byte[] all = stream.toByteArray();
        SftpFramer framer = new SftpFramer();
        List<SftpResponse> out = new ArrayList<>();
        for (byte b : all) {
            assertThat(framer.feed(new byte[] {b}, 0, 1)).isEqualTo(1);
            byte[] body = framer.next();
            if (body != null) {
                out.add(SftpResponseDecoder.decode(body));
            }
        }
        assertThat(out).isEqualTo(SftpSamples.responses());
        assertThat(framer.hasPartial()).isFalse();
    }

    @Test
    void stopsConsumingAtTheEndOfAPacket() throws SshException {
        byte[] one = new SftpResponse.Data(1, new byte[10]).encode();
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        SftpFramer framer = new SftpFramer();
        assertThat(framer.feed(two, 0, two.length)).isEqualTo(one.length);
        assertThat(framer.next()).hasSize(one.length - 4);
        assertThat(framer.next()).isNull();
        assertThat(framer.feed(two, one.length, one.length)).isEqualTo(one.length);
        assertThat(framer.next()).isNotNull();
    }

    @Test
    void rejectsLengthsAboveTheCapAndZero() {
        SftpFramer framer = new SftpFramer(1000);
        assertThatThrownBy(() -> framer.feed(new byte[] {0, 0, 3, (byte) 0xe9}, 0, 4))
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> new SftpFramer().feed(new byte[] {(byte) 0xff, -1, -1, -1}, 0, 4))
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> new SftpFramer().feed(new byte[4], 0, 4)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void acceptsAFull256KibDataPacket() throws SshException {
        byte[] packet = new SftpResponse.Data(7, new byte[256 * 1024]).encode();
        SftpFramer framer = new SftpFramer();
        assertThat(framer.feed(packet, 0, packet.length)).isEqualTo(packet.length);
        assertThat(((SftpResponse.Data) SftpResponseDecoder.decode(framer.next())).data()).hasSize(256 * 1024);
    }
}
