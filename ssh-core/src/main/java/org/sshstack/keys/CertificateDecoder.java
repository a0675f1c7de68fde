package org.sshstack.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/** Parses the v01 certificate blob of every key family (PROTOCOL.certkeys, PROTOCOL.u2f, draft-ietf-sshm-cert). */
final class CertificateDecoder {

    /** Largest nonce accepted; OpenSSH writes 32 bytes. */
    private static final int MAX_NONCE = 1024;

    /** Largest principals / options / extensions section. */
    private static final int MAX_SECTION = 64 * 1024;

    /** Largest CA key or signature blob (RSA-16384 fits). */
    private static final int MAX_KEY_BLOB = 16 * 1024;

    private CertificateDecoder() {
    }

    static OpenSshCertificate decode(byte[] blob) throws SshProtocolException {
        SshReader in = new SshReader(blob);
        String name = in.readAscii();
        KeyType type = KeyType.fromCertificateName(name)
                .orElseThrow(() -> new SshProtocolException("unsupported certificate type " + name));
        OpenSshCertificate.Fields f = new OpenSshCertificate.Fields();
        f.keyType = type;
        f.nonce = in.readString(MAX_NONCE);
        f.certifiedKey = type.isSecurityKey()
                ? SecurityKeyPublicKey.read(type, in)
                : new StandardPublicKey(type, PublicKeyCodec.readKeyFields(in, type));
        f.serial = in.readUint64();
        f.type = CertificateType.fromCode(in.readUint32());
        f.keyId = in.readUtf8();
        f.principals = principals(in.readString(MAX_SECTION));
        f.validAfter = in.readUint64();
        f.validBefore = in.readUint64();
        f.criticalOptions = options(in.readString(MAX_SECTION), "critical option");
        f.extensions = options(in.readString(MAX_SECTION), "extension");
        f.reserved = in.readString(MAX_SECTION);
        f.signatureKey = signatureKey(in.readString(MAX_KEY_BLOB));
        f.signedLength = blob.length - in.remaining();
        f.signature = in.readString(MAX_KEY_BLOB);
        f.signatureAlgorithm = signatureAlgorithm(f.signature);
        in.expectEnd(); // no trailing bytes after the signature
        f.blob = blob.clone();
        return new OpenSshCertificate(f);
    }

    private static List<String> principals(byte[] section) throws SshProtocolException {
        SshReader in = new SshReader(section);
        List<String> out = new ArrayList<>();
        while (in.hasRemaining()) {
            out.add(in.readUtf8());
        }
        return List.copyOf(out);
    }

    // PROTOCOL.certkeys: "Options must be lexically ordered by name ... Each named option may only appear once."
    private static List<CertificateOption> options(byte[] section, String what) throws SshProtocolException {
        SshReader in = new SshReader(section);
        List<CertificateOption> out = new ArrayList<>();
        byte[] previous = null;
        while (in.hasRemaining()) {
            CertificateOption option = new CertificateOption(in.readUtf8(), in.readString(MAX_SECTION));
            byte[] name = option.nameBytes();
            if (previous != null) {
                int order = Arrays.compareUnsigned(previous, name);
                if (order == 0) {
                    throw new SshProtocolException("duplicate certificate " + what + " " + option.name());
                }
                if (order > 0) {
                    throw new SshProtocolException("certificate " + what + " " + option.name() + " is out of order");
                }
            }
            previous = name;
            out.add(option);
        }
        return List.copyOf(out);
    }

    // PROTOCOL.certkeys: "Chained certificates, where the signature key type is a certificate type itself are NOT
    // supported."
    private static SshPublicKey signatureKey(byte[] caBlob) throws SshProtocolException {
        String caType = new SshReader(caBlob).readAscii();
        if (KeyType.fromCertificateName(caType).isPresent()) {
            throw new SshProtocolException("certificate signed by a certificate (" + caType
                    + "): a certificate is never accepted as a CA key");
        }
        return PublicKeyCodec.decode(caBlob);
    }

    // RFC 4253 §6.6: string format-identifier, string signature-blob
    private static String signatureAlgorithm(byte[] signature) throws SshProtocolException {
        SshReader in = new SshReader(signature);
        String name = in.readAscii();
        in.readString();
        in.expectEnd();
        return name;
    }
}
