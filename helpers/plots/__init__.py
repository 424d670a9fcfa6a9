"""Every chart of the reports, one function each, grouped by what they show.

- ``style``: the house style (``use_style``) and the pieces charts share;
- ``coverage``: when and how much each outlet wrote, who covered which event, lengths, what cleaning removed;
- ``voices``: who is quoted, on which side, named or not;
- ``words``: distinctive words and framing groups;
- ``tone``: sentence tone per outlet, in quotes and narration, around actors, with the benchmark;
- ``shared_text``: similarity between articles, wire copy, shared facts.

Notebooks call them as ``plots.<chart>(...)``. Each takes the tidy tables an analysis
returned and returns the Figure or Axes it drew on; labels are corpus text, drawn literally.
"""

from ..lazy import lazy_names

# Each chart's module, imported on first use (``plots.<chart>``, ``from helpers.plots import <chart>``):
# ``from helpers import plots`` then loads only the analyses the notebook draws. Importing every
# chart module at once pulled in quotes, sentiment, terms and overlap for 00_corpus's four
# coverage charts (issue 18: the setup cell's CPU, measured in the build's kernels).
CHART_MODULES = {
    "coverage": ("attention_chart", "coverage_grid_heatmap", "lengths", "removed_by_rule", "timeline"),
    "shared_text": ("cluster_order", "fact_matrix_heatmap", "similarity_heatmaps", "wire_share_bars"),
    "style": ("FIG_WIDTH", "article_labels", "empty_panel", "outlet_label", "use_style"),
    "tone": ("actor_heatmap", "benchmark_agreement", "compound_distribution", "tone_through_article", "voice_tone"),
    "voices": ("affiliation_bars", "profile_panels", "sourcing_bars", "speaker_heatmap"),
    "words": ("distinctive_dots", "framing_heatmap"),
}
CHART_MODULE = {name: module for module, names in CHART_MODULES.items() for name in names}

__all__ = [
    "FIG_WIDTH",
    "actor_heatmap",
    "affiliation_bars",
    "article_labels",
    "attention_chart",
    "benchmark_agreement",
    "cluster_order",
    "compound_distribution",
    "coverage_grid_heatmap",
    "distinctive_dots",
    "empty_panel",
    "fact_matrix_heatmap",
    "framing_heatmap",
    "lengths",
    "outlet_label",
    "profile_panels",
    "removed_by_rule",
    "similarity_heatmaps",
    "sourcing_bars",
    "speaker_heatmap",
    "timeline",
    "tone_through_article",
    "use_style",
    "voice_tone",
    "wire_share_bars",
]


__getattr__ = lazy_names(__name__, CHART_MODULES, globals())


def __dir__() -> list[str]:
    """The charts (``__all__``) beside the module's own names."""
    return sorted(set(globals()) | set(__all__))
