package org.sshstack.transport.kex;

import java.util.Arrays;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.wire.SshWriter;

/**
 * The exchange hash H of each wire family (RFC 4253 §8, RFC 5656 §4, RFC 8731 §3, RFC 4419 §3,
 * draft-ietf-sshm-mlkem-hybrid-kex-10 §2.5):
 * {@code HASH(string V_C || string V_S || string I_C || string I_S || string K_S || [GEX: uint32 min || uint32 n ||
 * uint32 max || mpint p || mpint g] || client value || server value || K)}, where the values are mpints for DH and
 * GEX and strings otherwise, and K is encoded as {@link SharedSecret#encoding()} says (mpint, or string for the
 * hybrids).
 */
public final class ExchangeHash {

    private ExchangeHash() {
    }

    /**
     * H for the one-round families (DH, ECDH, HYBRID).
     *
     * @param hash HASH of the method
     * @param family the wire family (decides mpint or string values)
     * @param transcript V_C, V_S, I_C, I_S
     * @param hostKey K_S, the server's host key blob
     * @param clientValue e (unsigned magnitude), Q_C or C_INIT
     * @param serverValue f (unsigned magnitude), Q_S or S_REPLY
     * @param k the shared secret
     * @return H
     */
    public static byte[] compute(KexHash hash, KexFamily family, KexTranscript transcript, byte[] hostKey,
            byte[] clientValue, byte[] serverValue, SharedSecret k) {
        return compute(hash, family, transcript, hostKey, null, null, clientValue, serverValue, k);
    }

    /**
     * H for group exchange (RFC 4419 §3): min, n, max as the client sent them, p and g as the server sent them.
     *
     * @param hash HASH of the method
     * @param transcript V_C, V_S, I_C, I_S
     * @param hostKey K_S
     * @param request the client's GEX_REQUEST
     * @param group the group of GEX_GROUP
     * @param e the client's value (unsigned magnitude)
     * @param f the server's value (unsigned magnitude)
     * @param k the shared secret
     * @return H
     */
    public static byte[] computeGex(KexHash hash, KexTranscript transcript, byte[] hostKey, GexRequest request,
            DhGroup group, byte[] e, byte[] f, SharedSecret k) {
        return compute(hash, KexFamily.GEX, transcript, hostKey, request, group, e, f, k);
    }

    private static byte[] compute(KexHash hash, KexFamily family, KexTranscript transcript, byte[] hostKey,
            GexRequest request, DhGroup group, byte[] clientValue, byte[] serverValue, SharedSecret k) {
        SshWriter out = new SshWriter(4096);
        transcript.writeTo(out);
        out.writeString(hostKey);
        if (family == KexFamily.GEX) {
            out.writeUint32(request.min()).writeUint32(request.n()).writeUint32(request.max()); // RFC 4419 §3
            out.writeMpint(group.p()).writeMpint(group.g());
        }
        family.writeValue(out, clientValue);
        family.writeValue(out, serverValue);
        k.writeTo(out);
        byte[] input = out.toByteArray();
        byte[] h = hash.digest(input);
        Arrays.fill(input, (byte) 0); // the input holds K
        out.wipe();
        return h;
    }
}
