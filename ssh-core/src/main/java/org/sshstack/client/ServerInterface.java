package org.sshstack.client;

import java.util.List;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.InteractiveStep;
import org.sshstack.connection.OpenDecision;
import org.sshstack.connection.OpenFailureReason;
import org.sshstack.connection.SessionRequest;
import org.sshstack.keys.SshPublicKey;

/**
 * The server-mode decisions of a {@link Transport} (paramiko's {@code ServerInterface}): authentication and channel
 * {@code check_*} callbacks, every one with a refusing default.
 *
 * <p>Every callback runs on the connection's reading thread while it holds the engine lock: decide quickly and never
 * block or call back into the transport's blocking methods (run work on a thread of your own, e.g. after
 * {@link Transport#accept}). A callback that throws counts as a refusal (fail closed). Secrets given to callbacks
 * (passwords, interactive answers) must never be logged.
 */
public interface ServerInterface {

    /**
     * @param username the user name the client asks for
     * @return the methods this user may use ("publickey", "password", "keyboard-interactive", "none"), in order;
     *     default: "password" and "publickey"
     */
    default List<String> getAllowedAuths(String username) {
        return List.of("password", "publickey");
    }

    /** @return the text of a USERAUTH_BANNER sent before authentication, or null for none (the default) */
    default String getBanner() {
        return null;
    }

    /** @param username the user name @return the decision for "none"; default FAILED */
    default AuthStatus checkAuthNone(String username) {
        return AuthStatus.FAILED;
    }

    /**
     * @param username the user name
     * @param password the password (never log it)
     * @return the decision; default FAILED
     */
    default AuthStatus checkAuthPassword(String username, String password) {
        return AuthStatus.FAILED;
    }

    /**
     * Decides a public key. Called twice per key, as in paramiko: once to answer the client's query (the answer is
     * only "would it be accepted": anything but FAILED sends PK_OK) and once after the key's signature over this
     * session was verified (that answer is the decision). It must be a pure function of its arguments.
     *
     * @param username the user name
     * @param key the plain public key
     * @return the decision; default FAILED
     */
    default AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
        return AuthStatus.FAILED;
    }

    /**
     * Starts keyboard-interactive.
     *
     * @param username the user name
     * @param submethods the client's submethod hints
     * @return the first prompts ({@link InteractiveStep#ask}) or a decision; default FAILED
     */
    default InteractiveStep checkAuthInteractive(String username, String submethods) {
        return InteractiveStep.done(AuthStatus.FAILED);
    }

    /**
     * @param username the user name
     * @param responses the answers to the last prompts (never log them)
     * @return more prompts or a decision; default FAILED
     */
    default InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
        return InteractiveStep.done(AuthStatus.FAILED);
    }

    /**
     * Decides a channel the client opens. An accepted channel is handed out by {@link Transport#accept}.
     *
     * @param kind the channel type, e.g. "session"
     * @param chanId our channel number
     * @return accept or refuse; default: refuse, administratively prohibited
     */
    default OpenDecision checkChannelRequest(String kind, int chanId) {
        return OpenDecision.refuse(OpenFailureReason.ADMINISTRATIVELY_PROHIBITED, "channel refused");
    }

    /**
     * @param channel the channel
     * @param command the command line
     * @return true to accept the exec request; default false
     */
    default boolean checkChannelExecRequest(Channel channel, String command) {
        return false;
    }

    /** @param channel the channel @return true to accept the shell request; default false */
    default boolean checkChannelShellRequest(Channel channel) {
        return false;
    }

    /**
     * @param channel the channel
     * @param pty the terminal type, size and modes
     * @return true to accept the pty request; default false
     */
    default boolean checkChannelPtyRequest(Channel channel, SessionRequest.PtyRequest pty) {
        return false;
    }

    /**
     * Decides a subsystem request for which no {@link Transport#setSubsystemHandler handler} is registered (a
     * registered handler is started without asking).
     *
     * @param channel the channel
     * @param name the subsystem name
     * @return true to accept; default false
     */
    default boolean checkChannelSubsystemRequest(Channel channel, String name) {
        return false;
    }

    /**
     * @param channel the channel
     * @param name the variable name
     * @param value its value
     * @return true to accept the env request; default false
     */
    default boolean checkChannelEnvRequest(Channel channel, String name, String value) {
        return false;
    }

    /**
     * @param channel the channel
     * @param change the new terminal size
     * @return true to accept; default false
     */
    default boolean checkChannelWindowChangeRequest(Channel channel, SessionRequest.WindowChange change) {
        return false;
    }

    /**
     * Decides a global request (other than keepalive and no-more-sessions, which the engine answers itself).
     *
     * @param kind the request name
     * @param data the request-specific data, undecoded
     * @return true to accept (REQUEST_SUCCESS when a reply is wanted); default false
     */
    default boolean checkGlobalRequest(String kind, byte[] data) {
        return false;
    }
}
