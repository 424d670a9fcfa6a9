"""``helpers.plots`` and ``helpers.display`` import their heavier modules on first use (issue 18)."""

import subprocess
import sys

import pytest

from helpers import display, plots


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


def test_display_loads_passages_only_when_asked():
    code = ("import sys\nfrom helpers.display import finding, note, table\n"
            "print('overlap' if 'helpers.overlap' in sys.modules else 'none')\n"
            "from helpers.display import passages_html\n"
            "print('overlap' if 'helpers.overlap' in sys.modules else 'none', passages_html.__module__)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["none", "overlap", "helpers.display.passages"]
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = display.no_such_name
