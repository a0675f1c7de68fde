package org.sshstack.server.hostile;

import java.util.List;
import java.util.Optional;
import org.sshstack.connection.SessionRequest;
import org.sshstack.wire.ChannelData;
import org.sshstack.wire.ChannelOpen;
import org.sshstack.wire.ChannelRequest;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.ServiceAccept;
import org.sshstack.wire.SshWriter;
import org.sshstack.wire.UserauthBanner;
import org.sshstack.wire.UserauthFailure;
import org.sshstack.wire.UserauthInfoResponse;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;
import org.sshstack.wire.UserauthSuccess;

/** Test support: well-formed payloads a hostile client sends out of place (RFC 4252, RFC 4254 layouts). */
final class HostilePayloads {

    /** The connection-protocol messages of SECURITY.md A2, by name. */
    enum Connection {
        GLOBAL_REQUEST_TCPIP_FORWARD, CHANNEL_OPEN_SESSION, CHANNEL_OPEN_DIRECT_TCPIP, CHANNEL_REQUEST_EXEC,
        CHANNEL_REQUEST_SUBSYSTEM_SFTP, CHANNEL_DATA;

        /** @return the payload */
        byte[] payload() {
            return switch (this) {
                case GLOBAL_REQUEST_TCPIP_FORWARD -> new GlobalRequest("tcpip-forward", true,
                        new SshWriter().writeString("127.0.0.1").writeUint32(0).toByteArray()).encode();
                case CHANNEL_OPEN_SESSION -> channelOpenSession();
                case CHANNEL_OPEN_DIRECT_TCPIP -> new ChannelOpen("direct-tcpip", 0, 1 << 20, 32768,
                        new SshWriter().writeString("127.0.0.1").writeUint32(22).writeString("127.0.0.1")
                                .writeUint32(40000).toByteArray()).encode();
                case CHANNEL_REQUEST_EXEC -> new ChannelRequest(0, "exec", true,
                        new SessionRequest.Exec("id").encodeData()).encode();
                case CHANNEL_REQUEST_SUBSYSTEM_SFTP -> new ChannelRequest(0, "subsystem", true,
                        new SessionRequest.Subsystem("sftp").encodeData()).encode();
                case CHANNEL_DATA -> new ChannelData(0, new byte[] {'i', 'd', '\n'}).encode();
            };
        }
    }

    private HostilePayloads() {
    }

    /** @return CHANNEL_OPEN(session), sender channel 0 */
    static byte[] channelOpenSession() {
        return new ChannelOpen("session", 0, 1 << 20, 32768, new byte[0]).encode();
    }

    /**
     * @param number a message number only a server sends (SECURITY.md A1: 6, 31-34, 51, 52, 53, 60)
     * @return a well-formed payload with that number
     */
    static byte[] serverOnly(int number) {
        return switch (number) {
            case MessageNumbers.SERVICE_ACCEPT -> new ServiceAccept("ssh-userauth").encode();
            case MessageNumbers.USERAUTH_FAILURE -> new UserauthFailure(List.of("password"), false).encode();
            case MessageNumbers.USERAUTH_SUCCESS -> new UserauthSuccess().encode();
            case MessageNumbers.USERAUTH_BANNER -> new UserauthBanner("hello", "").encode();
            default -> new SshWriter().writeByte(number).writeString(new byte[32]).writeString(new byte[32])
                    .toByteArray(); // a kex reply or PK_OK shaped body
        };
    }

    /** @return USERAUTH_REQUEST(password) for ssh-connection */
    static byte[] password(String user, String password) {
        return request(user, new UserauthMethod.Password(password, Optional.empty()));
    }

    /** @return USERAUTH_REQUEST(none) for ssh-connection */
    static byte[] none(String user) {
        return request(user, new UserauthMethod.None());
    }

    /** @return USERAUTH_REQUEST(keyboard-interactive) for ssh-connection */
    static byte[] keyboardInteractive(String user) {
        return request(user, new UserauthMethod.KeyboardInteractive("", ""));
    }

    /** @return USERAUTH_INFO_RESPONSE with these answers */
    static byte[] infoResponse(String... answers) {
        return new UserauthInfoResponse(List.of(answers)).encode();
    }

    /** @return USERAUTH_REQUEST for ssh-connection */
    static byte[] request(String user, UserauthMethod method) {
        return new UserauthRequest(user, "ssh-connection", method).encode();
    }
}
