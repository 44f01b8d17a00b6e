"""Circuitscape INI files and text inputs, parsed from their text (no file access here).

Parsing follows Circuitscape.jl: every ``key = value`` line counts, section headers are
ignored, booleans are true only for ``True``, ``true`` or ``1``. Where Circuitscape reads any
other word as false, a boolean here must be one of those or ``False``, ``false``, ``0`` (or
empty): a typo such as ``maybe`` or ``TRUE`` is refused instead of silently meaning false.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Tuple, Union

import numpy as np

from ..errors import EspInputError

TRUE_WORDS = ("True", "true", "1")
FALSE_WORDS = ("False", "false", "0", "")


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


def is_true(value: str, key: str = "", *, true_words: Tuple[str, ...] = TRUE_WORDS,
            false_words: Tuple[str, ...] = FALSE_WORDS) -> bool:
    """A boolean INI value; EspInputError for a word that is neither true nor false."""
    text = value.strip()
    if text in true_words:
        return True
    if text in false_words:
        return False
    raise EspInputError("'{key} = {value}' in the INI is neither true nor false. Write True "
                        "or False (Circuitscape and Omniscape would silently read it as "
                        "false).", key=key or "?", value=text)


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


class IncludedPairs(NamedTuple):
    """An included-pairs file: its ids, the k x k matrix of pairs to solve, and its mode.

    ``chosen[a, b]`` says whether the file lets id ``ids[a]`` pair with ``ids[b]`` (in
    exclude mode: the complement of the listed pairs). ``mode`` is ``include`` for a
    ``mode include`` list and for the min/max matrix, ``exclude`` for a ``mode exclude``
    list; it matters in pairwise mode, where an exclude list keeps focal ids it does not
    name (Circuitscape prunes focal ids to the file's ids only in include mode).
    """

    ids: np.ndarray
    chosen: np.ndarray
    mode: str = "include"


#: What the circuit functions take as ``included``: a parsed file, or a plain
#: ``(ids, chosen)`` pair, which counts as include mode.
Included = Union[IncludedPairs, Tuple[np.ndarray, np.ndarray]]


def included_mode(included: Included) -> str:
    """``include`` or ``exclude``; a plain ``(ids, chosen)`` pair is include mode."""
    return str(getattr(included, "mode", "include"))


def parse_included_pairs(text: str) -> IncludedPairs:
    """Included-pairs file -> :class:`IncludedPairs` (ids, k x k boolean matrix, mode).

    Two layouts exist, read as Circuitscape.jl reads them (``read_included_pairs``):

    * ``mode include`` / ``mode exclude`` followed by ``id1 id2`` lines: the listed pairs,
      in both directions, are the ones to solve (include) or to skip (exclude).
    * the matrix layout: ``min`` and ``max`` lines, a header row, then one row per id (its
      id first, the ids taken from that first column). A value above ``max`` counts as 0,
      and a pair is solved when the (possibly replaced) value is ``>= min``. So with
      ``min <= 0`` a pair whose value exceeds ``max`` is solved, and so is any value from
      ``min`` up to ``max``, zero and negative values included; with ``min > 0`` exactly
      the values within [min, max] are solved. The matrix may be asymmetric: each
      direction is kept as written (pairwise mode solves a pair when either direction is
      chosen, one-to-all reads the row of the solved id).
    """
    numbered = [(number, ln.split()) for number, ln in enumerate(text.splitlines(), start=1)
                if ln.strip()]
    if not numbered:
        raise EspInputError("The included-pairs file is empty.")
    lines = [ln for _number, ln in numbered]
    head = lines[0][0].lower()
    if head == "mode":
        if len(lines[0]) < 2:
            raise EspInputError("The included-pairs file starts with 'mode' but names no "
                                "mode; write 'mode include' or 'mode exclude'.")
        # As in Circuitscape, any mode other than include excludes the listed pairs.
        mode = "include" if lines[0][1].lower() == "include" else "exclude"
        listed = []
        for number, ln in numbered[1:]:
            pair = _pair_numbers(ln[:2], number)
            if len(pair) < 2 or not all(v.is_integer() for v in pair):
                raise EspInputError("Line {line} of the included-pairs file needs two whole "
                                    "ids: '{text}'.", line=number, text=" ".join(ln))
            listed.append(pair)
        pairs = np.array(listed, dtype=np.float64).reshape(-1, 2).astype(np.int64)
        ids = np.unique(pairs)
        index = {pid: i for i, pid in enumerate(ids)}
        chosen = np.zeros((ids.size, ids.size), dtype=bool)
        for a, b in pairs:
            chosen[index[a], index[b]] = chosen[index[b], index[a]] = True
        if mode == "exclude":
            chosen = ~chosen
        return IncludedPairs(ids, chosen, mode)
    low, high = -np.inf, np.inf
    body = []
    for number, ln in numbered:
        if ln[0].lower() in ("min", "max"):
            if len(ln) < 2:
                raise EspInputError("Line {line} of the included-pairs file names '{key}' "
                                    "without a value.", line=number, key=ln[0])
            bound = _pair_numbers(ln[1:2], number)[0]
            if ln[0].lower() == "min":
                low = bound
            else:
                high = bound
        else:
            body.append(_pair_numbers(ln, number))
    if len(body) < 2:
        raise EspInputError("The included-pairs matrix needs a header row and one row per "
                            "id.")
    rows = body[1:]  # body[0] is the header row; the ids are the first column
    k = len(rows)
    for number, row in enumerate(rows, start=1):
        if len(row) < k + 1:
            raise EspInputError("Row {row} of the included-pairs matrix has {count} values "
                                "after its id; the matrix has {ids} ids.", row=number,
                                count=len(row) - 1, ids=k)
    if not all(float(row[0]).is_integer() for row in rows):
        raise EspInputError("The first column of the included-pairs matrix must hold whole "
                            "ids.")
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    values = np.array([row[1:1 + k] for row in rows], dtype=np.float64).reshape(k, k)
    values = np.where(values > high, 0.0, values)
    return IncludedPairs(ids, values >= low, "include")


def _pair_numbers(fields: List[str], line: int) -> List[float]:
    try:
        values = [float(v) for v in fields]
    except ValueError:
        raise EspInputError("Line {line} of the included-pairs file is not numeric: "
                            "'{text}'.", line=line, text=" ".join(fields)) from None
    if not all(np.isfinite(values)):
        raise EspInputError("Line {line} of the included-pairs file holds a value that is not "
                            "a finite number: '{text}'.", line=line, text=" ".join(fields))
    return values


def parse_strengths(text: str) -> np.ndarray:
    """Variable source strengths: ``id strength`` rows."""
    return numeric_table(text, columns=2, what="variable source strength list")
