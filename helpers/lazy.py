"""A package's names imported from their modules on first use (a module ``__getattr__``, PEP 562)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_names(package: str, modules: Mapping[str, tuple[str, ...]], namespace: dict) -> Callable[[str], object]:
    """The ``__getattr__`` for ``package``: each name of ``modules`` (module -> its names) is imported
    from ``package.<module>`` when first asked for and kept in ``namespace`` (the package's
    ``globals()``), so it is looked up once; any other name is an AttributeError."""
    where = {name: module for module, names in modules.items() for name in names}

    def getattr_(name: str):
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return getattr_
