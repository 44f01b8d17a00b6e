"""Included-pairs files with faults: the line is named, nothing else is raised."""

import pytest

from espcore import EspInputError
from espcore.circuits.csini import parse_included_pairs


@pytest.mark.parametrize("text, match", [
    ("mode include\n1 2\n2 x\n", "Line 3 .*not numeric: '2 x'"),
    ("mode include\n1 2\n3\n", "Line 3 .*needs two whole ids"),
    ("mode include\n1.5 2\n", "Line 2 .*needs two whole ids"),
    ("min\nmax 1\n", "Line 1 .*'min' without a value"),
    ("min 0\nmax 1\n0 1 2\n1 0 ;\n", "Line 4 .*not numeric"),
    ("min 0\nmax 1\n", "needs a header row"),
    ("min nan\n", "Line 1 .*not a finite number"),
])
def test_a_faulty_pairs_file_names_its_line(text, match):
    with pytest.raises(EspInputError, match=match):
        parse_included_pairs(text)
