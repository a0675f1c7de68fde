#!/usr/bin/python3
"""AsyncSSH's SFTP client for sshstack's SFTP interop tests: a fixed list of operations, one line each.

Usage: asyncssh_sftp_client.py --port N --user U --key FILE --remote DIR --local DIR
  DIR (remote) is the server's name for an empty directory; DIR (local) holds a.bin and big.bin.
  Prints "op <name> ok" or "op <name> FAIL <error>" for every operation (the names are the same as in
  paramiko_sftp_client.py, plus AsyncSSH's extras: statvfs, link, copy); the test then checks each operation's
  effect on disk by SHA-256. Exits 0. The host key is not checked. Debug log on stderr.
Written for sshstack; no code copied from elsewhere.
"""
import argparse
import asyncio
import logging
import os
import stat
import sys

import asyncssh


async def op(name, action):
    """Runs one coroutine-returning operation and reports it; a False result or an exception is a failure."""
    try:
        result = await action()
        print("op %s %s" % (name, "FAIL returned False" if result is False else "ok"), flush=True)
    except Exception as e:  # report every failure, keep going
        print("op %s FAIL %r" % (name, e), flush=True)


def read_local(path, offset, length):
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(length)


async def run(sftp, remote, local):
    r = lambda name: remote + "/" + name  # noqa: E731
    l = lambda name: os.path.join(local, name)  # noqa: E731
    size = os.path.getsize(l("a.bin"))
    await op("put", lambda: sftp.put(l("a.bin"), r("p.bin")))
    await op("get", lambda: sftp.get(r("p.bin"), l("p-back.bin")))
    await op("put big (pipelined)", lambda: sftp.put(l("big.bin"), r("big.bin")))
    await op("get big (prefetch)", lambda: sftp.get(r("big.bin"), l("big-back.bin")))
    await op("mkdir", lambda: sftp.mkdir(r("dir"), asyncssh.SFTPAttrs(permissions=0o750)))
    await op("listdir", lambda: check(sftp.listdir(remote), lambda names: {"p.bin", "dir"} <= set(names)))
    await op("listdir_attr", lambda: check(sftp.readdir(remote), lambda entries: any(
        e.filename == "p.bin" and e.attrs.size == size for e in entries)))
    await op("stat", lambda: check(sftp.stat(r("p.bin")), lambda a: a.size == size))
    await op("symlink", lambda: sftp.symlink("p.bin", r("link")))
    await op("lstat", lambda: check(sftp.lstat(r("link")), lambda a: stat.S_ISLNK(a.permissions)))
    await op("readlink", lambda: check(sftp.readlink(r("link")), lambda target: target == "p.bin"))
    await op("chmod", lambda: sftp.chmod(r("p.bin"), 0o640))
    await op("utime", lambda: sftp.utime(r("p.bin"), (1577934245, 1577934245)))
    await op("put (to rename)", lambda: sftp.put(l("a.bin"), r("q.bin")))
    await op("rename", lambda: sftp.rename(r("q.bin"), r("dir/q.bin")))
    await op("posix_rename", lambda: sftp.posix_rename(r("dir/q.bin"), r("dir/q2.bin")))
    await op("put (to truncate)", lambda: sftp.put(l("a.bin"), r("t.bin")))
    await op("truncate", lambda: sftp.truncate(r("t.bin"), 1000))
    await op("read at offset", lambda: check(read_at(sftp, r("p.bin"), 12345, 1000),
                                             lambda data: data == read_local(l("a.bin"), 12345, 1000)))
    await op("write at offset", lambda: write_at(sftp, r("w.bin"), 5000, b"written at 5000"))
    await op("append", lambda: append(sftp, r("w.bin"), b"|appended"))
    await op("normalize", lambda: check(sftp.realpath(r("dir/../p.bin")), lambda p: p == r("p.bin")))
    await op("chdir/getcwd", lambda: chdir(sftp, r("dir")))
    await op("relative path after chdir", lambda: check(sftp.stat("q2.bin"), lambda a: a.size == size))
    await op("put (to remove)", lambda: sftp.put(l("a.bin"), r("gone.bin")))
    await op("remove", lambda: sftp.remove(r("gone.bin")))
    await op("mkdir (to rmdir)", lambda: sftp.mkdir(r("gone")))
    await op("rmdir", lambda: sftp.rmdir(r("gone")))
    await op("stat missing raises", lambda: missing(sftp, r("never-there")))
    await op("statvfs", lambda: check(sftp.statvfs(remote), lambda v: v.bsize > 0 and v.blocks > 0))
    await op("link", lambda: sftp.link(r("p.bin"), r("hard.bin")))
    await op("copy (remote)", lambda: sftp.copy(r("p.bin"), r("copied.bin")))


async def check(awaitable, predicate):
    return bool(predicate(await awaitable))


async def read_at(sftp, path, offset, length):
    async with sftp.open(path, "rb") as f:
        await f.seek(offset)
        return await f.read(length)


async def write_at(sftp, path, offset, data):
    async with sftp.open(path, "wb") as f:
        await f.seek(offset)
        await f.write(data)


async def append(sftp, path, data):
    async with sftp.open(path, "ab") as f:
        await f.write(data)


async def chdir(sftp, path):
    await sftp.chdir(path)
    return await sftp.getcwd() == path


async def missing(sftp, path):
    try:
        await sftp.stat(path)
        return False
    except asyncssh.SFTPNoSuchFile:
        return True


async def main():
    parser = argparse.ArgumentParser()
    for name in ("--port", "--user", "--key", "--remote", "--local"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
    asyncssh.set_debug_level(2)
    async with asyncssh.connect("127.0.0.1", int(args.port), username=args.user, client_keys=[args.key],
                                known_hosts=None, agent_path=None, connect_timeout=10) as conn:
        async with conn.start_sftp_client() as sftp:
            await run(sftp, args.remote, args.local)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
