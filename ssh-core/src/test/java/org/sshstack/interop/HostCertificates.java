package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.testing.PeerTools;
import org.sshstack.transport.AlgorithmNames;

/**
 * A throwaway OpenSSH certificate authority for host certificates: an Ed25519 CA key made by {@code ssh-keygen},
 * host keys signed with {@code ssh-keygen -s ca -h} for 127.0.0.1 and localhost, and the known_hosts
 * {@code @cert-authority} line that trusts it.
 */
public final class HostCertificates {

    /** The certificate host key algorithms we implement, in our order. */
    static final List<String> ALGORITHMS = AlgorithmNames.HOST_KEY.stream()
            .filter(n -> n.endsWith("-cert-v01@openssh.com")).toList();

    private final Path caKey;

    private HostCertificates(Path caKey) {
        this.caKey = caKey;
    }

    /**
     * @param dir where the CA key goes (files {@code <name>} and {@code <name>.pub})
     * @param name the key file name
     * @return a new CA
     */
    static HostCertificates create(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        PeerTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString())
                .assertSuccess();
        return new HostCertificates(key);
    }

    /**
     * Signs a host public key: {@code -h -I <file name> -n 127.0.0.1,localhost -V -5m:+1h}.
     *
     * @param publicKey the {@code .pub} file of a host key
     * @return the certificate file ssh-keygen wrote, {@code <key>-cert.pub}
     */
    Path sign(Path publicKey) throws IOException, InterruptedException {
        PeerTools.run("ssh-keygen", "-q", "-s", caKey.toString(), "-h", "-I", publicKey.getFileName().toString(),
                "-n", "127.0.0.1,localhost", "-V", "-5m:+1h", publicKey.toString()).assertSuccess();
        String name = publicKey.getFileName().toString();
        return publicKey.resolveSibling(name.substring(0, name.length() - ".pub".length()) + "-cert.pub");
    }

    /**
     * @param certificateFile a {@code -cert.pub} file
     * @return the certificate in it
     */
    static OpenSshCertificate read(Path certificateFile) throws IOException {
        SshPublicKey key = KeyFiles.readPublicKey(certificateFile).key();
        if (!(key instanceof OpenSshCertificate certificate)) {
            throw new IOException(certificateFile + " holds no certificate");
        }
        return certificate;
    }

    /**
     * Writes a known_hosts file whose only line trusts this CA for {@code [127.0.0.1]:port}.
     *
     * @param file the file to write
     * @param port the server's port
     * @return the file
     */
    Path knownHosts(Path file, int port) throws IOException {
        String caLine = Files.readString(Path.of(caKey + ".pub"), StandardCharsets.US_ASCII).strip();
        Files.writeString(file, "@cert-authority [" + Loopback.HOST + "]:" + port + " " + caLine + "\n",
                StandardCharsets.US_ASCII);
        return file;
    }
}
