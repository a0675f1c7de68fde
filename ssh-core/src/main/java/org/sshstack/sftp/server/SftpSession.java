package org.sshstack.sftp.server;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.sshstack.SshProtocolException;
import org.sshstack.event.SftpOperationCompleted;
import org.sshstack.sftp.SftpExtensionDecoder;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SymlinkArgumentOrder;

/**
 * Serves the requests of one SFTP session, one after another: every request gets exactly one reply, and every
 * failure becomes a STATUS (filexfer-02 §7); only a malformed packet escapes, as {@link SshProtocolException}.
 */
final class SftpSession {

    /** The most names in one READDIR reply. */
    static final int READDIR_BATCH = 100;

    private final SessionState state;
    private final HandleOps handles;
    private final PathOps paths;
    private final ExtensionOps extensions;
    private final SymlinkArgumentOrder symlinkOrder;

    /**
     * @param config the server settings
     * @param user the authenticated user
     * @param root the user's jail
     * @param symlinkOrder the order in which this client sends SYMLINK's paths
     */
    SftpSession(SftpServerConfig config, String user, SftpRoot root, SymlinkArgumentOrder symlinkOrder) {
        this.state = new SessionState(config, user, root, new JailedFiles(root),
                new HandleTable(config.maxHandles(), new SecureRandom()));
        this.handles = new HandleOps(state);
        this.paths = new PathOps(state);
        this.extensions = new ExtensionOps(state);
        this.symlinkOrder = symlinkOrder;
    }

    /**
     * @param request a decoded request
     * @return its reply
     * @throws SshProtocolException if the data of an extension request is malformed
     */
    SftpResponse serve(SftpRequest request) throws SshProtocolException {
        String operation = RequestNames.of(request);
        Instant start = state.now();
        SftpResponse response;
        try {
            if (!state.config().permits(operation)) {
                throw SftpRoot.denied();
            }
            response = dispatch(request);
        } catch (SshProtocolException malformed) {
            throw malformed;
        } catch (IOException | RuntimeException failure) {
            response = Statuses.of(request.id(), failure);
        }
        String status = response instanceof SftpResponse.Status s ? s.status().name() : "OK";
        state.config().listener().sftpOperationCompleted(new SftpOperationCompleted(operation, false, status,
                Duration.between(start, state.now()), bytes(request, response)));
        return response;
    }

    /** Closes every handle: the session is over. */
    void close() {
        state.handles().closeAll();
    }

    private long bytes(SftpRequest request, SftpResponse response) {
        if (response instanceof SftpResponse.Data data) {
            return data.data().length;
        }
        boolean ok = response instanceof SftpResponse.Status s && s.code() == 0;
        if (ok && request instanceof SftpRequest.Write write) {
            return write.data().length;
        }
        return ok && "copy-data".equals(RequestNames.of(request)) ? extensions.copied() : 0;
    }

    private SftpResponse dispatch(SftpRequest request) throws IOException {
        return switch (request.type()) {
            case SftpPacketType.OPEN -> handles.open((SftpRequest.Open) request);
            case SftpPacketType.CLOSE -> handles.close((SftpRequest.HandleRequest) request);
            case SftpPacketType.READ -> handles.read((SftpRequest.Read) request);
            case SftpPacketType.WRITE -> handles.write((SftpRequest.Write) request);
            case SftpPacketType.FSTAT -> handles.fstat((SftpRequest.HandleRequest) request);
            case SftpPacketType.FSETSTAT -> handles.fsetstat((SftpRequest.Fsetstat) request);
            case SftpPacketType.OPENDIR -> handles.openDirectory((SftpRequest.PathRequest) request);
            case SftpPacketType.READDIR -> handles.readDirectory((SftpRequest.HandleRequest) request, READDIR_BATCH);
            case SftpPacketType.SETSTAT, SftpPacketType.MKDIR -> pathAttrs((SftpRequest.PathAttrsRequest) request);
            case SftpPacketType.RENAME, SftpPacketType.SYMLINK -> twoPaths((SftpRequest.TwoPathRequest) request);
            case SftpPacketType.EXTENDED -> extended((SftpRequest.Extended) request);
            default -> onePath((SftpRequest.PathRequest) request);
        };
    }

    private SftpResponse onePath(SftpRequest.PathRequest request) throws IOException {
        int id = request.id();
        String path = request.path();
        return switch (request.type()) {
            case SftpPacketType.STAT -> paths.stat(id, path, true);
            case SftpPacketType.LSTAT -> paths.stat(id, path, false);
            case SftpPacketType.REMOVE -> paths.remove(id, path, false);
            case SftpPacketType.RMDIR -> paths.remove(id, path, true);
            case SftpPacketType.REALPATH -> paths.realPath(id, path);
            default -> paths.readLink(id, path);
        };
    }

    private SftpResponse pathAttrs(SftpRequest.PathAttrsRequest request) throws IOException {
        return request.type() == SftpPacketType.MKDIR ? paths.mkdir(request.id(), request.path(), request.attrs())
                : paths.setStat(request.id(), request.path(), request.attrs(), true);
    }

    private SftpResponse twoPaths(SftpRequest.TwoPathRequest request) throws IOException {
        return request.type() == SftpPacketType.RENAME
                ? paths.rename(request.id(), request.first(), request.second(), false)
                : paths.symlink(request.id(), symlinkOrder.target(request.first(), request.second()),
                        symlinkOrder.link(request.first(), request.second()));
    }

    private SftpResponse extended(SftpRequest.Extended request) throws IOException {
        int id = request.id();
        SftpExtensionRequest parsed = SftpExtensionDecoder.decode(request);
        if (parsed instanceof SftpExtensionRequest.TwoPaths two) {
            return two.name().equals(SftpExtensionNames.HARDLINK)
                    ? paths.hardLink(id, two.oldPath(), two.newPath())
                    : paths.rename(id, two.oldPath(), two.newPath(), true);
        }
        if (parsed instanceof SftpExtensionRequest.OnePath one) {
            return onePathExtension(id, one);
        }
        if (parsed instanceof SftpExtensionRequest.OneHandle one) {
            OpenHandle.File file = state.file(one.handle());
            if (one.name().equals(SftpExtensionNames.FSYNC)) {
                HandleOps.sync(file);
                return SftpResponse.Status.ok(id);
            }
            return extensions.statVfs(id, file.path());
        }
        if (parsed instanceof SftpExtensionRequest.Lsetstat set) {
            return paths.setStat(id, set.path(), set.attrs(), false);
        }
        if (parsed instanceof SftpExtensionRequest.CopyData copy) {
            return extensions.copyData(id, copy);
        }
        if (parsed instanceof SftpExtensionRequest.UsersGroupsById ids) {
            return extensions.usersGroups(id, ids);
        }
        return extensions.limits(id);
    }

    private SftpResponse onePathExtension(int id, SftpExtensionRequest.OnePath request) throws IOException {
        return switch (request.name()) {
            case SftpExtensionNames.STATVFS ->
                    extensions.statVfs(id, state.root().resolve(request.path()));
            case SftpExtensionNames.EXPAND_PATH -> extensions.expandPath(id, request.path());
            default -> extensions.homeDirectory(id, request.path());
        };
    }
}
