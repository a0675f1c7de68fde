package org.sshstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;

/** A query never authorizes; only a key whose signature over this session verifies reaches the handler (A5). */
class HostilePublicKeyTest {

    private final SshKeyPair keyA = KeyGenerator.ed25519("a", AuthHarness.RANDOM);
    private final SshKeyPair keyB = KeyGenerator.ed25519("b", AuthHarness.RANDOM);
    private final RecordingHandler handler = new RecordingHandler();
    private final AuthHarness h;

    HostilePublicKeyTest() {
        handler.acceptedKeys = Set.of(keyA.publicKey());
        h = new AuthHarness(handler, AuthHarness.noDelay().withMaxAuthTries(20), ClientAuthConfig.defaults());
    }

    private byte[] signed(SshKeyPair signer, SshKeyPair presented, byte[] sessionId, String algorithm,
            String signatureAlgorithm) throws Exception {
        byte[] blob = presented.publicKey().blob();
        byte[] data = UserauthRequest.publicKeySignedData(sessionId, "alice", "ssh-connection", algorithm, blob);
        byte[] signature = JcaSshSigner.of(signer.privateKey(), AuthHarness.RANDOM).sign(signatureAlgorithm, data);
        return new UserauthRequest("alice", "ssh-connection",
                new UserauthMethod.PublicKey(algorithm, blob, Optional.of(signature))).encode();
    }

    private int lastReply() {
        return h.toClient.pollLast()[0] & 0xff;
    }

    @Test
    void queryAloneNeverAuthorizes() throws Exception {
        h.server.onPayload(new UserauthRequest("alice", "ssh-connection", new UserauthMethod.PublicKey(
                "ssh-ed25519", keyA.publicKey().blob(), Optional.empty())).encode(), h.now);
        assertThat(lastReply()).isEqualTo(MessageNumbers.USERAUTH_PK_OK);
        assertThat(h.server.isAuthenticated()).isFalse();
        assertThat(handler.checkedKeys).isEmpty();
    }

    @Test
    void badSignatureWrongSessionAndWrongAlgorithmFail() throws Exception {
        byte[] good = signed(keyA, keyA, AuthHarness.SESSION_ID, "ssh-ed25519", "ssh-ed25519");
        byte[] tampered = good.clone();
        tampered[tampered.length - 5] ^= 1;
        byte[] otherSession = signed(keyA, keyA, "another-session".getBytes(), "ssh-ed25519", "ssh-ed25519");
        byte[] wrongSigner = signed(keyB, keyA, AuthHarness.SESSION_ID, "ssh-ed25519", "ssh-ed25519");
        SshKeyPair rsa = KeyGenerator.rsa(2048, "r", AuthHarness.RANDOM);
        handler.acceptedKeys = Set.of(keyA.publicKey(), rsa.publicKey());
        byte[] wrongName = signed(rsa, rsa, AuthHarness.SESSION_ID, "rsa-sha2-512", "rsa-sha2-256");
        byte[] legacy = signed(rsa, rsa, AuthHarness.SESSION_ID, "ssh-rsa", "ssh-rsa");
        byte[] mismatch = signed(keyA, keyA, AuthHarness.SESSION_ID, "ecdsa-sha2-nistp256", "ssh-ed25519");
        for (byte[] hostile : List.of(tampered, otherSession, wrongSigner, wrongName, legacy, mismatch)) {
            h.server.onPayload(hostile, h.now);
            assertThat(lastReply()).isEqualTo(MessageNumbers.USERAUTH_FAILURE);
        }
        assertThat(handler.checkedKeys).isEmpty();
        assertThat(h.server.isAuthenticated()).isFalse();
    }

    @Test
    void decisionIsBoundToTheKeyThatSigned() throws Exception {
        handler.acceptedKeys = Set.of(keyA.publicKey(), keyB.publicKey());
        h.server.onPayload(new UserauthRequest("alice", "ssh-connection", new UserauthMethod.PublicKey(
                "ssh-ed25519", keyA.publicKey().blob(), Optional.empty())).encode(), h.now);
        h.server.onPayload(signed(keyB, keyB, AuthHarness.SESSION_ID, "ssh-ed25519", "ssh-ed25519"), h.now);
        assertThat(handler.checkedKeys).containsExactly(keyB.publicKey());
        assertThat(h.server.result().orElseThrow().publicKeys()).containsExactly(keyB.publicKey());
    }

    @Test
    void malformedKeyBlobFailsWithoutDisconnect() throws Exception {
        h.server.onPayload(new UserauthRequest("alice", "ssh-connection", new UserauthMethod.PublicKey(
                "ssh-ed25519", new byte[] {0, 0, 0, 1, 'x'}, Optional.of(new byte[8]))).encode(), h.now);
        assertThat(lastReply()).isEqualTo(MessageNumbers.USERAUTH_FAILURE);
        assertThat(handler.calls).isEmpty();
    }
}
