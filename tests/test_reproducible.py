"""Two builds of one corpus are identical, and a build opens no network connection."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import textwrap

# Put first on PYTHONPATH, this makes every Python process of the build (the build
# itself and each notebook's kernel, which inherit the environment) refuse and record
# any connection or name lookup that is not local. Kernels talk to the build over
# loopback through libzmq, which does not use Python's socket module.
BLOCK_NETWORK = textwrap.dedent("""
    import os, socket
    LOG = os.environ["NETWORK_ATTEMPTS_LOG"]
    LOCAL = ("127.", "::1", "localhost", "0.0.0.0")

    def _refuse(what):
        with open(LOG, "a") as fh:
            fh.write(f"{os.getpid()} {what}\\n")
        raise OSError(f"network blocked by the test: {what}")

    def _local(address):
        return not isinstance(address, tuple) or str(address[0]).startswith(LOCAL)

    _connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):
        return _connect(self, address) if _local(address) else _refuse(f"connect {address!r}")

    def connect_ex(self, address):
        return _connect_ex(self, address) if _local(address) else _refuse(f"connect_ex {address!r}")

    def getaddrinfo(host, *args, **kwargs):
        if host is None or str(host).startswith(LOCAL):
            return _getaddrinfo(host, *args, **kwargs)
        return _refuse(f"getaddrinfo {host!r}")

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
""")


def _diff(a, b, prefix=""):
    cmp = filecmp.dircmp(a, b)
    out = [f"{prefix}{n}" for n in cmp.left_only + cmp.right_only + cmp.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    out += [f"{prefix}{n}" for n in mismatch + errors]
    for sub in cmp.common_dirs:
        out += _diff(a / sub, b / sub, f"{prefix}{sub}/")
    return out


def test_rebuild_offline_is_identical(seed_report, offline_rebuild):
    """The seed report, rebuilt into a copy of itself (so the shared report stays as built) by
    `python -m helpers.report` with BLOCK_NETWORK first on PYTHONPATH (tests/conftest.py), is
    identical to it, and nothing tried to reach the network."""
    copy, log, run = offline_rebuild
    assert run.returncode == 0, run.stderr[-3000:]
    assert not log.exists(), f"network attempts: {log.read_text()}"
    assert _diff(seed_report, copy) == []


def test_the_network_block_works(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(BLOCK_NETWORK)
    log = tmp_path / "attempts.log"
    env = dict(os.environ, NETWORK_ATTEMPTS_LOG=str(log), PYTHONPATH=str(hook))
    code = ("import socket\ntry:\n    socket.create_connection(('198.51.100.7', 80), timeout=1)\n"
            "except OSError as e:\n    print(e)")
    run = subprocess.run([sys.executable, "-c", code], check=False, env=env, capture_output=True, text=True)
    assert "network blocked by the test" in run.stdout
    assert "198.51.100.7" in log.read_text()
