package org.sshstack.wire;

/**
 * The SSH message numbers (RFC 4250 §4.1, RFC 4252-4254, RFC 8308, draft-miller-ssh-ping).
 *
 * <p>Numbers 30-49 are reused by each key exchange method and 60-79 by each user authentication method, so
 * several names share a number there; which one applies depends on the negotiated method.
 */
public final class MessageNumbers {

    // RFC 4253 §12: transport layer generic (1-19)
    /** SSH_MSG_DISCONNECT. */
    public static final int DISCONNECT = 1;
    /** SSH_MSG_IGNORE. */
    public static final int IGNORE = 2;
    /** SSH_MSG_UNIMPLEMENTED. */
    public static final int UNIMPLEMENTED = 3;
    /** SSH_MSG_DEBUG. */
    public static final int DEBUG = 4;
    /** SSH_MSG_SERVICE_REQUEST. */
    public static final int SERVICE_REQUEST = 5;
    /** SSH_MSG_SERVICE_ACCEPT. */
    public static final int SERVICE_ACCEPT = 6;
    /** SSH_MSG_EXT_INFO (RFC 8308 §2.3). */
    public static final int EXT_INFO = 7;
    /** SSH_MSG_NEWCOMPRESS (RFC 8308 §3.2). */
    public static final int NEWCOMPRESS = 8;

    // RFC 4253 §12: algorithm negotiation (20-29)
    /** SSH_MSG_KEXINIT. */
    public static final int KEXINIT = 20;
    /** SSH_MSG_NEWKEYS. */
    public static final int NEWKEYS = 21;

    // key exchange method specific (30-49)
    /** SSH_MSG_KEXDH_INIT (RFC 4253 §8). */
    public static final int KEXDH_INIT = 30;
    /** SSH_MSG_KEXDH_REPLY (RFC 4253 §8). */
    public static final int KEXDH_REPLY = 31;
    /** SSH_MSG_KEX_ECDH_INIT (RFC 5656 §7.1), also used by curve25519 (RFC 8731) and sntrup761x25519. */
    public static final int KEX_ECDH_INIT = 30;
    /** SSH_MSG_KEX_ECDH_REPLY (RFC 5656 §7.1). */
    public static final int KEX_ECDH_REPLY = 31;
    /** SSH_MSG_KEX_HYBRID_INIT (draft-ietf-sshm-mlkem-hybrid-kex). */
    public static final int KEX_HYBRID_INIT = 30;
    /** SSH_MSG_KEX_HYBRID_REPLY (draft-ietf-sshm-mlkem-hybrid-kex). */
    public static final int KEX_HYBRID_REPLY = 31;
    /** SSH_MSG_KEX_DH_GEX_REQUEST_OLD (RFC 4419 §5). */
    public static final int KEX_DH_GEX_REQUEST_OLD = 30;
    /** SSH_MSG_KEX_DH_GEX_GROUP (RFC 4419 §5). */
    public static final int KEX_DH_GEX_GROUP = 31;
    /** SSH_MSG_KEX_DH_GEX_INIT (RFC 4419 §5). */
    public static final int KEX_DH_GEX_INIT = 32;
    /** SSH_MSG_KEX_DH_GEX_REPLY (RFC 4419 §5). */
    public static final int KEX_DH_GEX_REPLY = 33;
    /** SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 §5). */
    public static final int KEX_DH_GEX_REQUEST = 34;

    // RFC 4252 §6: user authentication generic (50-59)
    /** SSH_MSG_USERAUTH_REQUEST. */
    public static final int USERAUTH_REQUEST = 50;
    /** SSH_MSG_USERAUTH_FAILURE. */
    public static final int USERAUTH_FAILURE = 51;
    /** SSH_MSG_USERAUTH_SUCCESS. */
    public static final int USERAUTH_SUCCESS = 52;
    /** SSH_MSG_USERAUTH_BANNER. */
    public static final int USERAUTH_BANNER = 53;

    // user authentication method specific (60-79)
    /** SSH_MSG_USERAUTH_PK_OK (RFC 4252 §7). */
    public static final int USERAUTH_PK_OK = 60;
    /** SSH_MSG_USERAUTH_PASSWD_CHANGEREQ (RFC 4252 §8). */
    public static final int USERAUTH_PASSWD_CHANGEREQ = 60;
    /** SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 §5). */
    public static final int USERAUTH_INFO_REQUEST = 60;
    /** SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 §5). */
    public static final int USERAUTH_INFO_RESPONSE = 61;
    /** SSH_MSG_USERAUTH_GSSAPI_RESPONSE (RFC 4462 §3.9). */
    public static final int USERAUTH_GSSAPI_RESPONSE = 60;
    /** SSH_MSG_USERAUTH_GSSAPI_TOKEN (RFC 4462 §3.9). */
    public static final int USERAUTH_GSSAPI_TOKEN = 61;
    /** SSH_MSG_USERAUTH_GSSAPI_EXCHANGE_COMPLETE (RFC 4462 §3.9). */
    public static final int USERAUTH_GSSAPI_EXCHANGE_COMPLETE = 63;
    /** SSH_MSG_USERAUTH_GSSAPI_ERROR (RFC 4462 §3.9). */
    public static final int USERAUTH_GSSAPI_ERROR = 64;
    /** SSH_MSG_USERAUTH_GSSAPI_ERRTOK (RFC 4462 §3.9). */
    public static final int USERAUTH_GSSAPI_ERRTOK = 65;
    /** SSH_MSG_USERAUTH_GSSAPI_MIC (RFC 4462 §3.9). */
    public static final int USERAUTH_GSSAPI_MIC = 66;

    // RFC 4254 §9: connection protocol generic (80-127)
    /** SSH_MSG_GLOBAL_REQUEST. */
    public static final int GLOBAL_REQUEST = 80;
    /** SSH_MSG_REQUEST_SUCCESS. */
    public static final int REQUEST_SUCCESS = 81;
    /** SSH_MSG_REQUEST_FAILURE. */
    public static final int REQUEST_FAILURE = 82;
    /** SSH_MSG_CHANNEL_OPEN. */
    public static final int CHANNEL_OPEN = 90;
    /** SSH_MSG_CHANNEL_OPEN_CONFIRMATION. */
    public static final int CHANNEL_OPEN_CONFIRMATION = 91;
    /** SSH_MSG_CHANNEL_OPEN_FAILURE. */
    public static final int CHANNEL_OPEN_FAILURE = 92;
    /** SSH_MSG_CHANNEL_WINDOW_ADJUST. */
    public static final int CHANNEL_WINDOW_ADJUST = 93;
    /** SSH_MSG_CHANNEL_DATA. */
    public static final int CHANNEL_DATA = 94;
    /** SSH_MSG_CHANNEL_EXTENDED_DATA. */
    public static final int CHANNEL_EXTENDED_DATA = 95;
    /** SSH_MSG_CHANNEL_EOF. */
    public static final int CHANNEL_EOF = 96;
    /** SSH_MSG_CHANNEL_CLOSE. */
    public static final int CHANNEL_CLOSE = 97;
    /** SSH_MSG_CHANNEL_REQUEST. */
    public static final int CHANNEL_REQUEST = 98;
    /** SSH_MSG_CHANNEL_SUCCESS. */
    public static final int CHANNEL_SUCCESS = 99;
    /** SSH_MSG_CHANNEL_FAILURE. */
    public static final int CHANNEL_FAILURE = 100;

    // OpenSSH PROTOCOL §1.9 / draft-miller-ssh-ping (local extensions, 192-255)
    /** SSH2_MSG_PING. */
    public static final int PING = 192;
    /** SSH2_MSG_PONG. */
    public static final int PONG = 193;

    private MessageNumbers() {
    }

    /**
     * A readable name for logs and error messages.
     *
     * @param number a message number
     * @return its name, or the range it belongs to when the number is method-specific or unassigned
     */
    public static String name(int number) {
        String fixed = fixedName(number);
        if (fixed != null) {
            return fixed;
        }
        if (number >= 30 && number <= 49) {
            return "SSH_MSG_KEX_METHOD_SPECIFIC_" + number;
        }
        if (number >= 60 && number <= 79) {
            return "SSH_MSG_USERAUTH_METHOD_SPECIFIC_" + number;
        }
        return "SSH_MSG_UNKNOWN_" + number;
    }

    private static String fixedName(int number) {
        return switch (number) {
            case DISCONNECT -> "SSH_MSG_DISCONNECT";
            case IGNORE -> "SSH_MSG_IGNORE";
            case UNIMPLEMENTED -> "SSH_MSG_UNIMPLEMENTED";
            case DEBUG -> "SSH_MSG_DEBUG";
            case SERVICE_REQUEST -> "SSH_MSG_SERVICE_REQUEST";
            case SERVICE_ACCEPT -> "SSH_MSG_SERVICE_ACCEPT";
            case EXT_INFO -> "SSH_MSG_EXT_INFO";
            case NEWCOMPRESS -> "SSH_MSG_NEWCOMPRESS";
            case KEXINIT -> "SSH_MSG_KEXINIT";
            case NEWKEYS -> "SSH_MSG_NEWKEYS";
            case USERAUTH_REQUEST -> "SSH_MSG_USERAUTH_REQUEST";
            case USERAUTH_FAILURE -> "SSH_MSG_USERAUTH_FAILURE";
            case USERAUTH_SUCCESS -> "SSH_MSG_USERAUTH_SUCCESS";
            case USERAUTH_BANNER -> "SSH_MSG_USERAUTH_BANNER";
            default -> connectionName(number);
        };
    }

    private static String connectionName(int number) {
        return switch (number) {
            case GLOBAL_REQUEST -> "SSH_MSG_GLOBAL_REQUEST";
            case REQUEST_SUCCESS -> "SSH_MSG_REQUEST_SUCCESS";
            case REQUEST_FAILURE -> "SSH_MSG_REQUEST_FAILURE";
            case CHANNEL_OPEN -> "SSH_MSG_CHANNEL_OPEN";
            case CHANNEL_OPEN_CONFIRMATION -> "SSH_MSG_CHANNEL_OPEN_CONFIRMATION";
            case CHANNEL_OPEN_FAILURE -> "SSH_MSG_CHANNEL_OPEN_FAILURE";
            case CHANNEL_WINDOW_ADJUST -> "SSH_MSG_CHANNEL_WINDOW_ADJUST";
            case CHANNEL_DATA -> "SSH_MSG_CHANNEL_DATA";
            case CHANNEL_EXTENDED_DATA -> "SSH_MSG_CHANNEL_EXTENDED_DATA";
            case CHANNEL_EOF -> "SSH_MSG_CHANNEL_EOF";
            case CHANNEL_CLOSE -> "SSH_MSG_CHANNEL_CLOSE";
            case CHANNEL_REQUEST -> "SSH_MSG_CHANNEL_REQUEST";
            case CHANNEL_SUCCESS -> "SSH_MSG_CHANNEL_SUCCESS";
            case CHANNEL_FAILURE -> "SSH_MSG_CHANNEL_FAILURE";
            case PING -> "SSH_MSG_PING";
            case PONG -> "SSH_MSG_PONG";
            default -> null;
        };
    }
}
