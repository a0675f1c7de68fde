#!/usr/bin/python3
"""A paramiko 2.12 client for sshstack's interop tests: connect, log the negotiated algorithms, run one command.

Usage: paramiko_client.py --port N [--user U] [--password P] [--key FILE] [COMMAND]
  Prints "kex: <name>", "hostkey: <name>", "cipher: <c2s> <s2c>", "mac: <c2s> <s2c>" once the key exchange is done,
  then the command's stdout; exits with the command's exit status (255 when the connection or auth fails).
  Without a command it stops after authentication (or after the key exchange when no credentials are given).
  The host key is not checked (the fixture's peers use throwaway keys). Debug log on stderr.
Written for sshstack; no code copied from elsewhere.
"""
import argparse
import logging
import socket
import sys

import paramiko


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="test")
    parser.add_argument("--password")
    parser.add_argument("--key")
    parser.add_argument("command", nargs="?")
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    kex_names = KexName()
    logging.getLogger("paramiko").addHandler(kex_names)
    transport = paramiko.Transport(socket.create_connection(("127.0.0.1", args.port), timeout=10))
    try:
        transport.start_client(timeout=10)
        # paramiko keeps the agreed cipher/MAC/host key names in attributes; the kex name only in its log
        print("kex: %s" % kex_names.agreed)
        print("hostkey: %s" % transport.host_key_type)
        print("cipher: %s %s" % (transport.local_cipher, transport.remote_cipher))
        print("mac: %s %s" % (transport.local_mac, transport.remote_mac), flush=True)
        if args.password is not None:
            transport.auth_password(args.user, args.password)
        elif args.key is not None:
            transport.auth_publickey(args.user, load_key(args.key))
        if args.command is None:
            return 0
        channel = transport.open_session(timeout=10)
        channel.exec_command(args.command)
        out = b""
        while True:
            chunk = channel.recv(32768)
            if not chunk:
                break
            out += chunk
        sys.stdout.write(out.decode("utf-8", "replace"))
        return channel.recv_exit_status()
    except Exception as e:
        print("error: %r" % (e,), file=sys.stderr)
        return 255
    finally:
        transport.close()


class KexName(logging.Handler):
    """Remembers the kex method from paramiko's "Kex: <name>" debug line."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.agreed = "?"

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Kex: "):
            self.agreed = message[5:]


def load_key(path):
    """Loads an OpenSSH private key of any type paramiko 2.12 knows."""
    for cls in (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey):
        try:
            return cls.from_private_key_file(path)
        except paramiko.SSHException:
            continue
    raise SystemExit("cannot load key " + path)


if __name__ == "__main__":
    sys.exit(main())
