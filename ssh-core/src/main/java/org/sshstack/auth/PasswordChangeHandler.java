package org.sshstack.auth;

import java.util.Optional;

/** Supplies a new password when the server says the current one expired (RFC 4252 §8 PASSWD_CHANGEREQ). */
@FunctionalInterface
public interface PasswordChangeHandler {

    /** A handler that always gives up (the attempt then fails with an AuthenticationException). */
    PasswordChangeHandler GIVE_UP = prompt -> Optional.empty();

    /**
     * @param prompt the server's prompt (peer text: strip control characters before showing it)
     * @return the new password, or empty to give up
     */
    Optional<String> newPassword(String prompt);
}
