package org.sshstack.auth.agent;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** An in-memory agent for tests: holds JCA keys, answers list and sign requests, records the flags it saw. */
final class FakeAgent implements AgentConnection {

    private final Map<String, Held> keys = new LinkedHashMap<>();
    private final List<byte[]> extraBlobs = new ArrayList<>();
    final List<Integer> flagsSeen = new ArrayList<>();
    UnaryOperator<byte[]> tamper = UnaryOperator.identity();
    boolean closed;

    private record Held(byte[] blob, String comment, KeyPair pair) {
    }

    void add(SshPublicKey key, KeyPair pair, String comment) {
        keys.put(java.util.HexFormat.of().formatHex(key.blob()), new Held(key.blob(), comment, pair));
    }

    void addUnusableBlob(byte[] blob) {
        extraBlobs.add(blob);
    }

    @Override
    public byte[] roundTrip(byte[] request) throws AgentException {
        try {
            return tamper.apply(answer(request));
        } catch (SshException e) {
            throw new AgentException("fake agent could not parse the request", e);
        }
    }

    private byte[] answer(byte[] request) throws SshException {
        SshReader in = new SshReader(request, 1, request.length - 1);
        switch (request[0]) {
            case AgentMessage.REQUEST_IDENTITIES -> {
                SshWriter out = new SshWriter().writeByte(AgentMessage.IDENTITIES_ANSWER)
                        .writeUint32(keys.size() + extraBlobs.size());
                for (byte[] blob : extraBlobs) {
                    out.writeString(blob).writeString("unusable");
                }
                for (Held held : keys.values()) {
                    out.writeString(held.blob()).writeString(held.comment());
                }
                return out.toByteArray();
            }
            case AgentMessage.SIGN_REQUEST -> {
                Held held = keys.get(java.util.HexFormat.of().formatHex(in.readString()));
                byte[] data = in.readString();
                int flags = in.readInt();
                flagsSeen.add(flags);
                if (held == null) {
                    return new byte[] {AgentMessage.FAILURE};
                }
                JcaSshSigner signer = JcaSshSigner.of(held.pair().getPrivate(), new SecureRandom());
                String algorithm = switch (signer.keyTypeName()) {
                    case "ssh-rsa" -> (flags & AgentMessage.FLAG_RSA_SHA2_512) != 0 ? "rsa-sha2-512"
                            : (flags & AgentMessage.FLAG_RSA_SHA2_256) != 0 ? "rsa-sha2-256" : "ssh-rsa";
                    default -> signer.keyTypeName();
                };
                return new SshWriter().writeByte(AgentMessage.SIGN_RESPONSE)
                        .writeString(signer.sign(algorithm, data)).toByteArray();
            }
            default -> {
                return new byte[] {AgentMessage.FAILURE};
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
