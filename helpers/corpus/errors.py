"""The error and the warning that loading a corpus raises, and the one way problems are listed.

Every problem message names its file and line (or row and column) and says how to fix
it, in plain words for the journalist who assembled the corpus.
"""

from __future__ import annotations

MAX_LISTED = 20  # problems listed in one error before "... and N more"


class CorpusError(ValueError):
    """The corpus cannot be loaded as it is; the message says where and how to fix it."""


class CorpusWarning(UserWarning):
    """Something in the corpus was worked around; the log table has the details."""


def raise_all(problems: list[str], intro: str) -> None:
    """Raise one ``CorpusError`` listing ``problems`` (the first ``MAX_LISTED``), if any.

    Raises
    ------
    CorpusError
        ``intro`` followed by one problem per line.
    """
    if problems:
        shown = problems[:MAX_LISTED]
        more = len(problems) - len(shown)
        tail = f"\n  ... and {more} more" if more else ""
        raise CorpusError(intro + "\n  " + "\n  ".join(shown) + tail)
