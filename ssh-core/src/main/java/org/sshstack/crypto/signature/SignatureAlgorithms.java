package org.sshstack.crypto.signature;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sshstack.SshException;

/** The signature algorithms sshstack implements, looked up by wire name. Immutable. */
public final class SignatureAlgorithms {

    /** Every algorithm, preferred first: modern and non-legacy, then {@code ssh-rsa} (legacy, opt-in). */
    private static final List<SignatureAlgorithm> ALL = List.of(
            new Ed25519SignatureAlgorithm(),
            new EcdsaSignatureAlgorithm(EcdsaCurve.NISTP256),
            new EcdsaSignatureAlgorithm(EcdsaCurve.NISTP384),
            new EcdsaSignatureAlgorithm(EcdsaCurve.NISTP521),
            new RsaSignatureAlgorithm("rsa-sha2-512", "SHA512withRSA", false), // RFC 8332 §3
            new RsaSignatureAlgorithm("rsa-sha2-256", "SHA256withRSA", false), // RFC 8332 §3
            new RsaSignatureAlgorithm("ssh-rsa", "SHA1withRSA", true)); // RFC 4253 §6.6, SHA-1

    private static final Map<String, SignatureAlgorithm> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(SignatureAlgorithm::name, Function.identity()));

    private SignatureAlgorithms() {
    }

    /**
     * @param wireName an algorithm name as sent on the wire
     * @return the algorithm, or empty when not implemented
     */
    public static Optional<SignatureAlgorithm> byName(String wireName) {
        return wireName == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(wireName));
    }

    /**
     * @param wireName an algorithm name as sent on the wire
     * @return the algorithm
     * @throws SshException ({@link UnsupportedSignatureAlgorithmException}) when the name is not implemented
     */
    public static SignatureAlgorithm require(String wireName) throws SshException {
        return byName(wireName).orElseThrow(() -> new UnsupportedSignatureAlgorithmException(String.valueOf(wireName)));
    }

    /** @return every implemented algorithm, preferred first, including the legacy ones (check {@link SignatureAlgorithm#legacy()}) */
    public static List<SignatureAlgorithm> all() {
        return ALL;
    }

    /**
     * @param keyTypeName a key type such as {@code ssh-rsa} or {@code ssh-ed25519}
     * @return the algorithms that sign with that key type, preferred first (legacy ones included, last)
     */
    public static List<SignatureAlgorithm> forKeyType(String keyTypeName) {
        return ALL.stream().filter(a -> a.keyTypeName().equals(keyTypeName)).toList();
    }
}
