package org.sshstack.sftp.client;

import java.util.List;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpStatusCode;

/** Turns a reply into the value a request expects, or into the typed exception its STATUS names. */
final class Replies {

    private Replies() {
    }

    /** Requires STATUS OK (filexfer-02 §7). */
    static void ok(SftpResponse reply) throws SshException {
        if (!(reply instanceof SftpResponse.Status status)) {
            throw unexpected(reply, "STATUS");
        }
        if (status.status() != SftpStatusCode.OK) {
            throw SftpException.of(status);
        }
    }

    /** @return the handle of a HANDLE reply */
    static SftpHandle handle(SftpResponse reply) throws SshException {
        if (reply instanceof SftpResponse.Handle h) {
            return h.handle();
        }
        throw failure(reply, "HANDLE");
    }

    /** @return the attributes of an ATTRS reply */
    static SftpAttributes attrs(SftpResponse reply) throws SshException {
        if (reply instanceof SftpResponse.Attrs a) {
            return a.attrs();
        }
        throw failure(reply, "ATTRS");
    }

    /** @return the entries of a NAME reply, or an empty list for STATUS EOF (end of a directory) */
    static List<SftpResponse.NameEntry> namesOrEof(SftpResponse reply) throws SshException {
        if (reply instanceof SftpResponse.Name n) {
            return n.entries();
        }
        if (isEof(reply)) {
            return List.of();
        }
        throw failure(reply, "NAME");
    }

    /** @return the single name of a NAME reply (REALPATH, READLINK, expand-path, home-directory) */
    static String singleName(SftpResponse reply) throws SshException {
        if (reply instanceof SftpResponse.Name n) {
            if (n.entries().size() != 1) {
                throw new SshProtocolException("expected one name, got " + n.entries().size());
            }
            return n.entries().get(0).filename();
        }
        throw failure(reply, "NAME");
    }

    /** @return the bytes of a DATA reply, or null for STATUS EOF */
    static byte[] dataOrEof(SftpResponse reply) throws SshException {
        if (reply instanceof SftpResponse.Data d) {
            return d.data();
        }
        if (isEof(reply)) {
            return null;
        }
        throw failure(reply, "DATA");
    }

    /** @return the data of an EXTENDED_REPLY */
    static byte[] extended(SftpResponse reply) throws SshException {
        if (reply instanceof SftpResponse.ExtendedReply r) {
            return r.data();
        }
        throw failure(reply, "EXTENDED_REPLY");
    }

    private static boolean isEof(SftpResponse reply) {
        return reply instanceof SftpResponse.Status s && s.status() == SftpStatusCode.EOF;
    }

    private static SshException failure(SftpResponse reply, String expected) {
        if (reply instanceof SftpResponse.Status status && status.status() != SftpStatusCode.OK) {
            return SftpException.of(status);
        }
        return unexpected(reply, expected);
    }

    private static SshProtocolException unexpected(SftpResponse reply, String expected) {
        return new SshProtocolException("expected an SFTP " + expected + " reply, got "
                + reply.getClass().getSimpleName());
    }
}
