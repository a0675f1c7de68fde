package org.sshstack.transport.kex;

import java.util.Objects;
import org.sshstack.transport.Identification;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.SshWriter;

/**
 * What both sides said before the method-specific messages, the common start of every exchange hash
 * (RFC 4253 §8): V_C, V_S (identification strings without CR LF) and I_C, I_S (the exact KEXINIT payloads).
 *
 * @param client the client's identification string
 * @param server the server's identification string
 * @param clientKexInit the client's SSH_MSG_KEXINIT, holding its exact payload
 * @param serverKexInit the server's SSH_MSG_KEXINIT, holding its exact payload
 */
public record KexTranscript(Identification client, Identification server, KexInit clientKexInit,
        KexInit serverKexInit) {

    /** Requires every field. */
    public KexTranscript {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(clientKexInit, "clientKexInit");
        Objects.requireNonNull(serverKexInit, "serverKexInit");
    }

    /**
     * Writes {@code string V_C, string V_S, string I_C, string I_S} (RFC 4253 §8).
     *
     * @param out the exchange-hash input
     */
    void writeTo(SshWriter out) {
        out.writeString(client.hashBytes());
        out.writeString(server.hashBytes());
        out.writeString(clientKexInit.encode());
        out.writeString(serverKexInit.encode());
    }
}
