package org.sshstack.crypto.signature;

import java.math.BigInteger;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The NIST curves of RFC 5656 §10.1 with the hash each ECDSA signature uses (RFC 5656 §6.2.1). */
enum EcdsaCurve {
    NISTP256("nistp256", "secp256r1", SHA256Digest::new),
    NISTP384("nistp384", "secp384r1", SHA384Digest::new),
    NISTP521("nistp521", "secp521r1", SHA512Digest::new);

    private final String sshName;
    private final ECDomainParameters domain;
    private final Supplier<Digest> digest;

    EcdsaCurve(String sshName, String secName, Supplier<Digest> digest) {
        this.sshName = sshName;
        X9ECParameters x9 = CustomNamedCurves.getByName(secName);
        this.domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        this.digest = digest;
    }

    /** @return the SSH algorithm and key type name, {@code ecdsa-sha2-<curve>} (RFC 5656 §6.2) */
    String algorithmName() {
        return "ecdsa-sha2-" + sshName;
    }

    /** @return the Bouncy Castle domain parameters */
    ECDomainParameters domain() {
        return domain;
    }

    /** @return a fresh instance of this curve's hash */
    Digest newDigest() {
        return digest.get();
    }

    /** @return the group order n */
    BigInteger order() {
        return domain.getN();
    }

    /**
     * @param data the message
     * @return the hash of the message with this curve's hash function
     */
    byte[] hash(byte[] data) {
        Digest d = newDigest();
        d.update(data, 0, data.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /**
     * @param params JCA curve parameters of a key
     * @return true when they describe this curve (same field size, order and generator)
     */
    boolean matches(ECParameterSpec params) {
        if (params == null || params.getCurve().getField().getFieldSize() != domain.getCurve().getFieldSize()) {
            return false;
        }
        ECPoint g = params.getGenerator();
        return params.getOrder().equals(domain.getN())
                && g.getAffineX().equals(domain.getG().getAffineXCoord().toBigInteger())
                && g.getAffineY().equals(domain.getG().getAffineYCoord().toBigInteger());
    }
}
