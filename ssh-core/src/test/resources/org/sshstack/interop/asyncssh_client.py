#!/usr/bin/python3
"""An AsyncSSH client for sshstack's interop tests: connect, log the negotiated algorithms, run one command.

Usage: asyncssh_client.py --port N [--user U] [--password P] [--key FILE]
                          [--kex NAME] [--cipher NAME] [--mac NAME] [--hostkey NAME] [COMMAND]
       asyncssh_client.py --list
  --kex/--cipher/--mac/--hostkey restrict that family to the one name (connect's kex_algs, encryption_algs,
  mac_algs, server_host_key_algs); without them AsyncSSH's defaults apply. --list prints
  "supported <family> <name>" for every algorithm AsyncSSH supports (families kex, hostkey, cipher, mac) and exits.
  Prints "kex: <name>", "hostkey: <name>", "cipher: <c2s> <s2c>", "mac: <c2s> <s2c>" once connected, then the
  command's stdout; exits with the command's exit status (255 when the connection or auth fails).
  The host key is not checked (known_hosts=None: the fixture's peers use throwaway keys). Debug log on stderr.
Written for sshstack; no code copied from elsewhere.
"""
import argparse
import asyncio
import logging
import re
import sys

import asyncssh


async def run(args):
    options = dict(username=args.user, known_hosts=None, agent_path=None, client_keys=None,
                   password=args.password)
    if args.key is not None:
        options["client_keys"] = [args.key]
    for family, option in OPTION.items():
        name = getattr(args, family)
        if name is not None:
            options[option] = [name]
    async with asyncssh.connect("127.0.0.1", port=args.port, connect_timeout=10, **options) as conn:
        info = conn.get_extra_info
        # AsyncSSH 2.10 exposes the ciphers and MACs as extra info; the kex method only in its debug log
        print("kex: %s" % args.kex_names.agreed)
        host_key = conn.get_server_host_key()
        print("hostkey: %s" % (host_key.algorithm.decode("ascii") if host_key else "?"))
        print("cipher: %s %s" % (info("send_cipher"), info("recv_cipher")))
        print("mac: %s %s" % (info("send_mac"), info("recv_mac")), flush=True)
        if args.command is None:
            return 0
        result = await conn.run(args.command, check=False)
        sys.stdout.write(result.stdout or "")
        return result.exit_status if result.exit_status is not None else 255


# family -> connect() keyword restricting it
OPTION = {"kex": "kex_algs", "hostkey": "server_host_key_algs", "cipher": "encryption_algs", "mac": "mac_algs"}


def supported():
    """Every algorithm AsyncSSH supports, by family."""
    import asyncssh.encryption
    import asyncssh.kex
    import asyncssh.mac
    import asyncssh.public_key
    return {"kex": asyncssh.kex.get_kex_algs(), "hostkey": asyncssh.public_key.get_public_key_algs(),
            "cipher": asyncssh.encryption.get_encryption_algs(), "mac": asyncssh.mac.get_mac_algs()}


class KexName(logging.Handler):
    """Remembers the kex method from AsyncSSH's "Key exchange alg: b'<name>'" debug line."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.agreed = "?"

    def emit(self, record):
        found = re.search(r"Key exchange alg: b?'?([^' ]+)", record.getMessage())
        if found:
            self.agreed = found.group(1)


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
        for family, names in supported().items():
            for name in names:
                print("supported %s %s" % (family, name.decode("ascii")))
        return 0
    if args.port is None:
        parser.error("--port is required")
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    asyncssh.set_debug_level(2)
    args.kex_names = KexName()
    logging.getLogger("asyncssh").addHandler(args.kex_names)
    try:
        return asyncio.run(run(args))
    except (OSError, asyncssh.Error) as e:
        print("error: %r" % (e,), file=sys.stderr)
        return 255


if __name__ == "__main__":
    sys.exit(main())
