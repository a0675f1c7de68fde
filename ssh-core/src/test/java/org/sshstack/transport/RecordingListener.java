package org.sshstack.transport;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.event.ConnectionClosed;
import org.sshstack.event.DebugReceived;
import org.sshstack.event.KexFinished;
import org.sshstack.event.KexStarted;
import org.sshstack.event.SshEventListener;
import org.sshstack.event.TrafficSnapshot;
import org.sshstack.event.VersionReceived;

/** Test support: records every event. */
final class RecordingListener implements SshEventListener {

    final List<Object> events = new ArrayList<>();
    final List<KexStarted> kexStarted = new ArrayList<>();
    final List<KexFinished> kexFinished = new ArrayList<>();
    final List<DebugReceived> debug = new ArrayList<>();
    final List<ConnectionClosed> closed = new ArrayList<>();
    VersionReceived version;
    TrafficSnapshot lastTraffic;

    @Override
    public void versionReceived(VersionReceived event) {
        version = event;
        events.add(event);
    }

    @Override
    public void kexStarted(KexStarted event) {
        kexStarted.add(event);
        events.add(event);
    }

    @Override
    public void kexFinished(KexFinished event) {
        kexFinished.add(event);
        events.add(event);
    }

    @Override
    public void debugReceived(DebugReceived event) {
        debug.add(event);
    }

    @Override
    public void traffic(TrafficSnapshot event) {
        lastTraffic = event;
    }

    @Override
    public void connectionClosed(ConnectionClosed event) {
        closed.add(event);
        events.add(event);
    }
}
