package org.sshstack.connection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.sshstack.DisconnectReason;
import org.sshstack.SshProtocolException;

/** Asserts that an action fails with a typed PROTOCOL_ERROR. */
final class ProtocolErrors {

    /** An action that may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private ProtocolErrors() {
    }

    static void assertProtocolError(Action action) {
        assertThatThrownBy(action::run).isInstanceOf(SshProtocolException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SshProtocolException) e).reason())
                        .isEqualTo(DisconnectReason.PROTOCOL_ERROR));
    }
}
