package org.sshstack.wire;

import java.util.HexFormat;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** One valid sample of every message record, with its decoder, for the round-trip and fuzz tests. */
final class MessageSamples {

    /** A decoder under test. */
    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] payload) throws SshException;
    }

    /**
     * @param name the message, for test names
     * @param message a valid message
     * @param payload its encoding
     * @param decoder its decoder
     */
    record Sample(String name, Object message, byte[] payload, Decoder decoder) {
        @Override
        public String toString() {
            return name;
        }
    }

    private MessageSamples() {
    }

    static KexInit kexInit() {
        byte[] cookie = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        KexProposal proposal = new KexProposal(List.of("curve25519-sha256", "ext-info-c"), List.of("ssh-ed25519"),
                List.of("aes128-ctr"), List.of("aes256-ctr"), List.of("hmac-sha2-256"), List.of("hmac-sha2-512"),
                List.of("none"), List.of("none", "zlib@openssh.com"), List.of(), List.of("en"));
        return KexInit.create(cookie, proposal, true);
    }

    static List<Sample> all() {
        Disconnect disconnect = new Disconnect(DisconnectReason.BY_APPLICATION, "bye \u00e9");
        Ignore ignore = new Ignore(new byte[] {0, 1, 2, (byte) 0xff});
        Unimplemented unimplemented = new Unimplemented(0xfffffffeL);
        Debug debug = new Debug(true, "hello", "en");
        ServiceRequest request = new ServiceRequest("ssh-userauth");
        ServiceAccept accept = new ServiceAccept("ssh-connection");
        KexInit kexInit = kexInit();
        NewKeys newKeys = new NewKeys();
        ExtInfo extInfo = new ExtInfo(List.of(
                ExtInfo.Extension.ofNameList("server-sig-algs", List.of("ssh-ed25519", "rsa-sha2-256")),
                new ExtInfo.Extension("ping@openssh.com", "0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        GlobalRequest global = new GlobalRequest("tcpip-forward", true,
                new SshWriter().writeString("localhost").writeUint32(0).toByteArray());
        RequestSuccess success = new RequestSuccess(new SshWriter().writeUint32(2222).toByteArray());
        RequestFailure failure = new RequestFailure();
        return List.of(
                new Sample("Disconnect", disconnect, disconnect.encode(), Disconnect::decode),
                new Sample("Ignore", ignore, ignore.encode(), Ignore::decode),
                new Sample("Unimplemented", unimplemented, unimplemented.encode(), Unimplemented::decode),
                new Sample("Debug", debug, debug.encode(), Debug::decode),
                new Sample("ServiceRequest", request, request.encode(), ServiceRequest::decode),
                new Sample("ServiceAccept", accept, accept.encode(), ServiceAccept::decode),
                new Sample("KexInit", kexInit, kexInit.encode(), KexInit::decode),
                new Sample("NewKeys", newKeys, newKeys.encode(), NewKeys::decode),
                new Sample("ExtInfo", extInfo, extInfo.encode(), ExtInfo::decode),
                new Sample("GlobalRequest", global, global.encode(), GlobalRequest::decode),
                new Sample("RequestSuccess", success, success.encode(), RequestSuccess::decode),
                new Sample("RequestFailure", failure, failure.encode(), RequestFailure::decode));
    }
}
