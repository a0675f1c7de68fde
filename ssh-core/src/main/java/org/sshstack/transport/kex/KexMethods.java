package org.sshstack.transport.kex;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sshstack.crypto.kex.Curve25519;
import org.sshstack.crypto.kex.EcdhNistp;
import org.sshstack.crypto.kex.FiniteFieldDh;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.kex.MlKem768X25519;
import org.sshstack.crypto.kex.Sntrup761X25519;

/**
 * The key exchange methods sshstack implements, by wire name (the names of
 * {@link org.sshstack.transport.AlgorithmNames#KEX}, plus the legacy SHA-1 ones of
 * {@link org.sshstack.transport.AlgorithmNames#INSECURE_KEX}, used only when named). diffie-hellman-group1-sha1 uses
 * the fixed 1024-bit Oakley group 2, below RFC 8270 §4's floor; group exchange still never accepts a group under 2048
 * bits.
 */
public final class KexMethods {

    private static final List<KexMethod> ALL = List.of(
            new KexMethod("mlkem768x25519-sha256", KexHash.SHA256, KexFamily.HYBRID, false, MlKem768X25519::new),
            new KexMethod("sntrup761x25519-sha512", KexHash.SHA512, KexFamily.HYBRID, false, Sntrup761X25519::new),
            new KexMethod("sntrup761x25519-sha512@openssh.com", KexHash.SHA512, KexFamily.HYBRID, false,
                    Sntrup761X25519::new),
            new KexMethod("curve25519-sha256", KexHash.SHA256, KexFamily.ECDH, false, Curve25519::new), // RFC 8731
            new KexMethod("curve25519-sha256@libssh.org", KexHash.SHA256, KexFamily.ECDH, false, Curve25519::new),
            new KexMethod("ecdh-sha2-nistp256", KexHash.SHA256, KexFamily.ECDH, false, () -> EcdhNistp.P256), // RFC 5656 §6.2.1
            new KexMethod("ecdh-sha2-nistp384", KexHash.SHA384, KexFamily.ECDH, false, () -> EcdhNistp.P384),
            new KexMethod("ecdh-sha2-nistp521", KexHash.SHA512, KexFamily.ECDH, false, () -> EcdhNistp.P521),
            new KexMethod("diffie-hellman-group-exchange-sha256", KexHash.SHA256, KexFamily.GEX, false, null),
            new KexMethod("diffie-hellman-group16-sha512", KexHash.SHA512, KexFamily.DH, false,
                    () -> FiniteFieldDh.GROUP16), // RFC 8268 §3
            new KexMethod("diffie-hellman-group18-sha512", KexHash.SHA512, KexFamily.DH, false,
                    () -> FiniteFieldDh.GROUP18),
            new KexMethod("diffie-hellman-group14-sha256", KexHash.SHA256, KexFamily.DH, false,
                    () -> FiniteFieldDh.GROUP14),
            new KexMethod("diffie-hellman-group14-sha1", KexHash.SHA1, KexFamily.DH, true,
                    () -> FiniteFieldDh.GROUP14), // RFC 4253 §8.2, legacy
            new KexMethod("diffie-hellman-group-exchange-sha1", KexHash.SHA1, KexFamily.GEX, true, null), // RFC 4419
            new KexMethod("diffie-hellman-group1-sha1", KexHash.SHA1, KexFamily.DH, true,
                    () -> FiniteFieldDh.LEGACY_GROUP1)); // RFC 4253 §8.1, legacy (1024-bit Oakley group 2)

    private static final Map<String, KexMethod> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(KexMethod::name, Function.identity()));

    private KexMethods() {
    }

    /** @return every implemented method, in {@link org.sshstack.transport.AlgorithmNames#KEX} order, legacy last */
    public static List<KexMethod> all() {
        return ALL;
    }

    /**
     * @param name a kex method wire name
     * @return the method, or empty when not implemented
     */
    public static Optional<KexMethod> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * @param name the negotiated kex method
     * @return the method
     * @throws KeyExchangeException when the name is not implemented
     */
    public static KexMethod require(String name) throws KeyExchangeException {
        return byName(name).orElseThrow(() -> new KeyExchangeException(
                "key exchange method " + name + " is not implemented"));
    }
}
