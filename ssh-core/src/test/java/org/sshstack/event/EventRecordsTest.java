package org.sshstack.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;

/** The event records are plain values and the listener's defaults do nothing. */
class EventRecordsTest {

    @Test
    void defaultsAreNoOps() {
        SshEventListener listener = SshEventListener.NONE;
        listener.connectionStarted(new ConnectionStarted("client", "SSH-2.0-x"));
        listener.versionReceived(new VersionReceived("SSH-2.0-y"));
        listener.kexStarted(new KexStarted(true, KexTrigger.INITIAL));
        listener.debugReceived(new DebugReceived(false, "m"));
        listener.traffic(new TrafficSnapshot(1, 2, 3, 4));
        listener.connectionClosed(new ConnectionClosed(DisconnectReason.BY_APPLICATION, false, "bye"));
        assertThat(new KexStarted(false, KexTrigger.BYTES)).isEqualTo(new KexStarted(false, KexTrigger.BYTES));
    }

    @Test
    void recordsRequireTheirFields() {
        assertThatThrownBy(() -> new ConnectionClosed(null, false, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new KexStarted(true, null)).isInstanceOf(NullPointerException.class);
        KexFinished finished = new KexFinished(true, KexTrigger.INITIAL, true, "k", "h", "c1", "c2", "", "", "none",
                "none", true, 5, "");
        assertThat(finished.durationNanos()).isEqualTo(5);
        assertThat(finished.toString()).contains("k", "h");
    }
}
