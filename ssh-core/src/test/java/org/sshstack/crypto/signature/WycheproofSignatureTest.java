package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.SshException;
import org.sshstack.wire.SshWriter;

/**
 * Runs the Wycheproof verification vectors through our verifiers, wrapped in SSH signature blobs: every
 * {@code valid} case must verify, every {@code invalid} case must be rejected (false or an {@link SshException};
 * any other exception is a failure).
 *
 * <p>ECDSA vectors carry DER signatures; this test parses them strictly (BC ASN.1, then re-encoding as DER must give
 * back the same bytes, and the sequence must hold exactly two INTEGERs) and re-encodes {@code r, s} as the SSH blob
 * {@code mpint r || mpint s}. A signature that is not strict DER (BER lengths, extra zeros, wrong types, trailing data)
 * is rejected by that parser, so those "encoding only" flaws are invalid by construction, not by our verifier; SSH has
 * no DER, so the cases that reach our verifier are the ones about values (range, arithmetic, modified r/s).
 *
 * <p>{@code acceptable}: the only such cases are RSA {@code MissingNull} (DigestInfo without the NULL parameter). We
 * reject them, as OpenSSH does: our verifier compares against the single RFC 8017 §9.2 encoding.
 */
class WycheproofSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "ed25519_test.json, ssh-ed25519, 151",
        "ecdsa_secp256r1_sha256_test.json, ecdsa-sha2-nistp256, 484",
        "ecdsa_secp384r1_sha384_test.json, ecdsa-sha2-nistp384, 504",
        "ecdsa_secp521r1_sha512_test.json, ecdsa-sha2-nistp521, 542",
        "rsa_signature_2048_sha256_test.json, rsa-sha2-256, 259",
        "rsa_signature_2048_sha512_test.json, rsa-sha2-512, 259",
        "rsa_signature_3072_sha256_test.json, rsa-sha2-256, 259",
        "rsa_signature_4096_sha512_test.json, rsa-sha2-512, 259"
    })
    void everyVectorGivesTheExpectedResult(String file, String algorithmName, int expectedCount) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(algorithmName);
        JsonNode root = load(file);
        List<String> failures = new ArrayList<>();
        int count = 0;
        int invalidSeenByVerifier = 0;
        for (JsonNode group : root.get("testGroups")) {
            PublicKey key = publicKey(algorithmName, group);
            for (JsonNode test : group.get("tests")) {
                count++;
                String outcome = run(algorithm, key, test);
                boolean wantValid = test.get("result").asText().equals("valid");
                if (!wantValid && !outcome.equals("rejected by the DER parser")) {
                    invalidSeenByVerifier++;
                }
                outcome = outcome.equals("rejected by the DER parser") ? "rejected" : outcome;
                if (!outcome.equals(wantValid ? "accepted" : "rejected")) {
                    failures.add("tcId " + test.get("tcId").asInt() + " " + test.get("flags") + " "
                            + test.get("comment").asText() + ": " + outcome);
                }
            }
        }
        assertThat(count).isEqualTo(expectedCount);
        assertThat(invalidSeenByVerifier).as("invalid cases that reach our verifier").isGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    private static String run(SignatureAlgorithm algorithm, PublicKey key, JsonNode test) {
        byte[] msg = HEX.parseHex(test.get("msg").asText());
        byte[] sig = HEX.parseHex(test.get("sig").asText());
        try {
            byte[] inner = algorithm.name().startsWith("ecdsa-") ? sshEcdsaSignature(sig) : sig;
            if (inner == null) {
                return "rejected by the DER parser"; // invalid by construction (see class comment)
            }
            byte[] blob = new SshWriter().writeString(algorithm.name()).writeString(inner).toByteArray();
            return algorithm.verify(key, msg, blob) ? "accepted" : "rejected";
        } catch (SshException e) {
            return "rejected";
        } catch (RuntimeException e) {
            return "unexpected " + e;
        }
    }

    /** @return {@code mpint r || mpint s} from a strict DER ECDSA signature, or null if it is not strict DER */
    static byte[] sshEcdsaSignature(byte[] der) {
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
            if (!(parsed instanceof ASN1Sequence seq) || seq.size() != 2
                    || !(seq.getObjectAt(0) instanceof ASN1Integer r) || !(seq.getObjectAt(1) instanceof ASN1Integer s)
                    || !java.util.Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), der)) {
                return null;
            }
            return new SshWriter().writeMpint(r.getValue()).writeMpint(s.getValue()).toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static PublicKey publicKey(String algorithmName, JsonNode group) throws Exception {
        JsonNode key = group.get("publicKey");
        if (algorithmName.equals("ssh-ed25519")) {
            byte[] spki = HEX.parseHex("302a300506032b6570032100" + key.get("pk").asText());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }
        if (algorithmName.startsWith("ecdsa-")) {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(key.get("curve").asText()));
            ECPoint w = new ECPoint(new BigInteger(1, HEX.parseHex(key.get("wx").asText())),
                    new BigInteger(1, HEX.parseHex(key.get("wy").asText())));
            return KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(w, params.getParameterSpec(ECParameterSpec.class)));
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, HEX.parseHex(key.get("modulus").asText())),
                new BigInteger(1, HEX.parseHex(key.get("publicExponent").asText()))));
    }

    private static JsonNode load(String file) throws IOException {
        try (InputStream in = WycheproofSignatureTest.class.getResourceAsStream("wycheproof/" + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
