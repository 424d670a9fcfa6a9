"""Write the tables behind a notebook's findings to the report's data folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .paths import resolve


def write_table(df: pd.DataFrame, data_dir: str | Path, name: str) -> Path:
    """Write ``df`` to ``data_dir/name`` as UTF-8 CSV and return the path.

    The output is deterministic (no index, ``\\n`` line ends, dates as ISO 8601),
    so two builds from the same corpus give identical files. A relative
    ``data_dir`` is taken from the repository root.
    """
    folder = resolve(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    df.to_csv(path, index=False, lineterminator="\n", date_format="%Y-%m-%d", encoding="utf-8")
    return path
