package org.sshstack.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthMethod;

/** The "none" method (RFC 4252 §5.2): usually answered by FAILURE listing the methods that can continue. */
final class NoneAttempt extends ClientAttempt {

    NoneAttempt(ClientContext context, String user, CompletableFuture<List<String>> result) {
        super(context, user, result);
    }

    @Override
    String method() {
        return "none";
    }

    @Override
    void start() {
        sendRequest(new UserauthMethod.None());
    }

    @Override
    void onMethodMessage(byte[] payload) throws SshProtocolException {
        throw new SshProtocolException("unexpected " + MessageNumbers.name(payload[0] & 0xff)
                + " during \"none\" authentication");
    }

    @Override
    boolean provedCredential() {
        return false;
    }
}
