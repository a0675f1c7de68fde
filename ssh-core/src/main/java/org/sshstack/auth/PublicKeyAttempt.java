package org.sshstack.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sshstack.AuthenticationException;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthPkOk;
import org.sshstack.wire.UserauthRequest;

/**
 * The "publickey" method (RFC 4252 §7): a query without signature, then, on PK_OK, the request signed over the
 * session identifier and the request fields.
 */
final class PublicKeyAttempt extends ClientAttempt {

    private final PublicKeyIdentity identity;
    private final PublicKeyAlgorithms.Choice choice;
    private final byte[] blob;
    private boolean signedSent;

    PublicKeyAttempt(ClientContext context, String user, PublicKeyIdentity identity,
            PublicKeyAlgorithms.Choice choice, CompletableFuture<List<String>> result) {
        super(context, user, result);
        this.identity = identity;
        this.choice = choice;
        this.blob = identity.publicKey().blob();
    }

    @Override
    String method() {
        return "publickey";
    }

    @Override
    void start() {
        sendRequest(new UserauthMethod.PublicKey(choice.requestAlgorithm(), blob, Optional.empty()));
    }

    @Override
    void onMethodMessage(byte[] payload) throws SshException {
        if ((payload[0] & 0xff) != MessageNumbers.USERAUTH_PK_OK || signedSent) {
            throw new SshProtocolException("unexpected " + MessageNumbers.name(payload[0] & 0xff)
                    + " during public key authentication");
        }
        UserauthPkOk ok = UserauthPkOk.decode(payload);
        if (!ok.algorithm().equals(choice.requestAlgorithm()) || !Arrays.equals(ok.keyBlob(), blob)) {
            throw new SshProtocolException("USERAUTH_PK_OK names a key or algorithm that was not queried");
        }
        byte[] data = UserauthRequest.publicKeySignedData(context.sessionId(), user, context.config().service(),
                choice.requestAlgorithm(), blob); // RFC 4252 §7
        byte[] signature;
        try {
            signature = identity.signer().sign(choice.signatureAlgorithm(), data);
        } catch (SshException e) {
            throw new AuthenticationException("could not sign with the " + identity.publicKey().typeName()
                    + " key: " + e.getMessage(), e);
        }
        signedSent = true;
        sendRequest(new UserauthMethod.PublicKey(choice.requestAlgorithm(), blob, Optional.of(signature)));
    }
}
