package org.sshstack.auth;

import java.util.List;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.VerifiedCertificate;

/**
 * The application's authentication decisions on the server side (paramiko's {@code ServerInterface} auth
 * callbacks). Every method has a refusing default except {@link #checkAuthCertificate}. A method that throws or
 * returns null counts as a refusal (fail closed, SECURITY.md A6). Called on the engine's thread: implementations
 * must not block for long.
 *
 * <p>Public keys: {@link #isPublicKeyAcceptable} answers the client's query (no signature) and must be a pure
 * check that authorizes nothing; {@link #checkAuthPublicKey} is called only for a key whose signature over this
 * session was verified, and its answer is the decision (SECURITY.md A5, CVE-2024-45337).
 */
public interface ServerAuthHandler {

    /**
     * @param username the user name the client asks for
     * @return the method names this user may use, in order (the FAILURE message lists them, minus those already
     *     completed by partial success)
     */
    List<String> allowedAuths(String username);

    /** @param username the user name @return the decision for "none" (never completes a multi-step chain) */
    default AuthStatus checkAuthNone(String username) {
        return AuthStatus.FAILED;
    }

    /**
     * @param username the user name
     * @param password the password (never log it)
     * @return the decision; {@link AuthStatus#PASSWORD_CHANGE_REQUIRED} asks the client for a new password
     */
    default AuthStatus checkAuthPassword(String username, String password) {
        return AuthStatus.FAILED;
    }

    /**
     * @param username the user name
     * @param oldPassword the current password
     * @param newPassword the new password the client chose
     * @return the decision; {@link AuthStatus#PASSWORD_CHANGE_REQUIRED} refuses the new password and asks again
     */
    default AuthStatus checkAuthPasswordChange(String username, String oldPassword, String newPassword) {
        return AuthStatus.FAILED;
    }

    /** @param username the user name @return the prompt of PASSWD_CHANGEREQ */
    default String passwordChangePrompt(String username) {
        return "Your password has expired; choose a new one.";
    }

    /**
     * Answers a "publickey" query: would this plain key be accepted if it signed? Must be side-effect free and
     * must not be remembered as a decision.
     *
     * @param username the user name
     * @param key the plain public key (certificates are checked against the trusted CAs instead)
     * @return true to send PK_OK
     */
    default boolean isPublicKeyAcceptable(String username, SshPublicKey key) {
        return false;
    }

    /**
     * Decides for a plain key whose signature over this session has been verified.
     *
     * @param username the user name
     * @param key the key that signed
     * @return the decision
     */
    default AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
        return AuthStatus.FAILED;
    }

    /**
     * Decides for a certificate that passed the trusted-CA check (signature, validity, principal = user,
     * source-address) and whose key signed this session. Default: accept, as OpenSSH's TrustedUserCAKeys does.
     *
     * @param username the user name
     * @param certificate the verified certificate with its restrictions
     * @return the decision
     */
    default AuthStatus checkAuthCertificate(String username, VerifiedCertificate certificate) {
        return AuthStatus.SUCCESSFUL;
    }

    /**
     * Starts keyboard-interactive.
     *
     * @param username the user name
     * @param submethods the client's submethod hints
     * @return the first prompts, or a decision
     */
    default InteractiveStep checkAuthInteractive(String username, String submethods) {
        return InteractiveStep.done(AuthStatus.FAILED);
    }

    /**
     * @param username the user name
     * @param responses the answers to the last prompts, one per prompt (never log them)
     * @return more prompts, or a decision
     */
    default InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
        return InteractiveStep.done(AuthStatus.FAILED);
    }
}
