"""Defer the IRI grammar that importing ``nbformat`` compiles, which a report build never uses.

``nbformat`` imports ``jsonschema``, whose format checkers import
``rfc3987_syntax.is_valid_syntax`` when that package is installed (JupyterLab's
dependencies install it), and importing it compiles a Lark grammar for IRIs: 1.2 s of CPU
on a quiet machine in every build process and every notebook worker (issue 18). Notebook
validation never checks an ``iri`` format, so on import this module (imported first by
``helpers.report``) calls ``defer_iri_grammar``, which puts a stand-in in
``sys.modules`` whose ``is_valid_syntax`` imports the real package at its first call and
hands over to it: the same answers, the grammar paid for only if a check ever needs it.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

IRI_PACKAGE = "rfc3987_syntax"
STAND_IN = types.ModuleType(IRI_PACKAGE, "rfc3987_syntax, imported at first use (helpers.report.deferred)")


def is_valid_syntax(*args, **kwargs):
    """``rfc3987_syntax.is_valid_syntax``, the real package imported at the first call."""
    if sys.modules.get(IRI_PACKAGE) is STAND_IN:
        del sys.modules[IRI_PACKAGE]
    return importlib.import_module(IRI_PACKAGE).is_valid_syntax(*args, **kwargs)


STAND_IN.is_valid_syntax = is_valid_syntax


def defer_iri_grammar() -> None:
    """Put the stand-in in ``sys.modules``, unless the package is missing or already imported."""
    if IRI_PACKAGE not in sys.modules and importlib.util.find_spec(IRI_PACKAGE) is not None:
        sys.modules[IRI_PACKAGE] = STAND_IN


defer_iri_grammar()
