#!/usr/bin/python3
"""A tiny paramiko 2.12 SSH server for sshstack's interop tests (loopback only).

Usage: paramiko_server.py --port N [--host-key FILE] [--authorized-keys FILE]
  --port 0 lets the OS choose; the chosen port is printed as "LISTENING <port>" (the fixture waits for it).
  Without --host-key an ECDSA P-256 host key is generated in memory.
  With --authorized-keys, publickey auth is offered too: user "test" may log in with any key listed in FILE
  (OpenSSH authorized_keys lines "type base64 [comment]", no options), which is read again at every attempt.

Behaviour (later tests rely on it):
  * user "test" with password "secret" is accepted; everything else is refused;
  * with --authorized-keys, a key accepted for "test" is logged as "publickey ok: SHA256:<fingerprint>";
  * "exec" requests echo the command text followed by a newline on stdout, then exit with a status taken from the
    command: "exit N" exits with N, anything else with 0;
  * the debug log (negotiated algorithms, auth, channel requests) goes to stderr.
Written for sshstack; no code copied from elsewhere.
"""
import argparse
import base64
import hashlib
import logging
import socket
import sys
import threading

import paramiko

USER, PASSWORD = "test", "secret"


def exit_status(command):
    """'exit N' -> N, anything else -> 0."""
    parts = command.split()
    if len(parts) == 2 and parts[0] == "exit" and parts[1].isdigit():
        return int(parts[1])
    return 0


def authorized_blobs(path):
    """The public key blobs of an authorized_keys file (the second word of each line)."""
    with open(path, encoding="ascii") as f:
        lines = [line.split() for line in f if line.strip() and not line.startswith("#")]
    return {base64.b64decode(words[1]) for words in lines if len(words) >= 2}


def fingerprint(blob):
    """OpenSSH's SHA256 fingerprint of a public key blob."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")


class Server(paramiko.ServerInterface):
    """Password (and optionally publickey) auth for one user, session channels, exec requests."""

    def __init__(self, authorized_keys):
        self.command = None
        self.exec_requested = threading.Event()
        self.authorized_keys = authorized_keys

    def get_allowed_auths(self, username):
        return "password" if self.authorized_keys is None else "publickey,password"

    def check_auth_publickey(self, username, key):
        # paramiko asks this for the query without a signature and again before it verifies the signature
        if self.authorized_keys is None or username != USER:
            return paramiko.AUTH_FAILED
        if key.asbytes() not in authorized_blobs(self.authorized_keys):
            return paramiko.AUTH_FAILED
        logging.info("publickey ok: %s", fingerprint(key.asbytes()))
        return paramiko.AUTH_SUCCESSFUL

    def check_auth_password(self, username, password):
        if username == USER and password == PASSWORD:
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_channel_request(self, kind, chanid):
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_exec_request(self, channel, command):
        self.command = command.decode("utf-8", "replace")
        self.exec_requested.set()
        return True


def serve(conn, host_key, authorized_keys):
    """Runs one connection: key exchange, auth, then at most one exec request."""
    transport = paramiko.Transport(conn)
    transport.add_server_key(host_key)
    transport.load_server_moduli()  # group exchange needs the system moduli file; without it GEX is refused
    server = Server(authorized_keys)
    try:
        transport.start_server(server=server)
        channel = transport.accept(30)
        if channel is None or not server.exec_requested.wait(30):
            return
        logging.info("exec: %s", server.command)
        channel.sendall((server.command + "\n").encode("utf-8"))
        channel.send_exit_status(exit_status(server.command))
        channel.shutdown_write()
        channel.close()
        # let the client read everything and disconnect first: closing our socket while the client's last
        # packets (EOF, CLOSE) are unread would make the kernel reset the connection and drop queued output
        transport.join(30)
    except Exception as e:  # a test may drop the connection at any point
        logging.info("connection ended: %r", e)
    finally:
        transport.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host-key")
    parser.add_argument("--authorized-keys", help="also offer publickey auth for the keys in this file")
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    host_key = paramiko.ECDSAKey.generate() if args.host_key is None else load_key(args.host_key)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(16)
    print("LISTENING %d" % listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn, host_key, args.authorized_keys), daemon=True).start()


def load_key(path):
    """Loads an OpenSSH private key of any type paramiko 2.12 knows."""
    for cls in (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey):
        try:
            return cls.from_private_key_file(path)
        except paramiko.SSHException:
            continue
    raise SystemExit("cannot load host key " + path)


if __name__ == "__main__":
    main()
