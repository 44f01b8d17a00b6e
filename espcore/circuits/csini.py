"""Circuitscape INI files and text inputs, parsed from their text (no file access here).

Parsing follows Circuitscape.jl: every ``key = value`` line counts, section headers are
ignored, booleans are true only for ``True``, ``true`` or ``1``.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

import numpy as np

from ..errors import EspInputError

TRUE_WORDS = ("True", "true", "1")


def parse_ini(text: str) -> Dict[str, str]:
    """``key = value`` pairs of an INI text (later keys win, like Circuitscape)."""
    options: Dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("[") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        options[key.strip()] = value.strip()
    return options


def is_true(value: str) -> bool:
    return value.strip() in TRUE_WORDS


def numeric_table(text: str, *, columns: int, what: str) -> np.ndarray:
    """Whitespace-separated numbers, ``columns`` per row (``#`` starts a comment)."""
    rows: List[List[float]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        try:
            values = [float(v) for v in fields[:columns]]
        except ValueError:
            raise EspInputError("Line {line} of the {what} is not numeric: '{text}'.",
                                line=number, what=what, text=line) from None
        if len(values) < columns:
            raise EspInputError("Line {line} of the {what} needs {columns} values: '{text}'.",
                                line=number, what=what, columns=columns, text=line)
        rows.append(values)
    return np.array(rows, dtype=np.float64).reshape(-1, columns)


def parse_points(text: str) -> List[Tuple[float, float, float]]:
    """A focal-node list: ``id x y`` per line, in map units."""
    return [tuple(row) for row in numeric_table(text, columns=3, what="focal node list")]


def parse_included_pairs(text: str) -> Tuple[np.ndarray, np.ndarray]:
    """Included-pairs file -> (ids, k x k boolean matrix of pairs to solve).

    Two layouts exist: ``mode include``/``mode exclude`` followed by ``id1 id2`` lines, and
    the matrix layout with ``min``/``max`` lines, a header row of ids and a header column,
    where a pair is solved when its value lies within [min, max].
    """
    lines = [ln.split() for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise EspInputError("The included-pairs file is empty.")
    head = lines[0][0].lower()
    if head == "mode":
        include = lines[0][1].lower() == "include"
        pairs = np.array([[float(v) for v in ln[:2]] for ln in lines[1:]], dtype=np.float64)
        pairs = pairs.reshape(-1, 2).astype(np.int64)
        ids = np.unique(pairs)
        index = {pid: i for i, pid in enumerate(ids)}
        chosen = np.zeros((ids.size, ids.size), dtype=bool)
        for a, b in pairs:
            chosen[index[a], index[b]] = chosen[index[b], index[a]] = True
        if not include:
            chosen = ~chosen
        return ids, chosen
    low, high = -np.inf, np.inf
    body = []
    for ln in lines:
        if ln[0].lower() == "min":
            low = float(ln[1])
        elif ln[0].lower() == "max":
            high = float(ln[1])
        else:
            body.append([float(v) for v in ln])
    ids = np.array(body[0][1:], dtype=np.int64)
    values = np.array([row[1:1 + ids.size] for row in body[1:1 + ids.size]])
    return ids, (values >= low) & (values <= high)


def parse_strengths(text: str) -> np.ndarray:
    """Variable source strengths: ``id strength`` rows."""
    return numeric_table(text, columns=2, what="variable source strength list")
