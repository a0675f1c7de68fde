package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.event.KexFinished;
import org.sshstack.keys.KeyType;
import org.sshstack.wire.MessageNumbers;

/** The packet hook (every payload in and out, in order) and replacing the offered algorithms for the next rekey. */
class EnginePacketHookTest {

    /** One observed packet. */
    private record Seen(PacketListener.Direction direction, int number, int length) {
    }

    @Test
    void hookSeesEveryPacketBothWaysWithItsPlaintextPayload() throws SshException {
        EnginePair pair = EnginePair.defaults();
        List<Seen> client = new ArrayList<>();
        List<Seen> server = new ArrayList<>();
        pair.client.setPacketListener((d, n, p) -> client.add(new Seen(d, n, p.length)));
        pair.server.setPacketListener((d, n, p) -> server.add(new Seen(d, n, p.length)));
        pair.connect().authenticate();
        List<byte[]> sent = new ArrayList<>();
        pair.client.setPacketListener((d, n, p) -> sent.add(p.clone()));
        byte[] payload = EngineHandshakeTest.payload(94, 17);
        pair.client.sendPayload(payload.clone());
        pair.pump();

        // installed after the constructor queued our KEXINIT, and still shown it first
        assertThat(client.get(0)).isEqualTo(new Seen(PacketListener.Direction.OUTBOUND, MessageNumbers.KEXINIT,
                client.get(0).length()));
        assertThat(client).filteredOn(s -> s.direction() == PacketListener.Direction.OUTBOUND)
                .extracting(Seen::number).contains(MessageNumbers.NEWKEYS, MessageNumbers.SERVICE_REQUEST);
        assertThat(server).filteredOn(s -> s.direction() == PacketListener.Direction.INBOUND)
                .extracting(Seen::number).contains(MessageNumbers.SERVICE_REQUEST);
        // what one side sent, the other received, in the same order
        List<String> received = server.stream().filter(s -> s.direction() == PacketListener.Direction.INBOUND)
                .filter(s -> s.number() != 94).map(s -> s.number() + ":" + s.length()).toList();
        assertThat(received).isEqualTo(client.stream().filter(s -> s.direction() == PacketListener.Direction.OUTBOUND)
                        .map(s -> s.number() + ":" + s.length()).toList());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isEqualTo(payload);
        pair.assertOpen();
    }

    @Test
    void removedHookSeesNothingMore() throws SshException {
        EnginePair pair = EnginePair.defaults();
        List<Integer> seen = new ArrayList<>();
        pair.client.setPacketListener((d, n, p) -> seen.add(n));
        pair.client.setPacketListener(null);
        pair.connect();
        assertThat(seen).containsExactly(MessageNumbers.KEXINIT); // the replay of the queued one, nothing after
    }

    @Test
    void newCipherListAppliesAtTheNextRekey() throws SshException {
        EnginePair pair = EnginePair.defaults().connect().authenticate();
        assertThat(pair.client.negotiatedAlgorithms().orElseThrow().clientToServer().cipher())
                .isEqualTo("chacha20-poly1305@openssh.com");
        pair.client.setOfferedAlgorithms(AlgorithmPreferences.builder(Role.CLIENT)
                .ciphers("aes256-gcm@openssh.com").build());
        assertThat(pair.client.negotiatedAlgorithms().orElseThrow().clientToServer().cipher())
                .as("nothing changes before the rekey").isEqualTo("chacha20-poly1305@openssh.com");
        assertThat(pair.client.renegotiateKeys()).isTrue();
        pair.pump();
        pair.assertOpen();
        KexFinished last = pair.clientEvents.kexFinished.get(pair.clientEvents.kexFinished.size() - 1);
        assertThat(last.initial()).isFalse();
        assertThat(last.cipherClientToServer()).isEqualTo("aes256-gcm@openssh.com");
        assertThat(last.cipherServerToClient()).isEqualTo("aes256-gcm@openssh.com");
    }

    @Test
    void serverAppliesNewListsToAPeerStartedRekey() throws SshException {
        EnginePair pair = EnginePair.defaults().connect().authenticate();
        pair.server.setOfferedAlgorithms(AlgorithmPreferences.builder(Role.SERVER)
                .ciphers("aes128-ctr").macs("hmac-sha2-256-etm@openssh.com").build());
        assertThat(pair.client.renegotiateKeys()).isTrue();
        pair.pump();
        pair.assertOpen();
        KexFinished last = pair.serverEvents.kexFinished.get(pair.serverEvents.kexFinished.size() - 1);
        assertThat(last.cipherClientToServer()).isEqualTo("aes128-ctr");
        assertThat(last.macServerToClient()).isEqualTo("hmac-sha2-256-etm@openssh.com");
    }

    @Test
    void serverRefusesListsWithoutAHostKeyItHolds() throws SshException {
        EnginePair pair = EnginePair.defaults().connect();
        AlgorithmPreferences rsaOnly = AlgorithmPreferences.builder(Role.SERVER).hostKeys("rsa-sha2-256").build();
        assertThatThrownBy(() -> pair.server.setOfferedAlgorithms(rsaOnly))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pair.server.offeredAlgorithms().hostKeys()).contains("ssh-ed25519");
    }
}
