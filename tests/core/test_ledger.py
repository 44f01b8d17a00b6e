"""The unit ledger and its tables (espcore.zoning.ledger): figures by hand on a small map,
and the ledger against plain loops over cells and rows on random maps.

The small map: 3 x 6 cells of 0.5 km², units 1 | 2 with two cells outside (0); unit 3 has
no cell (a polygon off the grid):

    row 0:  1 1 1 2 2 2
    row 1:  1 1 1 2 2 2
    row 2:  1 1 0 0 2 2
"""

import numpy as np
import pytest
from progress_helpers import CancelAfter

from espcore import Cancelled, EspInputError
from espcore.zoning.collaboration import Account
from espcore.zoning.ledger import (
    barrier_account,
    cross_boundary_links,
    element_shares,
    link_end_units,
    outside_amounts,
    unit_ledger,
)

CELL_KM2 = 0.5
AREAS = [3.0, 4.0, 2.0]  # unit polygons, km²


def unit_map():
    units = np.array([[1, 1, 1, 2, 2, 2],
                      [1, 1, 1, 2, 2, 2],
                      [1, 1, 0, 0, 2, 2]])
    return units


#: Source area per column (outside, units 1-3): s1 in 1 and 2, s2 outside and in 2, s3 in 1.
SOURCES = np.array([[0.0, 2.0, 1.0, 0.0],
                    [0.5, 0.0, 1.5, 0.0],
                    [0.0, 1.0, 0.0, 0.0]])
#: Corridor length per column: c1 in 1 and 2, c2 in 2, c3 outside.
LENGTHS = np.array([[0.0, 0.3, 0.2, 0.0],
                    [0.0, 0.0, 0.4, 0.0],
                    [0.1, 0.0, 0.0, 0.0]])
#: Units of the two end sources of three links: 1-2 and 0-1 are cross-boundary.
ENDS = np.array([[1, 2], [2, 2], [0, 1]])


def pinch_map():
    """Patch 1: 2 cells in unit 1. Patch 2: 2 cells outside, 1 in unit 2 (unit 2's)."""
    pinch = np.zeros((3, 6), dtype=int)
    pinch[0, 0:2] = 1
    pinch[2, 2:4] = 2
    pinch[1, 3] = 2
    return pinch


def barrier_map():
    """Patch 5: 2 cells in unit 1, 2 in unit 2 (a tie: unit 1's). Patch 7: 1 cell outside
    (no unit holds it: counted in column 0)."""
    barriers = np.zeros((3, 6), dtype=int)
    barriers[1, 1:3] = 5
    barriers[0, 3:5] = 5
    barriers[2, 3] = 7
    return barriers


def zone_map():
    """Zone 4 but: zone 1 on (0, 0-1), zone 3 on row 2, no zone (0) at (1, 5)."""
    zones = np.full((3, 6), 4)
    zones[0, :2] = 1
    zones[2, :] = 3
    zones[1, 5] = 0
    return zones


# ----------------------------------------------------------------------- link ends

def test_link_end_units_by_hand():
    ids = np.array([8, 3, 9, 4])
    table = np.array([[0, 1, 3, 0],   # 8: mostly unit 2
                      [5, 2, 2, 0],   # 3: a tie of units 1 and 2 -> 1 (outside never wins)
                      [4, 0, 0, 0],   # 9: all outside -> 0
                      [0, 0, 0, 1]],  # 4: unit 3
                     dtype=float)
    ends = link_end_units([[3, 8], [9, 4], [8, 8]], ids, table)
    np.testing.assert_array_equal(ends, [[1, 2], [0, 3], [2, 2]])
    assert ends.dtype == np.int64
    with pytest.raises(EspInputError, match="not among the sources"):
        link_end_units([[3, 5]], ids, table)
    with pytest.raises(EspInputError, match="rows for"):
        link_end_units([[3, 8]], ids[:3], table)


def test_cross_boundary_links_by_hand():
    lengths = np.array([[0, 1.0, 2.0], [0, 0, 3.0], [0.5, 0, 0.25], [2.0, 0, 0]])
    positions, length = cross_boundary_links([[1, 2], [2, 2], [0, 2], [0, 0]], lengths)
    # Links 0 (1-2) and 2 (outside-2) cross; their whole lengths are 3 and 0.75.
    np.testing.assert_array_equal(positions, [0, 2])
    np.testing.assert_allclose(length, [3.0, 0.75])
    with pytest.raises(EspInputError, match="lies in unit"):
        cross_boundary_links([[1, 3]], lengths[:1])


# ----------------------------------------------------------------------- ledger

def small_ledger(**extra):
    return unit_ledger(AREAS, unit_map(), cell_area=CELL_KM2, sources=SOURCES,
                       lengths=LENGTHS, end_units=ENDS, **extra)


def test_unit_ledger_by_hand():
    account = Account(flows=np.zeros((4, 4)), burden=np.array([0.0, 1.0, 2.0, 0.0]),
                      benefit=np.array([0.0, 0.5, 1.5, 1.0]),
                      net=np.array([0.0, -0.5, -0.5, 1.0]))
    ledger = small_ledger(pinch_points=pinch_map(), barriers=barrier_map(), zones=zone_map(),
                          account=account)
    want = {
        "area_km2": [0, 3, 4, 2],
        "src_n": [1, 2, 2, 0],
        "src_km2": [0.5, 3.0, 2.5, 0],
        "src_pct": [0, 100.0, 62.5, 0],  # 3 of 3 km², 2.5 of 4 km²
        "xsrc_n": [1, 1, 2, 0],  # s1 and s2 lie in two columns, s3 in one
        "xsrc_km2": [0.5, 2.0, 2.5, 0],
        "cor_n": [1, 1, 2, 0],
        "cor_km": [0.1, 0.3, 0.6, 0],
        "xcor_n": [0, 1, 1, 0],  # c1 only
        "xcor_km": [0, 0.3, 0.2, 0],
        "xlink_n": [1, 2, 1, 0],  # links 1-2 and 0-1
        "pinch_n": [0, 1, 1, 0],
        "pinch_km2": [1.0, 1.0, 0.5, 0],
        "bar_n": [1, 1, 0, 0],
        "bar_km2": [0.5, 1.0, 1.0, 0],
        "z1_km2": [0, 1.0, 0, 0],
        "z2_km2": [0, 0, 0, 0],
        "z3_km2": [1.0, 1.0, 1.0, 0],
        # Unit 1: 8 cells, 2 of zone 1, 2 of zone 3; unit 2: 8 cells, 2 of zone 3, 1 none.
        "z4_km2": [0, 2.0, 2.5, 0],
        "burden_km2": [0, 1, 2, 0],
        "benefit_km2": [0, 0.5, 1.5, 1],
        "net_km2": [0, -0.5, -0.5, 1],
    }
    assert list(ledger) == list(want)  # the order the fields are written in
    for name, values in want.items():
        assert ledger[name].dtype == np.float64, name
        np.testing.assert_allclose(ledger[name], values, rtol=1e-12, atol=1e-15,
                                   err_msg=name)


def test_unit_ledger_optional_parts():
    ledger = small_ledger()
    # Without key areas their columns are there, all 0; no zone or account columns.
    assert list(ledger)[-4:] == ["pinch_n", "pinch_km2", "bar_n", "bar_km2"]
    for name in ("pinch_n", "pinch_km2", "bar_n", "bar_km2"):
        np.testing.assert_array_equal(ledger[name], 0.0)
    # A patch raster without any patch cell counts nothing either.
    empty = small_ledger(barriers=np.zeros((3, 6), dtype=int))
    np.testing.assert_array_equal(empty["bar_n"], 0.0)
    np.testing.assert_array_equal(empty["bar_km2"], 0.0)


def test_unit_ledger_errors():
    with pytest.raises(EspInputError, match="columns"):
        unit_ledger(AREAS[:2], unit_map(), cell_area=CELL_KM2, sources=SOURCES,
                    lengths=LENGTHS[:, :3], end_units=ENDS)
    with pytest.raises(EspInputError, match="columns"):
        unit_ledger(AREAS, unit_map(), cell_area=CELL_KM2, sources=SOURCES,
                    lengths=LENGTHS[:, :3], end_units=ENDS)
    with pytest.raises(EspInputError, match="lies in unit"):
        small_ledger_with(end_units=[[1, 4]])
    with pytest.raises(EspInputError, match="one grid"):
        small_ledger(zones=zone_map()[:2])
    with pytest.raises(EspInputError, match="whole numbers"):
        small_ledger(pinch_points=pinch_map() + 0.5)
    with pytest.raises(EspInputError, match="number of administrative units"):
        unit_ledger([], unit_map(), cell_area=CELL_KM2, sources=np.zeros((0, 1)),
                    lengths=np.zeros((0, 1)), end_units=np.zeros((0, 2)))


def small_ledger_with(**changes):
    arguments = dict(sources=SOURCES, lengths=LENGTHS, end_units=ENDS)
    arguments.update(changes)
    return unit_ledger(AREAS, unit_map(), cell_area=CELL_KM2, **arguments)


def ledger_by_loops(areas, units, cell, sources, lengths, ends, patches, zones):
    """The ledger from its definition, one element and one cell at a time."""
    count = len(areas)
    columns = range(count + 1)
    out = {"area_km2": [0.0] + list(areas)}
    for prefix, table in (("src", sources), ("cor", lengths)):
        amount = "_km2" if prefix == "src" else "_km"
        n, total, xn, xtotal = ([0.0] * (count + 1) for _ in range(4))
        for row in table:
            holders = [u for u in columns if row[u] > 0]
            for u in holders:
                n[u] += 1
                total[u] += row[u]
                if len(holders) > 1:
                    xn[u] += 1
                    xtotal[u] += row[u]
        out[prefix + "_n"], out[prefix + amount] = n, total
        out["x" + prefix + "_n"], out["x" + prefix + amount] = xn, xtotal
    out["src_pct"] = [100.0 * s / a if a > 0 else 0.0
                      for s, a in zip(out["src_km2"], out["area_km2"])]
    xlink = [0.0] * (count + 1)
    for a, b in ends:
        if a != b:
            xlink[a] += 1
            xlink[b] += 1
    out["xlink_n"] = xlink
    for prefix, raster in patches.items():
        cells = {}  # patch -> {unit: cells}
        for (r, c), pid in np.ndenumerate(raster):
            if pid > 0:
                per_unit = cells.setdefault(pid, {})
                per_unit[units[r, c]] = per_unit.get(units[r, c], 0) + 1
        n, area = [0.0] * (count + 1), [0.0] * (count + 1)
        for per_unit in cells.values():
            inside = {u: k for u, k in per_unit.items() if u > 0}
            best = max(inside.values()) if inside else 0
            n[min(u for u, k in inside.items() if k == best) if inside else 0] += 1
            for u, k in per_unit.items():
                area[u] += k * cell
        out[prefix + "_n"], out[prefix + "_km2"] = n, area
    for code in (1, 2, 3, 4):
        area = [0.0] * (count + 1)
        for (r, c), z in np.ndenumerate(zones):
            if z == code:
                area[units[r, c]] += cell
        out["z{0}_km2".format(code)] = area
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_unit_ledger_against_loops_on_random_maps(seed):
    rng = np.random.default_rng(seed)
    count, shape, cell = 5, (12, 15), 0.09
    units = rng.integers(0, count + 1, size=shape)
    units[units == 4] = 3  # unit 4 has no cell
    areas = rng.uniform(1.0, 3.0, size=count)
    sources = rng.uniform(0, 1, size=(9, count + 1)) * (rng.random((9, count + 1)) < 0.35)
    lengths = rng.uniform(0, 2, size=(7, count + 1)) * (rng.random((7, count + 1)) < 0.4)
    ends = rng.integers(0, count + 1, size=(7, 2))
    pinch = rng.integers(0, 5, size=shape) * (rng.random(shape) < 0.3)
    barriers = rng.integers(0, 8, size=shape) * (rng.random(shape) < 0.2)
    zones = rng.integers(0, 5, size=shape)
    ledger = unit_ledger(areas, units, cell_area=cell, sources=sources, lengths=lengths,
                         end_units=ends, pinch_points=pinch, barriers=barriers, zones=zones)
    want = ledger_by_loops(areas, units, cell, sources, lengths, ends,
                           {"pinch": pinch, "bar": barriers}, zones)
    assert set(ledger) == set(want)
    for name, values in want.items():
        np.testing.assert_allclose(ledger[name], values, rtol=1e-12, atol=1e-12,
                                   err_msg=name)


def test_outside_amounts():
    ledger = {"area_km2": np.array([0.0, 1.0]), "src_km2": np.array([0.25, 1.0]),
              "cor_km": np.array([0.0, 2.0]), "pinch_km2": np.array([0.5, 0.0]),
              "bar_km2": np.array([1.5, 0.0]), "z1_km2": np.array([3.0, 0.0])}
    # cor_km has nothing outside; area and zones are not looked at; the ledger's order.
    assert outside_amounts(ledger) == {"src_km2": 0.25, "pinch_km2": 0.5, "bar_km2": 1.5}
    assert list(outside_amounts(ledger)) == ["src_km2", "pinch_km2", "bar_km2"]
    assert outside_amounts(ledger, names=("z1_km2",)) == {"z1_km2": 3.0}


# ----------------------------------------------------------------------- shares

def test_element_shares_by_hand():
    table = np.array([[0, 3.0, 1.0], [2.0, 0, 0], [0, 0, 0], [0, 0, 0.5]])
    shares = element_shares([5, 7, 9, 11], table)
    # Element 5: 3 and 1 of 4 (75 %, 25 %, in two units); 7 all outside; 9 nothing (no
    # row); 11 all in unit 2.
    np.testing.assert_array_equal(shares.element, [5, 5, 7, 11])
    np.testing.assert_array_equal(shares.unit, [1, 2, 0, 2])
    np.testing.assert_allclose(shares.amount, [3.0, 1.0, 2.0, 0.5])
    np.testing.assert_allclose(shares.share_pct, [75.0, 25.0, 100.0, 100.0])
    np.testing.assert_array_equal(shares.cross, [True, True, False, False])
    with pytest.raises(EspInputError, match="0 or more"):
        element_shares([1], [[-1.0, 2.0]])


def test_element_shares_sum_to_100_per_element():
    rng = np.random.default_rng(3)
    table = rng.uniform(0, 1, size=(20, 6)) * (rng.random((20, 6)) < 0.5)
    ids = np.arange(100, 120)
    shares = element_shares(ids, table)
    for element, row in zip(ids, table):
        mine = shares.element == element
        assert mine.sum() == (row > 0).sum()
        if mine.any():
            assert shares.share_pct[mine].sum() == pytest.approx(100.0)
            np.testing.assert_allclose(shares.amount[mine], row[row > 0])


# ----------------------------------------------------------------------- account

ROWS, COLS, CELL = 9, 60, 10.0


def resistance_row():
    """Resistance per column: wall 1 (cols 19-21) 6, wall 2 (col 40) 21, 1 elsewhere."""
    r = np.ones(COLS)
    r[19:22] = 6.0
    r[40] = 21.0
    return r


def cost(r, lo, hi):
    """Cost between the centres of columns lo <= hi along a row (ends halved); nothing
    varies down a column, so diagonal steps never help."""
    return CELL * (r[lo:hi + 1].sum() - (r[lo] + r[hi]) / 2)


def cwd(r, lo, hi):
    row = np.array([cost(r, j, lo) if j < lo else cost(r, hi, j) if j > hi else 0.0
                    for j in range(COLS)])
    return np.broadcast_to(row, (ROWS, COLS)).copy()


def test_barrier_account_by_hand():
    """Units: cols 0-24 unit 1, 25-44 unit 2, 45-59 unit 3. Sources A (cols 0-1, unit 1),
    C (cols 29-30, unit 2), B (cols 58-59, unit 3). Link A-B crosses both walls, A-C wall 1
    only. At radius 10 (one cell) the restored window at a wall's centre scores, as
    tests/core/test_collaboration.py derives: wall 1 (patch 1) 5 for both links; wall 2
    (patch 4) 10 for A-B, 0 for A-C."""
    r = resistance_row()
    a, b, c = cwd(r, 0, 1), cwd(r, 58, 59), cwd(r, 29, 30)
    links = [(a, b, cost(r, 1, 58)), (a, c, cost(r, 1, 29))]
    units = np.zeros((ROWS, COLS), dtype=int)
    units[:, :25], units[:, 25:45], units[:, 45:] = 1, 2, 3
    barriers = np.zeros((ROWS, COLS), dtype=int)
    barriers[:, 19:22] = 1  # 27 cells in unit 1
    barriers[:, 40] = 4  # 9 cells in unit 2
    source_ids = np.array([1, 2, 3])  # A, B, C: 18 cells each
    sources = np.array([[0, 18, 0, 0], [0, 0, 0, 18], [0, 0, 18, 0]]) * 0.01
    progress = CancelAfter(100)
    account = barrier_account(links, barriers, units, n_units=3, cell_area=0.01, radii=[10],
                              cell_size=CELL, end_sources=[[1, 2], [1, 3]],
                              source_ids=source_ids, source_table=sources,
                              progress=progress)
    # Link A-B serves units 1 and 3 half each, A-C units 1 and 2. Wall 1 (0.27 km², unit
    # 1) splits 5 : 5 over the links: [.5, .25, .25] of units 1-3. Wall 2 (0.09 km², unit
    # 2) helps A-B only: [.5, 0, .5].
    want = np.zeros((4, 4))
    want[1, 1:] = 0.27 * np.array([0.5, 0.25, 0.25])
    want[2, 1:] = 0.09 * np.array([0.5, 0.0, 0.5])
    np.testing.assert_allclose(account.flows, want, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(account.burden, [0, 0.27, 0.09, 0], atol=1e-15)
    np.testing.assert_allclose(account.benefit, [0, 0.18, 0.0675, 0.1125], atol=1e-15)
    np.testing.assert_allclose(account.net, account.benefit - account.burden)
    assert progress.fractions[-1] == pytest.approx(1.0)

    with pytest.raises(Cancelled):
        barrier_account(links, barriers, units, n_units=3, cell_area=0.01, radii=[10, 20],
                        cell_size=CELL, end_sources=[[1, 2], [1, 3]], source_ids=source_ids,
                        source_table=sources, progress=CancelAfter(1))
    with pytest.raises(EspInputError, match="not among the sources"):
        barrier_account(links, barriers, units, n_units=3, cell_area=0.01, radii=[10],
                        cell_size=CELL, end_sources=[[1, 2], [1, 9]], source_ids=source_ids,
                        source_table=sources)
    # Without any barrier cell the account is empty.
    empty = barrier_account(links, np.zeros((ROWS, COLS), dtype=int), units, n_units=3,
                            cell_area=0.01, radii=[10], cell_size=CELL,
                            end_sources=[[1, 2], [1, 3]], source_ids=source_ids,
                            source_table=sources)
    np.testing.assert_array_equal(empty.flows, np.zeros((4, 4)))
