package org.sshstack.server;

import java.util.List;
import org.sshstack.auth.InteractiveQuery;

/**
 * One round of keyboard-interactive authentication (RFC 4256): the prompts for a user, then the decision on the
 * answers. Called on the connection's thread: answer quickly.
 */
public interface InteractiveAuthenticator {

    /**
     * @param user the user name
     * @return the prompts to send
     */
    InteractiveQuery challenge(String user);

    /**
     * @param user the user name
     * @param responses one answer per prompt (never log them)
     * @return true to accept
     */
    boolean verify(String user, List<String> responses);
}
