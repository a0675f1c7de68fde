#!/usr/bin/python3
"""A tiny AsyncSSH SSH server for sshstack's interop tests (loopback only).

Usage: asyncssh_server.py --port N [--host-key FILE] [--kbdint] [--authorized-keys FILE] [--sftp-root DIR]
                          [--cipher NAME]
  --port 0 lets the OS choose; the chosen port is printed as "LISTENING <port>" (the fixture waits for it).
  Without --host-key an Ed25519 host key is generated in memory.
  With --authorized-keys, publickey auth is offered too: user "test" may log in with any key listed in FILE
  (OpenSSH public key lines "type base64 [comment]", no options), which is read again at every attempt.

Behaviour (the same as paramiko_server.py, later tests rely on it):
  * user "test" with password "secret" is accepted; everything else is refused;
  * with --authorized-keys, a key accepted for "test" is logged as "publickey ok: SHA256:<fingerprint>";
  * with --kbdint, keyboard-interactive is offered too: one non-echoed "Password: " prompt, answered "secret";
  * "exec" requests echo the command text followed by a newline on stdout, then exit with a status taken from the
    command: "exit N" exits with N, anything else with 0;
  * with --sftp-root, the "sftp" subsystem is AsyncSSH's SFTP server, chrooted to DIR (DIR is "/" to clients);
  * with --cipher, that is the only cipher offered;
  * the debug log (negotiated algorithms, auth, channel requests) goes to stderr.
Written for sshstack; no code copied from elsewhere.
"""
import argparse
import asyncio
import logging
import sys

import asyncssh

USER, PASSWORD = "test", "secret"


def exit_status(command):
    """'exit N' -> N, anything else -> 0."""
    parts = command.split()
    if len(parts) == 2 and parts[0] == "exit" and parts[1].isdigit():
        return int(parts[1])
    return 0


class Server(asyncssh.SSHServer):
    """Password authentication (and optionally keyboard-interactive and publickey) for one user."""

    kbdint = False
    authorized_keys = None

    def begin_auth(self, username):
        return True  # authentication is required

    def public_key_auth_supported(self):
        return self.authorized_keys is not None

    def validate_public_key(self, username, key):
        # asked for the query without a signature and again before AsyncSSH verifies the signature itself
        with open(self.authorized_keys, encoding="ascii") as f:
            blobs = {asyncssh.import_public_key(line).public_data for line in f if line.strip()}
        if username != USER or key.public_data not in blobs:
            return False
        logging.info("publickey ok: %s", key.get_fingerprint("sha256"))
        return True

    def password_auth_supported(self):
        return True

    def validate_password(self, username, password):
        return username == USER and password == PASSWORD

    def kbdint_auth_supported(self):
        return self.kbdint

    def get_kbdint_challenge(self, username, lang, submethods):
        return "", "", "", [("Password: ", False)]

    def validate_kbdint_response(self, username, responses):
        return username == USER and list(responses) == [PASSWORD]


def handle(process):
    """Answers an exec request: echo the command, exit with the status it names."""
    command = process.command or ""
    process.stdout.write(command + "\n")
    process.exit(exit_status(command))


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host-key")
    parser.add_argument("--legacy", action="store_true",
                        help="also offer the CBC/3DES ciphers, diffie-hellman-group-exchange-sha1 "
                             "and diffie-hellman-group1-sha1 (off by default)")
    parser.add_argument("--kbdint", action="store_true",
                        help="also offer keyboard-interactive with one hidden Password: prompt")
    parser.add_argument("--sftp-root", help="serve SFTP, chrooted to this directory")
    parser.add_argument("--cipher", help="offer only this cipher")
    parser.add_argument("--authorized-keys", help="also offer publickey auth for the keys in this file")
    args = parser.parse_args()
    Server.kbdint = args.kbdint
    Server.authorized_keys = args.authorized_keys
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    asyncssh.set_debug_level(2)
    key = (asyncssh.generate_private_key("ssh-ed25519") if args.host_key is None
           else asyncssh.read_private_key(args.host_key))
    algs = {}
    if args.legacy:
        algs["encryption_algs"] = ([a.decode() for a in asyncssh.encryption.get_default_encryption_algs()]
                                   + ["aes256-cbc", "aes192-cbc", "aes128-cbc", "3des-cbc"])
        algs["kex_algs"] = ([a.decode() for a in asyncssh.kex.get_default_kex_algs()]
                            + ["diffie-hellman-group-exchange-sha1", "diffie-hellman-group1-sha1"])
    if args.cipher:
        algs["encryption_algs"] = [args.cipher]
    if args.sftp_root:
        algs["sftp_factory"] = lambda chan: asyncssh.SFTPServer(chan, chroot=args.sftp_root)
    server = await asyncssh.create_server(Server, "127.0.0.1", args.port, server_host_keys=[key],
                                          process_factory=handle, **algs)
    print("LISTENING %d" % server.sockets[0].getsockname()[1], flush=True)
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
