"""Installed library versions, as bytes for a cache key: a new library version gives new output."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def library_versions(names) -> bytes:
    """``name==version`` of each installed distribution in ``names`` (``name missing`` when absent), one per line."""
    found = []
    for name in names:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return "\n".join(found).encode()
