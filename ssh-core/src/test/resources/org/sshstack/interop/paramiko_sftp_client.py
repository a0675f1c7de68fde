#!/usr/bin/python3
"""paramiko's SFTPClient for sshstack's SFTP interop tests: a fixed list of operations, one line each.

Usage: paramiko_sftp_client.py --port N --user U --key FILE --remote DIR --local DIR
  DIR (remote) is the server's name for an empty directory; DIR (local) holds a.bin and big.bin.
  Prints "op <name> ok" or "op <name> FAIL <error>" for every operation (the names are the same as in
  asyncssh_sftp_client.py); the test then checks each operation's effect on disk by SHA-256. Exits 0.
  The host key is not checked (the fixture's servers use throwaway keys). Debug log on stderr.
Written for sshstack; no code copied from elsewhere.
"""
import argparse
import logging
import os
import socket
import stat
import sys

import paramiko


def op(name, action):
    """Runs one operation and reports it; a falsy result or an exception is a failure."""
    try:
        result = action()
        print("op %s %s" % (name, "ok" if result is None or result else "FAIL returned %r" % (result,)), flush=True)
    except Exception as e:  # report every failure, keep going
        print("op %s FAIL %r" % (name, e), flush=True)


def read_local(path, offset, length):
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(length)


def run(sftp, remote, local):
    r = lambda name: remote + "/" + name  # noqa: E731
    l = lambda name: os.path.join(local, name)  # noqa: E731
    size = os.path.getsize(l("a.bin"))
    op("put", lambda: sftp.put(l("a.bin"), r("p.bin")).st_size == size)
    op("get", lambda: sftp.get(r("p.bin"), l("p-back.bin")))
    op("put big (pipelined)", lambda: sftp.put(l("big.bin"), r("big.bin")))
    op("get big (prefetch)", lambda: sftp.get(r("big.bin"), l("big-back.bin")))
    op("mkdir", lambda: sftp.mkdir(r("dir"), 0o750))
    op("listdir", lambda: {"p.bin", "dir"} <= set(sftp.listdir(remote)))
    op("listdir_attr", lambda: any(a.filename == "p.bin" and a.st_size == size for a in sftp.listdir_attr(remote)))
    op("stat", lambda: sftp.stat(r("p.bin")).st_size == size)
    op("symlink", lambda: sftp.symlink("p.bin", r("link")))
    op("lstat", lambda: stat.S_ISLNK(sftp.lstat(r("link")).st_mode))
    op("readlink", lambda: sftp.readlink(r("link")) == "p.bin")
    op("chmod", lambda: sftp.chmod(r("p.bin"), 0o640))
    op("utime", lambda: sftp.utime(r("p.bin"), (1577934245, 1577934245)))
    op("put (to rename)", lambda: sftp.put(l("a.bin"), r("q.bin")))
    op("rename", lambda: sftp.rename(r("q.bin"), r("dir/q.bin")))
    op("posix_rename", lambda: sftp.posix_rename(r("dir/q.bin"), r("dir/q2.bin")))
    op("put (to truncate)", lambda: sftp.put(l("a.bin"), r("t.bin")))
    op("truncate", lambda: sftp.truncate(r("t.bin"), 1000))
    op("read at offset", lambda: read_at(sftp, r("p.bin"), 12345, 1000) == read_local(l("a.bin"), 12345, 1000))
    op("write at offset", lambda: write_at(sftp, r("w.bin"), 5000, b"written at 5000"))
    op("append", lambda: append(sftp, r("w.bin"), b"|appended"))
    op("normalize", lambda: sftp.normalize(r("dir/../p.bin")) == r("p.bin"))
    op("chdir/getcwd", lambda: (sftp.chdir(r("dir")), sftp.getcwd() == r("dir"))[1])
    op("relative path after chdir", lambda: sftp.stat("q2.bin").st_size == size)
    op("put (to remove)", lambda: sftp.put(l("a.bin"), r("gone.bin")))
    op("remove", lambda: sftp.remove(r("gone.bin")))
    op("mkdir (to rmdir)", lambda: sftp.mkdir(r("gone")))
    op("rmdir", lambda: sftp.rmdir(r("gone")))
    op("stat missing raises", lambda: missing(sftp, r("never-there")))


def read_at(sftp, path, offset, length):
    with sftp.open(path, "rb") as f:
        f.seek(offset)
        return f.read(length)


def write_at(sftp, path, offset, data):
    with sftp.open(path, "wb") as f:
        f.seek(offset)
        f.write(data)


def append(sftp, path, data):
    with sftp.open(path, "ab") as f:
        f.write(data)


def missing(sftp, path):
    try:
        sftp.stat(path)
        return False
    except FileNotFoundError:
        return True


def main():
    parser = argparse.ArgumentParser()
    for name in ("--port", "--user", "--key", "--remote", "--local"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    transport = paramiko.Transport(socket.create_connection(("127.0.0.1", int(args.port)), timeout=10))
    try:
        transport.start_client(timeout=10)
        transport.auth_publickey(args.user, paramiko.Ed25519Key.from_private_key_file(args.key))
        sftp = paramiko.SFTPClient.from_transport(transport)
        run(sftp, args.remote, args.local)
        sftp.close()
    finally:
        transport.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
