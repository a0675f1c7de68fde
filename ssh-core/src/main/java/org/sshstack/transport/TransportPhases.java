package org.sshstack.transport;

import org.sshstack.SshException;
import org.sshstack.wire.MessageNumbers;

/**
 * The transport phases (RFC 4253 §7-§11, SECURITY.md A3/A4) as classes, each accepting only its legal message
 * numbers. The initial key exchange runs ExpectKexInit, ExpectKexReply (the method messages 30-49, both roles),
 * ExpectNewKeys; then the server waits in ExpectServiceRequest and the client in ExpectServiceAccept; Established
 * hands service messages (50 and up) to the upper layer. A rekey runs the two kex phases again and returns to the
 * service phase.
 */
final class TransportPhases {

    /** Before the peer's first KEXINIT: only KEXINIT and the generic messages (strict kex checks the latter later). */
    static final TransportPhase EXPECT_KEX_INIT = new ExpectKexInit();
    /** Both KEXINITs known: the method messages 30-49. */
    static final TransportPhase EXPECT_KEX_REPLY = new ExpectKexReply();
    /** The method finished: only NEWKEYS. */
    static final TransportPhase EXPECT_NEW_KEYS = new ExpectNewKeys();
    /** Server after the initial kex: SERVICE_REQUEST (and the client's EXT_INFO). */
    static final TransportPhase EXPECT_SERVICE_REQUEST = new ExpectServiceRequest();
    /** Client after the initial kex: SERVICE_ACCEPT once requested (and the server's EXT_INFO). */
    static final TransportPhase EXPECT_SERVICE_ACCEPT = new ExpectServiceAccept();
    /** Service running: service messages flow. */
    static final TransportPhase ESTABLISHED = new Established();

    private TransportPhases() {
    }

    /** Initial KEXINIT wait. */
    static final class ExpectKexInit extends TransportPhase {
        ExpectKexInit() {
            super("ExpectKexInit");
        }

        @Override
        void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (isGeneric(number)) {
                engine.onGeneric(number, payload); // strict kex: refused when the KEXINIT arrives (not first)
            } else if (number == MessageNumbers.KEXINIT) {
                engine.onKexInit(payload);
            } else {
                throw unexpected(number); // A3: nothing else before the key exchange
            }
        }
    }

    /** Shared rules while a negotiated key exchange runs (RFC 4253 §7.1, draft-ietf-sshm-strict-kex §3.2). */
    abstract static class InKex extends TransportPhase {
        InKex(String name) {
            super(name);
        }

        final void other(TransportEngine engine, int number, byte[] payload) throws SshException {
            boolean strictInitial = engine.strictInitialKex();
            if (number == MessageNumbers.DISCONNECT) {
                engine.onGeneric(number, payload);
            } else if (isGeneric(number) && !strictInitial) {
                engine.onGeneric(number, payload);
            } else if ((number == MessageNumbers.PING || number == MessageNumbers.PONG) && !engine.initialKex()) {
                engine.countIgnoredPing(); // ping draft: never answered during kex
            } else if (number >= 50 && !engine.initialKex() && engine.service().isPresent()) {
                // RFC 4253 §7.1 binds a sender only once its own KEXINIT is out, so service messages may cross a
                // rekey's KEXINIT, and some peers (AsyncSSH) keep sending them during a rekey; like OpenSSH, a
                // running service takes them (still under the old keys). Never in the initial exchange (A3).
                engine.onServiceMessage(number, payload);
            } else {
                throw unexpected(number); // a second KEXINIT, and service messages before a service runs
            }
        }
    }

    /** The method messages. */
    static final class ExpectKexReply extends InKex {
        ExpectKexReply() {
            super("ExpectKexReply");
        }

        @Override
        void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (number >= 30 && number <= 49) {
                engine.onKexMethodMessage(payload);
            } else {
                other(engine, number, payload);
            }
        }
    }

    /** NEWKEYS wait. */
    static final class ExpectNewKeys extends InKex {
        ExpectNewKeys() {
            super("ExpectNewKeys");
        }

        @Override
        void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (number == MessageNumbers.NEWKEYS) {
                engine.onNewKeys(payload);
            } else {
                other(engine, number, payload);
            }
        }
    }

    /** Shared rules after a key exchange (RFC 4253 §9-§11). */
    abstract static class AfterKex extends TransportPhase {
        AfterKex(String name) {
            super(name);
        }

        /** @return true if handled */
        final boolean common(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (isGeneric(number)) {
                engine.onGeneric(number, payload);
            } else if (number == MessageNumbers.KEXINIT) {
                engine.onKexInit(payload); // RFC 4253 §9: the peer may start a rekey at any time
            } else if (number == MessageNumbers.EXT_INFO) {
                engine.onExtInfo(payload);
            } else if (number == MessageNumbers.PING || number == MessageNumbers.PONG) {
                engine.onPing(number, payload);
            } else if ((number > MessageNumbers.EXT_INFO && number < MessageNumbers.KEXINIT)
                    || (number > MessageNumbers.NEWKEYS && number < 30)) {
                engine.sendUnimplemented(); // RFC 4253 §11.4
            } else if (number < 50) {
                throw unexpected(number); // 5, 6 in the wrong place, NEWKEYS or 30-49 outside a kex
            } else {
                return false;
            }
            return true;
        }
    }

    /** Server: waiting for the client's SERVICE_REQUEST. */
    static final class ExpectServiceRequest extends AfterKex {
        ExpectServiceRequest() {
            super("ExpectServiceRequest");
        }

        @Override
        void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (number == MessageNumbers.SERVICE_REQUEST && engine.isServer()) {
                engine.onServiceRequest(payload);
            } else if (!common(engine, number, payload)) {
                throw unexpected(number); // A3: no service message before the service is accepted
            }
        }
    }

    /** Client: waiting for SERVICE_ACCEPT. */
    static final class ExpectServiceAccept extends AfterKex {
        ExpectServiceAccept() {
            super("ExpectServiceAccept");
        }

        @Override
        void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (number == MessageNumbers.SERVICE_ACCEPT && !engine.isServer()) {
                engine.onServiceAccept(payload);
            } else if (!common(engine, number, payload)) {
                throw unexpected(number); // A3: no service message before the service is accepted
            }
        }
    }

    /** The service runs. */
    static final class Established extends AfterKex {
        Established() {
            super("Established");
        }

        @Override
        void onMessage(TransportEngine engine, int number, byte[] payload) throws SshException {
            if (!common(engine, number, payload)) {
                engine.onServiceMessage(number, payload);
            }
        }
    }
}
