package org.sshstack.keys;

import org.sshstack.SshProtocolException;

/** Whether a certificate identifies a user or a host (PROTOCOL.certkeys: SSH_CERT_TYPE_USER 1, SSH_CERT_TYPE_HOST 2). */
public enum CertificateType {
    /** SSH_CERT_TYPE_USER: principals are user names. */
    USER(1),
    /** SSH_CERT_TYPE_HOST: principals are host names. */
    HOST(2);

    private final int code;

    CertificateType(int code) {
        this.code = code;
    }

    /** @return the uint32 value on the wire */
    public int code() {
        return code;
    }

    /**
     * @param code the uint32 value on the wire
     * @return the type
     * @throws SshProtocolException for any value other than 1 or 2
     */
    public static CertificateType fromCode(long code) throws SshProtocolException {
        for (CertificateType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new SshProtocolException("unknown certificate type " + code);
    }
}
