"""Refuse and record every socket connection that leaves the machine.

Installed in the test process by ``conftest.py`` and, through ``sitecustomize.py`` on
``PYTHONPATH``, in every Python process the tests start (the book build and its notebook
kernels). Loopback and Unix sockets stay allowed: kernels talk to Jupyter over loopback.
"""

from __future__ import annotations

import ipaddress
import os
import socket

LOG_ENV = "NETGUARD_LOG"


class OfflineViolation(ConnectionRefusedError):
    """A connection to a non-loopback address was attempted."""


def _is_local(family: int, address: object) -> bool:
    if family == getattr(socket, "AF_UNIX", None):
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _record(address: object) -> None:
    log = os.environ.get(LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {address!r}\n")


def install() -> None:
    """Patch ``socket.socket`` so non-loopback connects raise :class:`OfflineViolation`."""
    if getattr(socket.socket, "_netguard", False):
        return
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: object) -> None:
        if not _is_local(self.family, address):
            _record(address)
            raise OfflineViolation(f"network access refused in tests: {address!r}")
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: object) -> int:
        if not _is_local(self.family, address):
            _record(address)
            raise OfflineViolation(f"network access refused in tests: {address!r}")
        return connect_ex(self, address)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.socket._netguard = True
