package org.sshstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.UserauthBanner;
import org.sshstack.wire.UserauthFailure;
import org.sshstack.wire.UserauthInfoRequest;
import org.sshstack.wire.UserauthInfoRequest.Prompt;
import org.sshstack.wire.UserauthInfoResponse;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthPasswdChangereq;
import org.sshstack.wire.UserauthPkOk;
import org.sshstack.wire.UserauthRequest;
import org.sshstack.wire.UserauthSuccess;

/** Round trips and fuzz-style regression tests (fixed seeds): only SshException subclasses escape. */
class AuthFuzzTest {

    interface Decoder {
        Object decode(byte[] payload) throws SshException;
    }

    private static final SshKeyPair KEY = KeyGenerator.ed25519("f", AuthHarness.RANDOM);

    static List<byte[]> requests() throws Exception {
        byte[] blob = KEY.publicKey().blob();
        byte[] data = UserauthRequest.publicKeySignedData(AuthHarness.SESSION_ID, "alice", "ssh-connection",
                "ssh-ed25519", blob);
        byte[] signature = JcaSshSigner.of(KEY.privateKey(), AuthHarness.RANDOM).sign("ssh-ed25519", data);
        return List.of(
                new UserauthRequest("alice", "ssh-connection", new UserauthMethod.None()).encode(),
                new UserauthRequest("alice", "ssh-connection",
                        new UserauthMethod.Password("secret", Optional.of("new"))).encode(),
                new UserauthRequest("alice", "ssh-connection",
                        new UserauthMethod.PublicKey("ssh-ed25519", blob, Optional.empty())).encode(),
                new UserauthRequest("alice", "ssh-connection",
                        new UserauthMethod.PublicKey("ssh-ed25519", blob, Optional.of(signature))).encode(),
                new UserauthRequest("alice", "ssh-connection",
                        new UserauthMethod.KeyboardInteractive("", "pam")).encode(),
                new UserauthRequest("alice", "ssh-connection", new UserauthMethod.Hostbased("ssh-ed25519", blob,
                        "client.example", "alice", signature)).encode(),
                new UserauthInfoResponse(List.of("secret", "123456")).encode());
    }

    @Test
    void recordsRoundTrip() throws Exception {
        for (byte[] payload : requests().subList(0, 6)) {
            assertThat(UserauthRequest.decode(payload).encode()).isEqualTo(payload);
        }
        UserauthInfoRequest info = new UserauthInfoRequest("n", "i", "", List.of(new Prompt("P: ", false)));
        assertThat(UserauthInfoRequest.decode(info.encode())).isEqualTo(info);
        UserauthFailure failure = new UserauthFailure(List.of("publickey", "password"), true);
        assertThat(UserauthFailure.decode(failure.encode())).isEqualTo(failure);
        UserauthPkOk ok = new UserauthPkOk("ssh-ed25519", KEY.publicKey().blob());
        assertThat(UserauthPkOk.decode(ok.encode())).isEqualTo(ok);
        assertThat(UserauthInfoResponse.decode(new UserauthInfoResponse(List.of("x")).encode()).responses())
                .containsExactly("x");
        assertThat(new UserauthInfoResponse(List.of("hunter2")).toString()).doesNotContain("hunter2");
        assertThat(UserauthRequest.decode(requests().get(1)).toString()).doesNotContain("secret");
    }

    @Test
    void decodersOnlyThrowSshException() throws Exception {
        List<byte[]> requests = requests();
        fuzz(UserauthRequest::decode, requests.subList(0, 6));
        fuzz(UserauthInfoResponse::decode, List.of(requests.get(6)));
        fuzz(UserauthFailure::decode, List.of(new UserauthFailure(List.of("publickey", "password"), false)
                .encode()));
        fuzz(UserauthSuccess::decode, List.of(new UserauthSuccess().encode()));
        fuzz(UserauthBanner::decode, List.of(new UserauthBanner("Welcome", "en").encode()));
        fuzz(UserauthPkOk::decode, List.of(new UserauthPkOk("ssh-ed25519", KEY.publicKey().blob()).encode()));
        fuzz(UserauthPasswdChangereq::decode, List.of(new UserauthPasswdChangereq("New:", "").encode()));
        fuzz(UserauthInfoRequest::decode, List.of(new UserauthInfoRequest("n", "i", "",
                List.of(new Prompt("Password: ", false), new Prompt("Code: ", true))).encode()));
    }

    private static void fuzz(Decoder decoder, List<byte[]> valid) {
        for (byte[] input : valid) {
            for (long seed = 0; seed < 500; seed++) {
                byte[] mutated = Mutations.mutate(input, seed);
                try {
                    decoder.decode(mutated);
                } catch (SshException expected) {
                    // the only allowed failure
                } catch (RuntimeException e) {
                    fail("seed " + seed + " escaped with " + e, e);
                }
            }
        }
    }

    @Test
    void serverOnPayloadOnlyThrowsSshExceptionAndNeverAuthenticatesWrongly() throws Exception {
        for (byte[] input : requests()) {
            for (long seed = 0; seed < 300; seed++) {
                RecordingHandler handler = new RecordingHandler();
                handler.acceptedKeys = Set.of(KEY.publicKey());
                handler.passwords = java.util.Map.of();
                AuthHarness h = new AuthHarness(handler);
                byte[] mutated = Mutations.mutate(input, seed);
                try {
                    h.server.onPayload(mutated, h.now);
                } catch (SshException expected) {
                    // disconnect
                } catch (RuntimeException e) {
                    fail("seed " + seed + " escaped with " + e, e);
                }
                if (h.server.isAuthenticated()) {
                    // only a still-valid signed request for the accepted key may succeed
                    assertThat(handler.checkedKeys).containsExactly(KEY.publicKey());
                }
            }
        }
    }

    @Test
    void clientOnPayloadOnlyThrowsSshException() throws Exception {
        List<byte[]> replies = List.of(new UserauthFailure(List.of("publickey"), false).encode(),
                new UserauthSuccess().encode(), new UserauthBanner("hi", "").encode(),
                new UserauthPkOk("ssh-ed25519", KEY.publicKey().blob()).encode(),
                new UserauthInfoRequest("", "", "", List.of(new Prompt("P", false))).encode());
        for (byte[] input : replies) {
            for (long seed = 0; seed < 300; seed++) {
                AuthHarness h = new AuthHarness(new RecordingHandler());
                h.client.authPublicKey("alice", AuthHarness.identity(KEY));
                try {
                    h.client.onPayload(Mutations.mutate(input, seed));
                } catch (SshException expected) {
                    // disconnect
                } catch (RuntimeException e) {
                    fail("seed " + seed + " escaped with " + e, e);
                }
            }
        }
    }
}
