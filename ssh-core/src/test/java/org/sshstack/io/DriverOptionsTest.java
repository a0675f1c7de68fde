package org.sshstack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sshstack.connection.ConnectionConfig;
import org.sshstack.wire.ChannelData;

/** The driver's default buffers and the buffer-size bound. */
class DriverOptionsTest {

    /** Packet framing around a payload: length, padding length, the most padding, the largest tag or MAC. */
    private static final int FRAMING = 4 + 1 + 255 + 64;

    @Test
    void defaultBufferHoldsAFullDataPacketSoItNeverTakesTwoSocketCalls() {
        int fullDataPacket = ConnectionConfig.DEFAULT_MAX_PACKET + ChannelData.HEADER + FRAMING;

        assertThat(DriverOptions.defaults().bufferSize()).isGreaterThanOrEqualTo(fullDataPacket);
    }

    @Test
    void bufferSizeBelowOneKibibyteIsRefused() {
        assertThatThrownBy(() -> DriverOptions.defaults().withBufferSize(1023))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DriverOptions.defaults().withBufferSize(1024).bufferSize()).isEqualTo(1024);
    }
}
