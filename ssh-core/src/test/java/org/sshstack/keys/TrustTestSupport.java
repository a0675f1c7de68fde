package org.sshstack.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.wire.SshWriter;

/** Test helpers for certificates and trust files: resource loading, key generation and hand-built certificates. */
public final class TrustTestSupport {

    private TrustTestSupport() {
    }

    /** @return the content of a test resource under {@code org/sshstack/keys/} */
    public static String resource(String relative) throws IOException {
        try (InputStream in = TrustTestSupport.class.getResourceAsStream("/org/sshstack/keys/" + relative)) {
            if (in == null) {
                throw new IOException("missing test resource " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return the blob of an OpenSSH one-line public key ({@code type base64 [comment]}) */
    public static byte[] blobOf(String publicKeyLine) {
        return Base64.getDecoder().decode(publicKeyLine.strip().split("\\s+")[1]);
    }

    /** @return a fresh Ed25519 key pair */
    public static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** @return the public half as a model key */
    public static StandardPublicKey ed25519Public(KeyPair pair) {
        return new StandardPublicKey(KeyType.ED25519, pair.getPublic());
    }

    /** A hand-built certificate, every field settable, signed by an Ed25519 CA (or given a raw signature). */
    public static final class CertBuilder {
        public StandardPublicKey subject;
        public long serial = 42;
        public int type = 1;
        public String keyId = "test-id";
        public List<String> principals = List.of("alice");
        public long validAfter = 0;
        public long validBefore = OpenSshCertificate.FOREVER;
        public List<String[]> critical = List.of();
        public List<String[]> extensions = List.of();
        public byte[] caBlob;
        public KeyPair caPair;
        public String signatureName = "ssh-ed25519";

        /** @param subject the certified key @param caPair an Ed25519 CA */
        public CertBuilder(StandardPublicKey subject, KeyPair caPair) {
            this.subject = subject;
            this.caPair = caPair;
            this.caBlob = ed25519Public(caPair).blob();
        }

        /** @return the signed certificate blob */
        public byte[] build() throws SshException {
            byte[] signed = signedPart();
            byte[] signature = SignatureAlgorithms.require("ssh-ed25519")
                    .sign(caPair.getPrivate(), signed, new SecureRandom());
            if (!signatureName.equals("ssh-ed25519")) {
                signature = new SshWriter().writeString(signatureName).writeString(new byte[64]).toByteArray();
            }
            return new SshWriter().writeBytes(signed).writeString(signature).toByteArray();
        }

        private byte[] signedPart() {
            SshWriter out = new SshWriter();
            out.writeString(subject.keyType().certificateName());
            out.writeString(new byte[32]);
            PublicKeyCodec.writeKeyFields(out, subject.keyType(), subject.javaKey());
            out.writeUint64(serial).writeUint32(type).writeString(keyId);
            SshWriter names = new SshWriter();
            principals.forEach(names::writeString);
            out.writeString(names.toByteArray());
            out.writeUint64(validAfter).writeUint64(validBefore);
            out.writeString(options(critical)).writeString(options(extensions));
            out.writeString(new byte[0]).writeString(caBlob);
            return out.toByteArray();
        }

        private static byte[] options(List<String[]> options) {
            SshWriter out = new SshWriter();
            for (String[] option : options) {
                out.writeString(option[0]);
                out.writeString(option[1] == null ? new byte[0]
                        : new SshWriter().writeString(option[1]).toByteArray());
            }
            return out.toByteArray();
        }
    }
}
