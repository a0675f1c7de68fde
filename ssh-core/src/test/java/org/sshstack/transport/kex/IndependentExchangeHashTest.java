package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.crypto.kex.DhGroups;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.keys.KeyType;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.SshReader;

/**
 * Checks H and the key derivation against code that shares nothing with ours: a Python hashlib script fed the raw
 * fields in hex, and a by-hand Java rebuild with ByteArrayOutputStream, both written from RFC 4253 §7.2 and §8,
 * RFC 4419 §3, RFC 5656 §4, RFC 8731 §3 and the hybrid draft §2.5.
 */
class IndependentExchangeHashTest {

    /** Reads the hash name, then fields: hs:HEX string, hm:HEX mpint of a magnitude, hu:DEC uint32, K, derivations. */
    private static final String PYTHON = """
            import sys, hashlib
            tok = sys.stdin.read().split()
            name = tok[0]
            def mp(b):
                b = b.lstrip(b'\\x00')
                if b and b[0] & 0x80:
                    b = b'\\x00' + b
                return len(b).to_bytes(4, 'big') + b
            def st(b):
                return len(b).to_bytes(4, 'big') + b
            data = b''
            kenc = None
            sid = None
            derives = []
            for t in tok[1:]:
                kind, _, val = t.partition(':')
                if kind == 'hs': data += st(bytes.fromhex(val))
                elif kind == 'hm': data += mp(bytes.fromhex(val))
                elif kind == 'hu': data += int(val).to_bytes(4, 'big')
                elif kind == 'ks': kenc = st(bytes.fromhex(val))
                elif kind == 'km': kenc = mp(bytes.fromhex(val))
                elif kind == 'sid': sid = bytes.fromhex(val)
                elif kind == 'd': derives.append(val)
            h = hashlib.new(name, data).digest()
            print(h.hex())
            if sid is None:
                sid = h
            for d in derives:
                letter, n = d.split('/')
                n = int(n)
                out = hashlib.new(name, kenc + h + letter.encode() + sid).digest()
                while len(out) < n:
                    out += hashlib.new(name, kenc + h + out).digest()
                print(out[:n].hex())
            """;

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @ValueSource(strings = {"curve25519-sha256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
        "diffie-hellman-group14-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group-exchange-sha256",
        "mlkem768x25519-sha256", "sntrup761x25519-sha512@openssh.com"})
    void realExchangeMatchesPython(String kex) throws Exception {
        PeerTools.require("python3");
        KexFixtures.Exchange run = KexFixtures.run(kex, "ssh-ed25519", KexFixtures.hostKey(KeyType.ED25519), null);
        List<String> fields = transcriptFields(run);
        boolean hybrid = kex.startsWith("mlkem") || kex.startsWith("sntrup");
        String k = HEX.formatHex(run.client().sharedSecret().bytes());
        fields.add((hybrid ? "hs:" : "hm:") + k);
        fields.add((hybrid ? "ks:" : "km:") + k);
        fields.add("d:A/16");
        fields.add("d:C/64"); // longer than a SHA-256 output: exercises K2 = HASH(K || H || K1)
        fields.add("d:E/32");
        String hashName = switch (KexMethods.require(kex).hash()) {
            case SHA256 -> "sha256";
            case SHA384 -> "sha384";
            case SHA512 -> "sha512";
            case SHA1 -> "sha1";
        };
        List<String> expected = python(hashName, fields);

        assertThat(HEX.formatHex(run.client().exchangeHash())).isEqualTo(expected.get(0));
        assertThat(HEX.formatHex(run.server().exchangeHash())).isEqualTo(expected.get(0));
        DirectionKeys keys = run.client().deriveKeys(new KeyLengths(16, 64, 32), new KeyLengths(0, 16, 0))
                .clientToServer();
        assertThat(HEX.formatHex(keys.iv())).isEqualTo(expected.get(1));
        assertThat(HEX.formatHex(keys.key())).isEqualTo(expected.get(2));
        assertThat(HEX.formatHex(keys.macKey())).isEqualTo(expected.get(3));
    }

    @Test
    void fixedTranscriptWithMpintEdgesMatchesPython() throws Exception {
        PeerTools.require("python3");
        KexTranscript transcript = KexFixtures.transcript("diffie-hellman-group-exchange-sha256", "ssh-ed25519");
        byte[] hostKey = HEX.parseHex("0000000b7373682d65643235353139000000200102030405060708090a0b0c0d0e0f10111213"
                + "1415161718191a1b1c1d1e1f20");
        byte[] e = HEX.parseHex("00000080ff"); // leading zeros dropped, then a zero byte for the high bit
        byte[] f = HEX.parseHex("7f01");
        byte[] kBytes = HEX.parseHex("0000" + "80".repeat(30)); // K with leading zeros and the high bit set
        GexRequest request = new GexRequest(2048, 3072, 8192);
        byte[] sessionId = HEX.parseHex("aa".repeat(32));

        byte[] h = ExchangeHash.computeGex(KexHash.SHA256, transcript, hostKey, request, DhGroups.GROUP14, e, f,
                SharedSecret.ofMpint(kBytes));
        byte[] key = KeyDerivation.derive(KexHash.SHA256, SharedSecret.ofMpint(kBytes), h, 'D', sessionId, 80);

        List<String> fields = transcriptFields(transcript);
        fields.add("hs:" + HEX.formatHex(hostKey));
        fields.addAll(List.of("hu:2048", "hu:3072", "hu:8192"));
        fields.add("hm:" + evenHex(DhGroups.GROUP14.p()));
        fields.add("hm:02");
        fields.add("hm:" + HEX.formatHex(e));
        fields.add("hm:" + HEX.formatHex(f));
        fields.add("hm:" + HEX.formatHex(kBytes));
        fields.add("km:" + HEX.formatHex(kBytes));
        fields.add("sid:" + HEX.formatHex(sessionId));
        fields.add("d:D/80");
        List<String> expected = python("sha256", fields);
        assertThat(HEX.formatHex(h)).isEqualTo(expected.get(0));
        assertThat(HEX.formatHex(key)).isEqualTo(expected.get(1));
    }

    @Test
    void curve25519ExchangeMatchesHandBuiltHash() throws Exception {
        KexFixtures.Exchange run = KexFixtures.run("curve25519-sha256", "rsa-sha2-256",
                KexFixtures.hostKey(KeyType.RSA), null);
        SshReader init = new SshReader(run.clientSent().get(0), 1, run.clientSent().get(0).length - 1);
        byte[] qc = init.readString();
        SshReader reply = new SshReader(run.serverSent().get(0), 1, run.serverSent().get(0).length - 1);
        byte[] ks = reply.readString();
        byte[] qs = reply.readString();
        byte[] k = run.client().sharedSecret().bytes();

        ByteArrayOutputStream input = new ByteArrayOutputStream();
        KexTranscript t = run.transcript();
        string(input, t.client().line().getBytes(StandardCharsets.US_ASCII));
        string(input, t.server().line().getBytes(StandardCharsets.US_ASCII));
        string(input, t.clientKexInit().encode());
        string(input, t.serverKexInit().encode());
        string(input, ks);
        string(input, qc);
        string(input, qs);
        byte[] kMpint = mpint(k); // RFC 8731 §3.1: K as an mpint of the 32 bytes read big-endian
        input.write(kMpint);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] h = sha256.digest(input.toByteArray());
        assertThat(run.client().exchangeHash()).isEqualTo(h);

        // RFC 4253 §7.2: key C = HASH(K || H || "C" || session_id), extended with HASH(K || H || K1)
        byte[] k1 = sha256.digest(concat(kMpint, h, new byte[] {'C'}, h));
        byte[] k2 = sha256.digest(concat(kMpint, h, k1));
        byte[] expectedKey = Arrays.copyOf(concat(k1, k2), 48);
        assertThat(run.client().deriveKeys(new KeyLengths(0, 48, 0), new KeyLengths(0, 16, 0)).clientToServer().key())
                .isEqualTo(expectedKey);
        assertThat(run.client().sessionId()).isEqualTo(h);
    }

    private static List<String> transcriptFields(KexFixtures.Exchange run) throws Exception {
        KexFamily family = run.client().method().family();
        List<String> fields = transcriptFields(run.transcript());
        List<byte[]> client = run.clientSent();
        List<byte[]> server = run.serverSent();
        byte[] replyPayload = server.get(server.size() - 1);
        SshReader reply = new SshReader(replyPayload, 1, replyPayload.length - 1);
        fields.add("hs:" + HEX.formatHex(reply.readString()));
        if (family == KexFamily.GEX) {
            SshReader req = new SshReader(client.get(0), 1, client.get(0).length - 1);
            for (int i = 0; i < 3; i++) {
                fields.add("hu:" + req.readUint32());
            }
            SshReader group = new SshReader(server.get(0), 1, server.get(0).length - 1);
            fields.add("hm:" + evenHex(group.readMpint()));
            fields.add("hm:" + evenHex(group.readMpint()));
        }
        byte[] initPayload = client.get(client.size() - 1);
        SshReader init = new SshReader(initPayload, 1, initPayload.length - 1);
        if (family.mpintValues()) {
            fields.add("hm:" + evenHex(init.readMpint()));
            fields.add("hm:" + evenHex(reply.readMpint()));
        } else {
            fields.add("hs:" + HEX.formatHex(init.readString()));
            fields.add("hs:" + HEX.formatHex(reply.readString()));
        }
        return fields;
    }

    private static List<String> transcriptFields(KexTranscript t) {
        List<String> fields = new ArrayList<>();
        fields.add("hs:" + HEX.formatHex(t.client().line().getBytes(StandardCharsets.US_ASCII)));
        fields.add("hs:" + HEX.formatHex(t.server().line().getBytes(StandardCharsets.US_ASCII)));
        fields.add("hs:" + HEX.formatHex(payload(t.clientKexInit())));
        fields.add("hs:" + HEX.formatHex(payload(t.serverKexInit())));
        return fields;
    }

    private static byte[] payload(KexInit kexInit) {
        return kexInit.encode();
    }

    private static String evenHex(BigInteger value) {
        return HEX.formatHex(value.toByteArray());
    }

    private static List<String> python(String hashName, List<String> fields) throws Exception {
        String stdin = hashName + "\n" + String.join("\n", fields) + "\n";
        PeerTools.Result result = PeerTools.runWithInput(stdin.getBytes(StandardCharsets.US_ASCII), "python3", "-c",
                PYTHON).assertSuccess();
        return List.of(result.stdout().strip().split("\n"));
    }

    private static void string(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(new byte[] {(byte) (value.length >>> 24), (byte) (value.length >>> 16),
            (byte) (value.length >>> 8), (byte) value.length});
        out.writeBytes(value);
    }

    private static byte[] mpint(byte[] magnitude) {
        int start = 0;
        while (start < magnitude.length && magnitude[start] == 0) {
            start++;
        }
        byte[] trimmed = Arrays.copyOfRange(magnitude, start, magnitude.length);
        if (trimmed.length > 0 && (trimmed[0] & 0x80) != 0) {
            trimmed = concat(new byte[] {0}, trimmed);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, trimmed);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
