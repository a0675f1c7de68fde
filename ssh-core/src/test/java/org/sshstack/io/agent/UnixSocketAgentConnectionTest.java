package org.sshstack.io.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.auth.agent.AgentClient;
import org.sshstack.auth.agent.AgentCodec;
import org.sshstack.auth.agent.AgentException;
import org.sshstack.auth.agent.AgentTimeoutException;

/** {@link UnixSocketAgentConnection} against test sockets: timeouts, bounds, missing agents. */
class UnixSocketAgentConnectionTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void silentAgentTimesOutWithATypedError() throws Exception {
        Path path = dir.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            assertTimeoutPreemptively(GENEROUS, () -> {
                try (UnixSocketAgentConnection connection =
                        UnixSocketAgentConnection.open(path, Duration.ofMillis(300));
                        SocketChannel accepted = server.accept()) {
                    assertThat(accepted).isNotNull();
                    assertThatThrownBy(() -> connection.roundTrip(AgentCodec.requestIdentities()))
                            .isInstanceOf(AgentTimeoutException.class).hasMessageContaining("timed out");
                    // a timed-out connection is closed: it could be out of step with a late reply
                    assertThatThrownBy(() -> connection.roundTrip(AgentCodec.requestIdentities()))
                            .isInstanceOf(AgentException.class).hasMessageContaining("closed");
                }
            });
        }
    }

    @Test
    void hugeReplyLengthIsRefusedBeforeAllocation() throws Exception {
        Path path = dir.resolve("huge.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            try (AgentClient client = new AgentClient(UnixSocketAgentConnection.open(path, GENEROUS));
                    SocketChannel accepted = server.accept()) {
                accepted.write(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 12}));
                assertThatThrownBy(client::identities).isInstanceOf(AgentException.class)
                        .hasMessageContaining("outside");
            }
        }
    }

    @Test
    void agentClosingMidReplyIsTyped() throws Exception {
        Path path = dir.resolve("eof.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            try (AgentClient client = new AgentClient(UnixSocketAgentConnection.open(path, GENEROUS))) {
                try (SocketChannel accepted = server.accept()) {
                    accepted.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 12, 0, 0}));
                }
                // depending on timing the send fails (broken pipe) or the reply ends early: typed either way
                assertThatThrownBy(client::identities).isInstanceOf(AgentException.class);
            }
        }
    }

    @Test
    void missingSocketAndUnsetVariableAreClearErrors() {
        assertThatThrownBy(() -> UnixSocketAgentConnection.open(dir.resolve("absent.sock"), GENEROUS))
                .isInstanceOf(AgentException.class).hasMessageContaining("cannot connect to the agent");
        assertThatThrownBy(() -> UnixSocketAgentConnection.fromEnvironment(Map.of(), GENEROUS))
                .isInstanceOf(AgentException.class).hasMessageContaining("SSH_AUTH_SOCK is not set");
        assertThatThrownBy(() -> UnixSocketAgentConnection.fromEnvironment(Map.of("SSH_AUTH_SOCK", " "), GENEROUS))
                .isInstanceOf(AgentException.class).hasMessageContaining("SSH_AUTH_SOCK is not set");
        assertThatThrownBy(() -> UnixSocketAgentConnection.open(dir.resolve("x"), Duration.ZERO))
                .isInstanceOf(AgentException.class);
    }
}
