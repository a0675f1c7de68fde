package org.sshstack.event;

/**
 * Receives the events of one or more connections. Every method has a no-op default, so a listener overrides only
 * what it needs.
 *
 * <p>Methods are called on the thread that drives the connection, inline, so they must be quick and must not throw
 * or call back into the connection. Events never carry secrets.
 */
public interface SshEventListener {

    /** A listener that ignores everything. */
    SshEventListener NONE = new SshEventListener() {
    };

    /** @param event the connection started */
    default void connectionStarted(ConnectionStarted event) {
    }

    /** @param event the peer's identification string arrived */
    default void versionReceived(VersionReceived event) {
    }

    /** @param event a key exchange started */
    default void kexStarted(KexStarted event) {
    }

    /** @param event a key exchange ended */
    default void kexFinished(KexFinished event) {
    }

    /** @param event the peer sent a DEBUG message */
    default void debugReceived(DebugReceived event) {
    }

    /** @param event cumulative traffic counts (after each key exchange and at the close) */
    default void traffic(TrafficSnapshot event) {
    }

    /** @param event the connection ended */
    default void connectionClosed(ConnectionClosed event) {
    }

    /** @param event an authentication attempt finished */
    default void authAttempted(AuthAttempted event) {
    }

    /** @param event a channel opened */
    default void channelOpened(ChannelOpened event) {
    }

    /** @param event a channel open was refused */
    default void channelRefused(ChannelRefused event) {
    }

    /** @param event a channel closed */
    default void channelClosed(ChannelClosed event) {
    }

    /** @param event the peer reported a command's exit status or signal */
    default void exitStatusReceived(ExitStatusReceived event) {
    }

    /** @param event an SFTP operation finished (client or server side) */
    default void sftpOperationCompleted(SftpOperationCompleted event) {
    }
}
