package org.sshstack.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.SshWriter;

/** Encoding and decoding of the typed session requests and terminal modes (RFC 4254 §6, §8; RFC 4335). */
class SessionRequestsTest {

    static List<SessionRequest> samples() {
        Map<Integer, Long> modes = new LinkedHashMap<>();
        modes.put(TerminalModes.VINTR, 3L);
        modes.put(TerminalModes.ECHO, 0L);
        modes.put(TerminalModes.TTY_OP_OSPEED, 0xffffffffL);
        return List.of(
                new SessionRequest.PtyRequest("xterm-256color", 132, 43, 1024, 768, TerminalModes.of(modes)),
                new SessionRequest.X11Request(true, "MIT-MAGIC-COOKIE-1", "00ff", 0),
                new SessionRequest.Env("LC_ALL", "fr_FR.UTF-8 \u00e9"),
                new SessionRequest.Shell(),
                new SessionRequest.Exec("echo hello; exit 3"),
                new SessionRequest.Subsystem("sftp"),
                new SessionRequest.WindowChange(100, 40, 0, 0),
                new SessionRequest.XonXoff(true),
                new SessionRequest.Signal("TERM"),
                new SessionRequest.ExitStatus(255),
                new SessionRequest.ExitSignal("SEGV", true, "Segmentation fault", ""),
                new SessionRequest.Break(500),
                new SessionRequest.EndOfWrite(),
                new SessionRequest.KeepAlive(),
                new SessionRequest.Unknown("custom@example.com", new byte[] {1, 2, 3}));
    }

    @Test
    void everyRequestRoundTrips() throws SshException {
        for (SessionRequest request : samples()) {
            assertThat(SessionRequests.decode(request.type(), request.encodeData())).isEqualTo(request);
        }
    }

    @Test
    void signalNamesOfRfc4254AreListed() {
        assertThat(SessionRequests.SIGNALS).contains("ABRT", "ALRM", "FPE", "HUP", "ILL", "INT", "KILL", "PIPE",
                "QUIT", "SEGV", "TERM", "USR1", "USR2").hasSize(13);
    }

    @Test
    void x11CookieIsNotShown() {
        assertThat(new SessionRequest.X11Request(false, "MIT-MAGIC-COOKIE-1", "deadbeef", 0).toString())
                .doesNotContain("deadbeef");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] data = new SshWriter().writeString("ls").writeByte(0).toByteArray();
        assertThatThrownBy(() -> SessionRequests.decode("exec", data)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void oversizedRequestDataIsRejected() {
        byte[] data = new SshWriter().writeString(new byte[SessionRequests.MAX_DATA]).toByteArray();
        assertThatThrownBy(() -> SessionRequests.decode("exec", data)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void modesStopAtUndefinedOpcodes() throws SshException {
        byte[] encoded = new SshWriter().writeByte(TerminalModes.VINTR).writeUint32(3).writeByte(160)
                .writeBytes(new byte[] {9, 9, 9}).toByteArray();
        assertThat(TerminalModes.decode(encoded).asMap()).containsExactly(Map.entry(TerminalModes.VINTR, 3L));
    }

    @Test
    void unterminatedModesAreRejected() {
        byte[] encoded = new SshWriter().writeByte(TerminalModes.VINTR).writeUint32(3).toByteArray();
        assertThatThrownBy(() -> TerminalModes.decode(encoded)).isInstanceOf(SshProtocolException.class);
        byte[] truncatedArgument = {TerminalModes.VINTR, 0, 0};
        assertThatThrownBy(() -> TerminalModes.decode(truncatedArgument)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void overlongModesAreRejected() {
        byte[] encoded = new byte[TerminalModes.MAX_ENCODED + 1];
        assertThatThrownBy(() -> TerminalModes.decode(encoded)).isInstanceOf(SshProtocolException.class);
        byte[] pty = new SshWriter().writeString("xterm").writeUint32(80).writeUint32(24).writeUint32(0)
                .writeUint32(0).writeString(encoded).toByteArray();
        assertThatThrownBy(() -> SessionRequests.decode("pty-req", pty)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void tooManyModesAreRejected() {
        SshWriter out = new SshWriter();
        for (int i = 0; i <= TerminalModes.MAX_MODES; i++) {
            out.writeByte(1 + i % 159).writeUint32(i);
        }
        byte[] encoded = out.writeByte(TerminalModes.TTY_OP_END).toByteArray();
        assertThat(encoded.length).isLessThanOrEqualTo(TerminalModes.MAX_ENCODED);
        assertThatThrownBy(() -> TerminalModes.decode(encoded)).isInstanceOf(SshProtocolException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void localModesAreValidated() {
        assertThatThrownBy(() -> TerminalModes.of(Map.of(0, 1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TerminalModes.of(Map.of(160, 1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TerminalModes.of(Map.of(1, -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutatedRequestDataOnlyRaisesSshException() {
        for (SessionRequest request : samples()) {
            byte[] valid = request.encodeData();
            for (long seed = 0; seed < 2000; seed++) {
                byte[] input = Mutations.mutate(valid, seed);
                try {
                    assertThat(SessionRequests.decode(request.type(), input)).isNotNull();
                } catch (SshException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException | Error e) {
                    fail("seed " + seed + " for " + request.type() + " raised " + e, e);
                }
            }
        }
    }

    @Test
    void mutatedModesOnlyRaiseSshException() {
        byte[] valid = ((SessionRequest.PtyRequest) samples().get(0)).modes().encode();
        for (long seed = 0; seed < 5000; seed++) {
            try {
                TerminalModes.decode(Mutations.mutate(valid, seed));
            } catch (SshException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " raised " + e, e);
            }
        }
    }
}
