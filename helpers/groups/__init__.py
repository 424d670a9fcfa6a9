"""Outlet groups: every per-outlet comparison per group of outlets (by a column of ``outlets.csv``).

- ``groups_for(corpus_dir, articles, by)``: a ``Grouping`` (None when ``by`` is None);
  ``check_group_by`` refuses a ``by`` that is not a column of the outlets table.
- ``as_groups(table, grouping)``: the table with each ``outlet`` replaced by its group;
  ``group_table``: a result keyed by ``group``, with ``group_by`` and ``small_group``.
- ``terms_by_group``, ``tone_by_group``, ``target_tone_by_group``, ``voices_by_group``,
  ``shared_copy_by_group``, ``copy_between_groups``: the per-outlet functions run on groups.
- ``groups_note`` and ``*_group_note``: the sentences, from the same constants
  (``MIN_GROUP_ARTICLES``).
"""

from __future__ import annotations

from .findings import copy_group_note, target_group_note, terms_group_note, tone_group_note, voices_group_note
from .grouping import (
    MIN_GROUP_ARTICLES,
    Grouping,
    as_groups,
    check_group_by,
    compared_groups,
    group_sizes,
    group_table,
    groups_for,
    groups_note,
)
from .views import (
    GroupTerms,
    copy_between_groups,
    shared_copy_by_group,
    target_tone_by_group,
    terms_by_group,
    tone_by_group,
    voices_by_group,
)

__all__ = [
    "MIN_GROUP_ARTICLES", "GroupTerms", "Grouping", "as_groups", "check_group_by", "compared_groups",
    "copy_between_groups", "copy_group_note", "group_sizes", "group_table", "groups_for", "groups_note",
    "shared_copy_by_group", "target_group_note", "target_tone_by_group", "terms_by_group", "terms_group_note",
    "tone_by_group", "tone_group_note", "voices_by_group", "voices_group_note",
]
