package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.sshstack.wire.MessageNumbers;

/** Test support: the pre-authentication phases a hostile client sends its message in (SECURITY.md A1, A2). */
enum PreAuthPhase {
    AFTER_KEX_BEFORE_SERVICE_REQUEST, AFTER_SERVICE_ACCEPT, AFTER_A_FAILED_ATTEMPT, MID_KEYBOARD_INTERACTIVE;

    /** Brings a fresh client to this phase. */
    void reach(RawClient client) throws Exception {
        if (this == AFTER_KEX_BEFORE_SERVICE_REQUEST) {
            client.kex();
            return;
        }
        client.userauthService();
        if (this == AFTER_A_FAILED_ATTEMPT) {
            client.send(HostilePayloads.password("alice", "wrong"));
        } else if (this == MID_KEYBOARD_INTERACTIVE) {
            client.send(HostilePayloads.keyboardInteractive("alice"));
            assertThat(client.next()).hasValueSatisfying(p -> assertThat(p[0] & 0xff)
                    .isEqualTo(MessageNumbers.USERAUTH_INFO_REQUEST));
        }
    }
}
