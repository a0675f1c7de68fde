package org.sshstack.transport;

import java.util.List;
import java.util.Set;

/**
 * The algorithm names sshstack knows, by category: the secure ones (in preference order), the insecure ones that
 * are only used when named explicitly, and the pseudo-algorithm markers that signal extensions in kex_algorithms.
 */
public final class AlgorithmNames {

    /** RFC 8308 §2.1: the client accepts SSH_MSG_EXT_INFO. */
    public static final String EXT_INFO_C = "ext-info-c";
    /** RFC 8308 §2.1: the server accepts SSH_MSG_EXT_INFO. */
    public static final String EXT_INFO_S = "ext-info-s";
    /** draft-ietf-sshm-strict-kex §3.1: pre-standard client marker (what OpenSSH sends). */
    public static final String KEX_STRICT_C_V00 = "kex-strict-c-v00@openssh.com";
    /** draft-ietf-sshm-strict-kex §3.1: pre-standard server marker. */
    public static final String KEX_STRICT_S_V00 = "kex-strict-s-v00@openssh.com";
    /** draft-ietf-sshm-strict-kex §3.1: standard client marker. */
    public static final String KEX_STRICT_C = "kex-strict-c";
    /** draft-ietf-sshm-strict-kex §3.1: standard server marker. */
    public static final String KEX_STRICT_S = "kex-strict-s";

    /** Markers that may appear in kex_algorithms but must never be chosen as a method (RFC 8308 §2.2). */
    public static final Set<String> PSEUDO_ALGORITHMS =
            Set.of(EXT_INFO_C, EXT_INFO_S, KEX_STRICT_C_V00, KEX_STRICT_S_V00, KEX_STRICT_C, KEX_STRICT_S);

    /** Key exchange methods, in OpenSSH 10's client order. */
    public static final List<String> KEX = List.of(
            "mlkem768x25519-sha256",
            "sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com",
            "curve25519-sha256",
            "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256",
            "ecdh-sha2-nistp384",
            "ecdh-sha2-nistp521",
            "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512",
            "diffie-hellman-group18-sha512",
            "diffie-hellman-group14-sha256");

    /** SHA-1 and 1024-bit key exchange: opt-in by name only (RFC 9142 §4). */
    public static final List<String> INSECURE_KEX = List.of(
            "diffie-hellman-group14-sha1",
            "diffie-hellman-group-exchange-sha1",
            "diffie-hellman-group1-sha1");

    /** Host key algorithms, certificates first, in OpenSSH 10's order (without the security-key types). */
    public static final List<String> HOST_KEY = List.of(
            "ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com",
            "ssh-ed25519",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "rsa-sha2-512",
            "rsa-sha2-256");

    /** RSA with SHA-1 signatures: opt-in by name only (disabled by default since OpenSSH 8.8). */
    public static final List<String> INSECURE_HOST_KEY = List.of("ssh-rsa");

    /** Ciphers, in the order of SECURITY.md §6.1 (the AES-256 variants before AES-128). */
    public static final List<String> CIPHER = List.of(
            "chacha20-poly1305@openssh.com",
            "aes256-gcm@openssh.com",
            "aes128-gcm@openssh.com",
            "aes256-ctr",
            "aes192-ctr",
            "aes128-ctr");

    /** CBC modes and 3DES: opt-in by name only (CVE-2008-5161). */
    public static final List<String> INSECURE_CIPHER = List.of(
            "aes256-cbc",
            "aes192-cbc",
            "aes128-cbc",
            "3des-cbc");

    /**
     * Ciphers that authenticate the packet themselves, so no MAC is negotiated with them: the OpenSSH names and the
     * standard names of draft-ietf-sshm-chacha20-poly1305 §5 and draft-miller-sshm-aes-gcm §2.
     */
    public static final Set<String> AEAD_CIPHERS = Set.of(
            "chacha20-poly1305@openssh.com",
            "aes256-gcm@openssh.com",
            "aes128-gcm@openssh.com",
            "chacha20-poly1305",
            "aes256-gcm",
            "aes128-gcm");

    /** MACs: encrypt-then-MAC first, then the encrypt-and-MAC forms (PROTOCOL §1.5, RFC 6668). */
    public static final List<String> MAC = List.of(
            "hmac-sha2-256-etm@openssh.com",
            "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256",
            "hmac-sha2-512");

    /** SHA-1 MACs: opt-in by name only. */
    public static final List<String> INSECURE_MAC = List.of(
            "hmac-sha1-etm@openssh.com",
            "hmac-sha1");

    /** Compression: none, or zlib delayed until after authentication (draft-miller-secsh-compression-delayed). */
    public static final List<String> COMPRESSION = List.of("none", "zlib@openssh.com");

    /**
     * Plain {@code zlib} (RFC 4253 §6.2) compresses from the first NEWKEYS, before authentication, which exposes the
     * decompressor to unauthenticated peers (SECURITY.md B10): opt-in by name only.
     */
    public static final List<String> INSECURE_COMPRESSION = List.of("zlib");

    private AlgorithmNames() {
    }

    /**
     * @param name an algorithm name
     * @return true when it is one of the pseudo-algorithm markers
     */
    public static boolean isPseudo(String name) {
        return PSEUDO_ALGORITHMS.contains(name);
    }

    /**
     * @param cipher a cipher name
     * @return true when the cipher is AEAD, so the MAC name-list is ignored (PROTOCOL §1.6-1.7,
     *     draft-miller-sshm-aes-gcm §2)
     */
    public static boolean isAead(String cipher) {
        return AEAD_CIPHERS.contains(cipher);
    }
}
