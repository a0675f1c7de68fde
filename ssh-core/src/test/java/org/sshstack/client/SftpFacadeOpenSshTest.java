package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.event.SftpOperationCompleted;
import org.sshstack.event.SshEventListener;
import org.sshstack.interop.OpenSshServer;
import org.sshstack.keys.KeyFiles;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;
import org.sshstack.sftp.client.TransferOptions;

/**
 * Live interop: {@link ClientSession#sftp} and {@link Transport#openSftpClient} against OpenSSH sshd's
 * internal-sftp subsystem, with a pipelined 4 MiB round trip over a real SSH channel.
 */
class SftpFacadeOpenSshTest {

    private static final Duration T = Duration.ofSeconds(60);

    @Test
    void clientSessionSftpRoundTrip(@TempDir Path dir) throws Exception {
        Path authorized = dir.resolve("authorized_keys");
        KeyFiles.writePublicKey(authorized, LoopbackServer.USER_KEY.publicKey(), "test");
        List<SftpOperationCompleted> events = new CopyOnWriteArrayList<>();
        SshEventListener listener = new SshEventListener() {
            @Override
            public void sftpOperationCompleted(SftpOperationCompleted event) {
                events.add(event);
            }
        };
        byte[] data = LoopbackServer.pattern(4 << 20, 5);
        Path local = Files.write(dir.resolve("up.bin"), data);
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"),
                OpenSshServer.options().authorizedKeysFile(authorized));
                ClientSession s = SshClient.builder().knownHosts(dir.resolve("known_hosts")).acceptNewHostKeys()
                        .identity(LoopbackServer.USER_KEY).build()
                        .connect("127.0.0.1", sshd.port(), System.getProperty("user.name"));
                SftpClient sftp = s.sftp(SftpClientOptions.defaults().withTimeout(T).withListener(listener))) {
            String remote = dir.resolve("remote.bin").toString();
            assertThat(sftp.transfers().put(local, remote, TransferOptions.defaults())).isEqualTo(data.length);
            assertThat(Files.readAllBytes(dir.resolve("remote.bin"))).isEqualTo(data);
            Path back = dir.resolve("back.bin");
            assertThat(sftp.transfers().get(remote, back, TransferOptions.defaults())).isEqualTo(data.length);
            assertThat(Files.readAllBytes(back)).isEqualTo(data);
            assertThat(s.isOpen()).isTrue();
        }
        assertThat(events).extracting(SftpOperationCompleted::operation).contains("put", "get", "open", "close");
        assertThat(events).filteredOn(e -> e.operation().equals("get")).singleElement()
                .satisfies(e -> assertThat(e.bytes()).isEqualTo(data.length));
    }

    @Test
    void transportOpenSftpClient(@TempDir Path dir) throws Exception {
        Path authorized = dir.resolve("authorized_keys");
        KeyFiles.writePublicKey(authorized, LoopbackServer.USER_KEY.publicKey(), "test");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"),
                OpenSshServer.options().authorizedKeysFile(authorized));
                Transport t = Transport.open("127.0.0.1:" + sshd.port(), T)) {
            t.setTimeout(T);
            t.startClient();
            t.authPublicKey(System.getProperty("user.name"), LoopbackServer.USER_KEY);
            try (SftpClient sftp = t.openSftpClient()) {
                sftp.mkdir(dir.resolve("made").toString());
                assertThat(Files.isDirectory(dir.resolve("made"))).isTrue();
                assertThat(sftp.realpath(dir.resolve("made/..").toString())).isEqualTo(dir.toRealPath().toString());
            }
            assertThat(t.isActive()).isTrue();
        }
    }
}
