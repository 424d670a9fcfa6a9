"""helpers.report defers the IRI grammar nbformat's import would compile, with the same answers (issue 18)."""

import subprocess
import sys

SCRIPT = """
import sys
import helpers.report
from helpers.report.deferred import STAND_IN
assert sys.modules["rfc3987_syntax"] is STAND_IN, "the grammar was compiled at import"
assert "rfc3987_syntax.syntax_helpers" not in sys.modules
from jsonschema import FormatChecker
checker = FormatChecker()
values = ("http://example.com/caf\\u00e9", "no iri ::", "mailto:a@b.org")
answers = [checker.conforms(v, "iri") for v in values]
assert sys.modules["rfc3987_syntax"] is not STAND_IN  # the real package, from the first check on
import rfc3987_syntax
real = [rfc3987_syntax.is_valid_syntax("iri", v) for v in values]
assert answers == real == [True, False, True], (answers, real)
assert checker.conforms("http://example.com/x", "iri")  # later checks use the real package
"""


def test_iri_grammar_is_compiled_only_when_a_check_needs_it():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
