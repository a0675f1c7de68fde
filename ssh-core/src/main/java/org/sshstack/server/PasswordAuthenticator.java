package org.sshstack.server;

/** Checks a user's password (RFC 4252 §8). Called on the connection's thread: answer quickly. */
@FunctionalInterface
public interface PasswordAuthenticator {

    /**
     * @param user the user name
     * @param password the password (never log it)
     * @return true to accept
     */
    boolean authenticate(String user, String password);
}
