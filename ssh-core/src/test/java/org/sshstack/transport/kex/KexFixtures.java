package org.sshstack.transport.kex;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.transport.AlgorithmNames;
import org.sshstack.transport.Identification;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.KexProposal;

/** Test support: host keys made with JCA, transcripts, and an in-memory run of a client and a server driver. */
final class KexFixtures {

    static final SecureRandom RANDOM = new SecureRandom();

    /** One host key per family, made once per test JVM (RSA generation is slow). */
    private static final Map<KeyType, KeyPair> KEYS = Map.of(
            KeyType.ED25519, generate("Ed25519", null),
            KeyType.ECDSA_NISTP256, generate("EC", "secp256r1"),
            KeyType.ECDSA_NISTP384, generate("EC", "secp384r1"),
            KeyType.ECDSA_NISTP521, generate("EC", "secp521r1"),
            KeyType.RSA, generate("RSA", null));

    /** The host key algorithms the tests run, with the key family each needs. */
    static final Map<String, KeyType> HOST_KEY_ALGORITHMS = Map.of(
            "ssh-ed25519", KeyType.ED25519,
            "ecdsa-sha2-nistp256", KeyType.ECDSA_NISTP256,
            "ecdsa-sha2-nistp384", KeyType.ECDSA_NISTP384,
            "ecdsa-sha2-nistp521", KeyType.ECDSA_NISTP521,
            "rsa-sha2-256", KeyType.RSA,
            "rsa-sha2-512", KeyType.RSA);

    private KexFixtures() {
    }

    static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair keyPair(KeyType type) {
        return KEYS.get(type);
    }

    static ServerHostKey hostKey(KeyType type) {
        KeyPair pair = KEYS.get(type);
        try {
            return new ServerHostKey(new StandardPublicKey(type, pair.getPublic()),
                    JcaSshSigner.of(pair.getPrivate(), RANDOM));
        } catch (SshException e) {
            throw new AssertionError(e);
        }
    }

    static KexTranscript transcript(String kex, String hostKeyAlgorithm) throws SshException {
        byte[] clientCookie = new byte[16];
        byte[] serverCookie = new byte[16];
        RANDOM.nextBytes(clientCookie);
        RANDOM.nextBytes(serverCookie);
        KexInit client = KexInit.create(clientCookie, KexProposal.symmetric(List.of(kex, "ext-info-c"),
                List.of(hostKeyAlgorithm), AlgorithmNames.CIPHER, AlgorithmNames.MAC, List.of("none")), false);
        KexInit server = KexInit.create(serverCookie, KexProposal.symmetric(List.of(kex),
                List.of(hostKeyAlgorithm), AlgorithmNames.CIPHER, AlgorithmNames.MAC, List.of("none")), false);
        return new KexTranscript(Identification.parse("SSH-2.0-sshstack_test client"),
                Identification.parse("SSH-2.0-OpenSSH_9.9"), client, server);
    }

    /** Everything one in-memory exchange produced. */
    record Exchange(KexResult client, KexResult server, List<byte[]> clientSent, List<byte[]> serverSent,
            KexTranscript transcript) {
    }

    static Exchange run(String kex, String hostKeyAlgorithm, ServerHostKey hostKey, byte[] previousSessionId)
            throws SshException {
        KexMethod method = KexMethods.require(kex);
        KexTranscript transcript = transcript(kex, hostKeyAlgorithm);
        ClientKeyExchange client = ClientKeyExchange.create(method, transcript, hostKeyAlgorithm, previousSessionId,
                RANDOM);
        ServerKeyExchange server = ServerKeyExchange.create(method, transcript, hostKeyAlgorithm, hostKey,
                previousSessionId, RANDOM, Moduli.builtIn());
        return drive(client, server, transcript);
    }

    static Exchange drive(ClientKeyExchange client, ServerKeyExchange server, KexTranscript transcript)
            throws SshException {
        List<byte[]> clientSent = new ArrayList<>();
        List<byte[]> serverSent = new ArrayList<>();
        byte[] next = client.start();
        KexResult serverResult = null;
        for (int round = 0; round < 4; round++) {
            clientSent.add(next);
            KexStep serverStep = server.onMessage(next);
            serverSent.addAll(serverStep.payloads());
            if (serverStep.complete()) {
                serverResult = serverStep.result().orElseThrow();
            }
            for (byte[] payload : serverStep.payloads()) {
                KexStep clientStep = client.onMessage(payload);
                if (clientStep.complete()) {
                    return new Exchange(clientStep.result().orElseThrow(), serverResult, clientSent, serverSent,
                            transcript);
                }
                next = clientStep.payloads().get(0);
            }
        }
        throw new AssertionError("exchange did not finish");
    }
}
