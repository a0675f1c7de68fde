package org.sshstack.crypto.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.testing.PeerTools;

/**
 * Interoperability of the zlib stream: our output is a standard zlib stream any inflater reads, and a zlib that ends
 * each packet with {@code Z_PARTIAL_FLUSH} (as OpenSSH does) is inflated packet by packet.
 */
class ZlibInteropTest {

    /** Reads length-prefixed payloads on stdin; prints each one's compressed form as a hex line. */
    private static final String PY_COMPRESS = String.join("\n",
            "import sys, zlib",
            "data = sys.stdin.buffer.read()",
            "c = zlib.compressobj(int(sys.argv[1]))",
            "flush = getattr(zlib, sys.argv[2])",
            "i = 0",
            "while i < len(data):",
            "    n = int.from_bytes(data[i:i + 4], 'big')",
            "    i += 4",
            "    print((c.compress(data[i:i + n]) + c.flush(flush)).hex())",
            "    i += n");

    /** Reads length-prefixed compressed packets on stdin; inflates each alone and prints it as a hex line. */
    private static final String PY_DECOMPRESS = String.join("\n",
            "import sys, zlib",
            "data = sys.stdin.buffer.read()",
            "d = zlib.decompressobj()",
            "i = 0",
            "while i < len(data):",
            "    n = int.from_bytes(data[i:i + 4], 'big')",
            "    i += 4",
            "    print(d.decompress(data[i:i + n]).hex())",
            "    i += n");

    @Test
    void storedPartialFlushVectorsInflatePacketByPacket() throws Exception {
        List<byte[][]> vectors = loadVectors();
        assertThat(vectors).hasSizeGreaterThan(5);
        try (Decompressor in = CompressionAlgorithms.ZLIB_OPENSSH.newDecompressor()) {
            for (byte[][] vector : vectors) {
                assertThat(in.decompress(vector[1])).isEqualTo(vector[0]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH"})
    void pythonZlibOutputInflatesPacketByPacket(String flush) throws Exception {
        List<byte[]> payloads = payloads(31);
        for (String level : List.of("6", "1", "9")) {
            String stdout = PeerTools.runWithInput(framed(payloads), "python3", "-c", PY_COMPRESS, level, flush)
                    .assertSuccess().stdout();
            List<byte[]> packets = hexLines(stdout);
            assertThat(packets).hasSameSizeAs(payloads);
            try (Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
                for (int i = 0; i < packets.size(); i++) {
                    assertThat(in.decompress(packets.get(i))).as("level %s packet %d", level, i)
                            .isEqualTo(payloads.get(i));
                }
            }
        }
    }

    @Test
    void pythonZlibInflatesOurPacketsOneByOne() throws Exception {
        List<byte[]> payloads = payloads(37);
        List<byte[]> packets = new ArrayList<>();
        try (Compressor out = CompressionAlgorithms.ZLIB_OPENSSH.newCompressor()) {
            for (byte[] payload : payloads) {
                packets.add(out.compress(payload));
            }
        }
        String stdout = PeerTools.runWithInput(framed(packets), "python3", "-c", PY_DECOMPRESS)
                .assertSuccess().stdout();
        List<byte[]> inflated = hexLines(stdout);
        assertThat(inflated).hasSameSizeAs(payloads);
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(inflated.get(i)).as("packet %d", i).isEqualTo(payloads.get(i));
        }
    }

    @Test
    void freshJdkInflaterReadsOurConcatenatedPackets() throws Exception {
        List<byte[]> payloads = payloads(41);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor()) {
            for (byte[] payload : payloads) {
                wire.write(out.compress(payload));
            }
        }
        byte[] stream = wire.toByteArray();
        assertThat(stream[0] & 0xff).as("zlib header CMF: deflate, 32 KiB window").isEqualTo(0x78);
        assertThat(((stream[0] & 0xff) << 8 | (stream[1] & 0xff)) % 31).as("RFC 1950 FCHECK").isZero();
        assertThat(inflateWithFreshInflater(stream)).isEqualTo(concat(payloads));
    }

    /** Inflates a whole (unfinished) zlib stream with a plain JDK inflater. */
    static byte[] inflateWithFreshInflater(byte[] stream) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = inflater.inflate(chunk)) > 0) { // 0 with room to spare: input exhausted
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static List<byte[]> payloads(long seed) {
        Random random = new Random(seed);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            payloads.add(ZlibRoundTripTest.payload(random, i));
        }
        return payloads;
    }

    private static byte[] framed(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            int n = part.length;
            out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<byte[]> hexLines(String text) {
        List<byte[]> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(HexFormat.of().parseHex(line.strip()));
        }
        return lines.subList(0, lines.size() - 1); // after the final newline
    }

    private static List<byte[][]> loadVectors() {
        try (InputStream in = ZlibInteropTest.class.getResourceAsStream("zlib-partial-flush-packets.txt")) {
            List<byte[][]> vectors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split(" ");
                byte[] payload = "-".equals(fields[0]) ? new byte[0] : HexFormat.of().parseHex(fields[0]);
                vectors.add(new byte[][] {payload, HexFormat.of().parseHex(fields[1])});
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
