"""Property-based tests (hypothesis) of the parsers and the core's input checks.

Whatever a user's file or parameter holds, the core answers with a result or with
:class:`EspInputError` (whose message the wrappers translate) — never with another exception,
which would reach the user as a traceback. Where a parser accepts the input, the result is
checked against the text it came from.
"""

import math

import numpy as np
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from espcore import EspInputError  # noqa: E402
from espcore.circuits.csini import (  # noqa: E402
    is_true,
    numeric_table,
    parse_included_pairs,
    parse_ini,
)
from espcore.circuits.omniscape import parse_reclass_table  # noqa: E402
from espcore.corridors.barriers import (  # noqa: E402
    ESP_EARLIER,
    LINKAGE_MAPPER,
    annulus,
    radii_range,
    scorable_radii,
)
from espcore.resistance.surface import parse_reclass_rows  # noqa: E402
from espcore.sources.habitat import parse_sensitivity, parse_threats  # noqa: E402
from espcore.sources.mspa import mspa  # noqa: E402

SETTINGS = settings(max_examples=150, deadline=None)
#: Text as users' files hold it: numbers, words, separators, odd characters and CJK.
WORDS = st.text(alphabet=st.sampled_from(list("0123456789.-+eE ,;#=\t\n\"'abcTrueFals[]") +
                                         ["湖", "南", "\u3000", "\ufeff"]), max_size=60)


def answers(function, *args, **kwargs):
    """The result, or None when the core refused with EspInputError."""
    try:
        return function(*args, **kwargs)
    except EspInputError as error:
        assert str(error)  # a message to show
        return None


@SETTINGS
@given(WORDS)
def test_an_ini_boolean_is_true_false_or_refused(text):
    value = answers(is_true, text, "key")
    if value is True:
        assert text.strip() in ("True", "true", "1")
    elif value is False:
        assert text.strip() in ("False", "false", "0", "")


@SETTINGS
@given(WORDS)
def test_ini_lines_become_key_value_pairs(text):
    options = parse_ini(text)
    for key, value in options.items():
        assert key == key.strip() and value == value.strip()
        assert any(line.strip().startswith(key) for line in text.splitlines())


@SETTINGS
@given(WORDS, st.integers(min_value=1, max_value=4))
def test_numeric_tables_hold_what_the_lines_say(text, columns):
    table = answers(numeric_table, text, columns=columns, what="table")
    if table is not None:
        lines = [line.split("#", 1)[0].split() for line in text.splitlines()]
        rows = [line for line in lines if line]
        assert table.shape == (len(rows), columns)
        for got, fields in zip(table, rows):
            np.testing.assert_array_equal(got, [float(v) for v in fields[:columns]])


@SETTINGS
@given(WORDS)
def test_included_pairs_parse_or_are_refused(text):
    answers(parse_included_pairs, text)


@SETTINGS
@given(WORDS)
def test_omniscape_reclass_tables_parse_or_are_refused(text):
    table = answers(parse_reclass_table, text)
    if table is not None:
        assert all(len(pair) == 2 for pair in table)


@SETTINGS
@given(st.lists(st.lists(WORDS, max_size=4), max_size=6))
def test_reclass_rows_parse_or_are_refused(rows):
    table = answers(parse_reclass_rows, rows)
    if table is not None:
        assert all(isinstance(code, int) for code in table)
        numeric = [row for row in rows if len(row) >= 2 and _number(row[0]) is not None
                   and _number(row[1]) is not None]
        assert len(table) == len(numeric)


def _number(text):
    try:
        return float(str(text).strip())
    except ValueError:
        return None


COLUMNS = st.sampled_from(["threat", "max_dist", "weight", "decay", "cut_path", "lucode",
                           "lulc", "habitat", "road", "name", "x"])


@SETTINGS
@given(st.lists(st.dictionaries(COLUMNS, WORDS, max_size=6), max_size=4), st.sampled_from(
    ["m", "km"]))
def test_habitat_tables_parse_or_are_refused(rows, unit):
    threats = answers(parse_threats, rows, unit=unit)
    if threats is not None:
        assert all(t.max_distance > 0 and t.weight >= 0 for t in threats)
        answers(parse_sensitivity, rows, [t.name for t in threats])


@SETTINGS
@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True),
       st.floats(allow_nan=True))
def test_radii_ranges_are_sorted_or_refused(low, high, step):
    radii = answers(radii_range, low, high, step)
    if radii is not None:
        # the last radius may overshoot the maximum by the rounding tolerance (relative 1e-9)
        assert radii == sorted(radii) and radii[0] == low
        assert radii[-1] <= high * (1 + 1e-8) + 1e-9
        assert all(math.isfinite(r) and r > 0 for r in radii)


@SETTINGS
@given(st.floats(min_value=1.0, max_value=60.0), st.sampled_from([1.0, 7.5, 25.0, 30.0, 90.0]),
       st.sampled_from([LINKAGE_MAPPER, ESP_EARLIER]))
def test_a_ring_is_scorable_exactly_when_its_footprint_holds_a_cell(cells, size, semantics):
    radius = cells * size
    kept, dropped = scorable_radii([radius], size, semantics)
    assert bool(kept) == bool(annulus(radius, size, semantics=semantics).any())
    assert len(kept) + len(dropped) == 1


@SETTINGS
@given(st.lists(st.lists(st.integers(min_value=-1, max_value=4), min_size=3, max_size=3),
                min_size=3, max_size=5))
def test_mspa_takes_0_1_2_and_refuses_other_values(rows):
    guidos = np.array(rows, dtype=np.int16)
    codes = answers(mspa, guidos)
    if np.isin(guidos, [0, 1, 2]).all():
        assert codes is not None and codes.shape == guidos.shape
        assert ((codes == 129) == (guidos == 0)).all()
    else:
        assert codes is None
