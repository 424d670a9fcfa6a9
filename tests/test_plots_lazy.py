"""``helpers.plots`` imports a chart's module on first use (issue 18: the notebooks' setup cell)."""

import subprocess
import sys

import pytest

from helpers import plots


def test_every_chart_resolves_to_its_module():
    assert set(plots.__all__) == set(plots.CHART_MODULE)
    for name in set(plots.__all__) - {"FIG_WIDTH"}:
        assert getattr(plots, name).__module__ == f"helpers.plots.{plots.CHART_MODULE[name]}"
    assert isinstance(plots.FIG_WIDTH, int | float)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_chart"):
        _ = plots.no_such_chart


def test_coverage_charts_do_not_load_the_other_analyses():
    code = ("import sys\nfrom helpers import plots\nplots.use_style()\nplots.timeline\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('helpers.'))))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "helpers.plots.coverage" in loaded
    assert not loaded & {"helpers.plots.tone", "helpers.sentiment", "helpers.terms", "helpers.plots.words"}
