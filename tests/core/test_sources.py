"""Source extraction: candidates, minimum area, dPC selection, ids, against hand values."""

import numpy as np
import pytest

from espcore import EspInputError, Grid
from espcore.sources.extraction import candidate_mask, extract_sources, label_patches

CELL = (100.0, 100.0)  # 1 ha cells


def landscape():
    """Three square patches far apart (no pair within reach) plus a 2-cell speck.

    A: 4x4 = 16 cells, B: 3x3 = 9 cells, C: 2x2 = 4 cells, speck: 2 cells.
    """
    values = np.zeros((40, 60), dtype=np.int32)
    values[2:6, 2:6] = 17       # A
    values[30:33, 40:43] = 17   # B
    values[5:7, 50:52] = 117    # C, core inside an opening
    values[35:36, 5:7] = 17     # speck
    values[20, 20] = 3          # edge: not a candidate
    return values


def isolated_dpc(areas):
    """dPC of patches that reach no other patch: 100 a_k² / Σ a_i² (PC loses only a_k²)."""
    areas = np.asarray(areas, dtype=float)
    return 100 * areas ** 2 / (areas ** 2).sum()


def run(values, **options):
    data = np.ones(values.shape, dtype=bool)
    mask = candidate_mask(Grid.from_array(values), values=(17, 117))
    defaults = dict(data=data, cell_size=CELL, distance=300.0, probability=0.5,
                    min_probability=0.01)
    defaults.update(options)
    return extract_sources(mask, **defaults)


def test_minimum_area_drops_small_patches_and_isolated_dpc_is_area_share():
    sources = run(landscape(), min_area=3 * 1e4)  # 3 ha: the 2-cell speck goes
    expected = isolated_dpc([16e4, 9e4, 4e4])
    assert sources.count == 3
    np.testing.assert_allclose(sources.area, [16e4, 9e4, 4e4])
    np.testing.assert_allclose(sources.d_pc, expected, rtol=1e-9)
    np.testing.assert_allclose(sources.d_pc_intra, expected, rtol=1e-9)
    np.testing.assert_allclose(sources.d_pc_flux, 0, atol=1e-9)
    np.testing.assert_allclose(sources.d_pc_connector, 0, atol=1e-9)
    # ids are 1..k from the highest dPC: A is 1, B is 2, C is 3.
    ids = sources.ids
    assert (ids[2:6, 2:6] == 1).all() and (ids[30:33, 40:43] == 2).all()
    assert (ids[5:7, 50:52] == 3).all()
    assert np.count_nonzero(ids) == 16 + 9 + 4
    # PC over a 40 x 60 landscape of 1 ha cells.
    assert sources.importance.pc == pytest.approx((16e4 ** 2 + 9e4 ** 2 + 4e4 ** 2)
                                                  / (2400 * 1e4) ** 2)


def test_dpc_threshold_and_top_n():
    shares = isolated_dpc([16e4, 9e4, 4e4])  # about 72, 23 and 4.5 %
    above = run(landscape(), min_area=3e4, min_dpc=10.0)
    assert above.count == 2
    np.testing.assert_allclose(above.d_pc, shares[:2], rtol=1e-9)
    top = run(landscape(), min_area=3e4, top_n=1)
    assert top.count == 1 and np.count_nonzero(top.ids) == 16
    # The importance of the candidates is computed before the selection, so it is the same.
    np.testing.assert_allclose(top.importance.d_pc, above.importance.d_pc)
    with pytest.raises(EspInputError, match="dPC of at least 90"):
        run(landscape(), min_area=3e4, min_dpc=90.0)


def two_patches():
    """Two 2x2 patches in columns 2-3 and 6-7: a 200 m gap between their edges, and 300 m
    between the centres of the nearest cells (three straight steps)."""
    values = np.zeros((10, 12), dtype=np.int32)
    values[2:4, 2:4] = 17
    values[2:4, 6:8] = 17
    return values


def linked_dpc(a, p):
    """dPC and fractions of each of two patches of area a linked with probability p."""
    pc_num = 2 * a * a + 2 * a * a * p
    return 100 * (pc_num - a * a) / pc_num, 100 * a * a / pc_num, 100 * 2 * a * a * p / pc_num


def test_two_linked_patches_share_pc():
    sources = run(two_patches(), distance=200.0, probability=0.5)  # the gap is d0: p = 0.5
    d_pc, intra, flux = linked_dpc(4e4, 0.5)
    np.testing.assert_allclose(sources.d_pc, [d_pc, d_pc], rtol=1e-9)
    np.testing.assert_allclose(sources.d_pc_intra, intra, rtol=1e-9)
    np.testing.assert_allclose(sources.d_pc_flux, flux, rtol=1e-9)
    assert sources.importance.eca == pytest.approx(np.sqrt(2 * 16e8 + 16e8))


def test_least_cost_on_uniform_resistance():
    # Three straight steps of 100 m at resistance 1 cost 300: p = 0.5 ** (300 / 200).
    resistance = Grid.from_array(np.ones(two_patches().shape))
    sources = run(two_patches(), distance=200.0, resistance=resistance)
    np.testing.assert_allclose(sources.d_pc, linked_dpc(4e4, 0.5 ** 1.5)[0], rtol=1e-9)


def test_mean_quality_per_source():
    values = landscape()
    quality = np.full(values.shape, 0.2)
    quality[2:6, 2:4] = 1.0  # half of A
    q = Grid.from_array(quality)
    sources = run(values, min_area=3e4, quality=q)
    np.testing.assert_allclose(sources.mean_quality, [0.6, 0.2, 0.2])


def test_quality_threshold_limits_candidates():
    values = landscape()
    quality = np.zeros(values.shape)
    quality[2:6, 2:6] = 0.9
    quality[30:33, 40:43] = 0.5
    mask = candidate_mask(Grid.from_array(values), values=(17, 117),
                          quality=Grid.from_array(quality), min_quality=0.8)
    assert np.count_nonzero(mask) == 16
    only_quality = candidate_mask(None, quality=Grid.from_array(quality), min_quality=0.5)
    assert np.count_nonzero(only_quality) == 16 + 9


def test_top_quality_class_is_graded_among_the_candidates_only():
    # Core cells in five well separated quality groups of 6 cells: Jenks with 5 classes puts
    # each group in its own class, so the top class is the 0.95 group. Forty non-core cells
    # at 0.99 would make a class of their own if they were graded too.
    classes = np.zeros((8, 10), dtype=np.int32)
    quality = np.zeros((8, 10))
    classes[:5, :6] = 17
    quality[:5, :6] = np.array([0.1, 0.3, 0.5, 0.7, 0.95])[:, None]
    quality[5:, :] = quality[:5, 6:] = 0.99
    mask = candidate_mask(Grid.from_array(classes), values=(17,),
                          quality=Grid.from_array(quality), quality_classes=5)
    np.testing.assert_array_equal(mask, (classes == 17) & (quality == 0.95))
    # Two classes: {0.1, 0.3, 0.5} and {0.7, 0.95}. Squared deviations within the classes,
    # per 6 cells: 0.08 + 0.03125 = 0.111, against 0.02 + 0.102 for the cut above 0.3 and
    # 0.2 + 0 for the cut above 0.7.
    two = candidate_mask(Grid.from_array(classes), values=(17,),
                         quality=Grid.from_array(quality), quality_classes=2)
    np.testing.assert_array_equal(two, (classes == 17) & (quality >= 0.7))


def test_constant_quality_cannot_be_graded_and_keeps_every_candidate():
    classes = np.full((4, 4), 17)
    mask = candidate_mask(Grid.from_array(classes), values=(17,),
                          quality=Grid.from_array(np.full((4, 4), 0.8)), quality_classes=5)
    assert mask.all()


def test_top_quality_class_needs_quality_on_the_candidates():
    classes = np.full((3, 3), 17)
    quality = Grid.from_array(np.full((3, 3), -1.0), nodata=-1.0)  # all NoData
    with pytest.raises(EspInputError, match="covers the candidates"):
        candidate_mask(Grid.from_array(classes), values=(17,), quality=quality,
                       quality_classes=5)


def test_nodata_cells_are_not_candidates_and_not_landscape():
    values = landscape()
    grid = Grid.from_array(values.astype(float), nodata=17)  # every 17 is NoData now
    mask = candidate_mask(grid, values=(17, 117))
    assert np.count_nonzero(mask) == 4


def test_patch_connectivity():
    diagonal = np.eye(4, dtype=bool)
    assert label_patches(diagonal, connectivity=8).max() == 1
    assert label_patches(diagonal, connectivity=4).max() == 4


def test_errors_say_what_to_change():
    values = landscape()
    with pytest.raises(EspInputError, match="minimum area"):
        run(values, min_area=1e9)
    with pytest.raises(EspInputError, match="values 5"):
        candidate_mask(Grid.from_array(values), values=(5,))
    with pytest.raises(EspInputError, match="quality raster"):
        candidate_mask(None)
