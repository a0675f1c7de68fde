#!/usr/bin/python3
"""A paramiko 2.12 client for sshstack's interop tests: connect, log the negotiated algorithms, run one command.

Usage: paramiko_client.py --port N [--user U] [--password P] [--key FILE]
                          [--kex NAME] [--cipher NAME] [--mac NAME] [--hostkey NAME] [COMMAND]
       paramiko_client.py --list
  --kex/--cipher/--mac/--hostkey restrict that family to the one name (the security options, set before the
  key exchange); without them paramiko's defaults apply. --list prints "supported <family> <name>" for every
  algorithm paramiko offers by default (families kex, hostkey, cipher, mac) and exits.
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
    parser.add_argument("--port", type=int)
    parser.add_argument("--user", default="test")
    parser.add_argument("--password")
    parser.add_argument("--key")
    parser.add_argument("--kex")
    parser.add_argument("--cipher")
    parser.add_argument("--mac")
    parser.add_argument("--hostkey")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("command", nargs="?")
    args = parser.parse_args()
    if args.list:
        for family, attribute in FAMILIES:
            for name in getattr(paramiko.Transport, "_preferred_" + attribute):
                print("supported %s %s" % (family, name))
        return 0
    if args.port is None:
        parser.error("--port is required")
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    kex_names = KexName()
    logging.getLogger("paramiko").addHandler(kex_names)
    transport = paramiko.Transport(socket.create_connection(("127.0.0.1", args.port), timeout=10))
    try:
        restrict(transport, args)
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


# (family, Transport "_preferred_" suffix, SecurityOptions attribute)
FAMILIES = (("kex", "kex"), ("hostkey", "keys"), ("cipher", "ciphers"), ("mac", "macs"))
OPTION = {"kex": "kex", "hostkey": "key_types", "cipher": "ciphers", "mac": "digests"}


def restrict(transport, args):
    """Limits each family given on the command line to that single algorithm."""
    options = transport.get_security_options()
    for family, _ in FAMILIES:
        name = getattr(args, family)
        if name is not None:
            setattr(options, OPTION[family], (name,))


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
