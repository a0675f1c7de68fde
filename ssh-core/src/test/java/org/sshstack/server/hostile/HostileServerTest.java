package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sshstack.server.SshServerBuilder;

/**
 * Test support: the lifecycle of a {@link HostileServer} per test, and the oracle every hostile test shares: no
 * exception escaped a server thread.
 */
abstract class HostileServerTest {

    /** The server of the current test. */
    HostileServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new HostileServer(setup());
    }

    /** @return changes to the default server settings of this test class */
    UnaryOperator<SshServerBuilder> setup() {
        return b -> b;
    }

    /** Replaces the server with one built with other settings. */
    void restart(UnaryOperator<SshServerBuilder> settings) throws IOException {
        server.close();
        server = new HostileServer(settings);
    }

    @AfterEach
    void stopServer() {
        server.close();
        assertThat(server.uncaught).isEmpty();
    }
}
