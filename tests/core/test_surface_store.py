"""Cost-distance surfaces shared through a store: one search per source across algorithms,
the same bits as searching, and no sharing between different rasters."""

import math

import numpy as np
import pytest

from espcore.corridors.barriers import barrier_links
from espcore.corridors.corridors import linkage_pathways
from espcore.corridors.costdistance import SourceDistances, cost_distance, surface_digest
from espcore.corridors.pinchpoints import corridor_pinchpoints


class DictStore:
    """A SurfaceStore in memory that counts what it hands out."""

    def __init__(self):
        self.surfaces = {}
        self.hits = 0

    def get(self, key):
        found = self.surfaces.get(key)
        if found is None:
            return None
        self.hits += 1
        return found.copy()  # a new array, as the protocol asks

    def put(self, key, surface):
        self.surfaces[key] = surface.copy()


def landscape():
    """Three sources on a 12 x 30 grid of varied resistance with a NoData block."""
    rng = np.random.default_rng(7)
    resistance = rng.uniform(1.0, 20.0, size=(12, 30))
    impassable = np.zeros(resistance.shape, dtype=bool)
    impassable[4:9, 12:14] = True
    labels = np.zeros(resistance.shape, dtype=np.int64)
    labels[1:4, 1:4] = 1
    labels[8:11, 15:18] = 2
    labels[2:5, 25:28] = 3
    return labels, resistance, impassable


def test_second_instance_takes_every_surface_from_the_store():
    labels, resistance, impassable = landscape()
    store = DictStore()
    first = SourceDistances(labels, resistance, impassable=impassable, cell_size=30.0,
                            store=store)
    for source in (1, 2, 3):
        first(source)
    assert first.searches == 3 and len(store.surfaces) == 3
    # Another caller: NoData filled with NaN instead of values, sources numbered otherwise
    # (only the cells of a source decide its surface), labels of another integer type.
    other_labels = np.where(labels > 0, labels + 10, 0).astype(np.int32)
    filled = np.where(impassable, np.nan, resistance)
    second = SourceDistances(other_labels, np.where(impassable, 1.0, filled),
                             impassable=impassable, cell_size=30.0, store=store)
    for source in (1, 2, 3):
        expected = cost_distance(labels == source, resistance, impassable=impassable,
                                 cell_size=30.0)
        got = second(source + 10)
        assert np.array_equal(got, expected)  # the same bits, inf where unreached
        assert not got.flags.writeable
    assert second.searches == 0 and second.reused == 3 and store.hits == 3


def test_a_different_raster_limit_or_cell_misses():
    labels, resistance, impassable = landscape()
    store = DictStore()
    SourceDistances(labels, resistance, impassable=impassable, cell_size=30.0,
                    store=store)(1)
    changed = resistance.copy()
    changed[0, 0] += 1.0
    for variant in (
        SourceDistances(labels, changed, impassable=impassable, cell_size=30.0, store=store),
        SourceDistances(labels, resistance, impassable=impassable, cell_size=30.0,
                        max_cost=500.0, store=store),
        SourceDistances(labels, resistance, impassable=impassable, cell_size=(30.0, 31.0),
                        store=store),
        SourceDistances(np.where(labels == 1, 0, labels) + np.pad(labels[:, 1:] == 1, (
            (0, 0), (0, 1))).astype(np.int64), resistance, impassable=impassable,
            cell_size=30.0, store=store),
    ):
        variant(1)
        assert variant.searches == 1 and variant.reused == 0
    assert store.hits == 0


def test_digest_ignores_values_on_nodata_only():
    _, resistance, impassable = landscape()
    base = surface_digest(resistance, impassable, (30.0, 30.0), math.inf)
    on_nodata = resistance.copy()
    on_nodata[impassable] = -5.0
    assert surface_digest(on_nodata, impassable, (30.0, 30.0), math.inf) == base
    on_land = resistance.copy()
    on_land[0, 0] *= 1.0 + 1e-15
    assert surface_digest(on_land, impassable, (30.0, 30.0), math.inf) != base


def test_declining_store_still_gives_surfaces():
    labels, resistance, impassable = landscape()

    class Full(DictStore):
        def put(self, key, surface):
            pass  # e.g. the disk is nearly full

    distances = SourceDistances(labels, resistance, impassable=impassable, cell_size=30.0,
                                store=Full())
    expected = cost_distance(labels == 2, resistance, impassable=impassable, cell_size=30.0)
    assert np.array_equal(distances(2), expected)


def test_corridors_pinch_points_and_barriers_search_each_source_once():
    """The workflow's order: corridors fill the store, the later steps only read it, and
    every result is the one each algorithm gives on its own."""
    labels, resistance, impassable = landscape()
    store = DictStore()
    shared = linkage_pathways(labels, resistance, impassable=impassable, cell_size=30.0,
                              store=store)
    alone = linkage_pathways(labels, resistance, impassable=impassable, cell_size=30.0)
    def summary(result):
        return [(link.from_id, link.to_id, link.cost, link.link_type, link.path.tolist())
                for link in result.links]

    assert summary(shared) == summary(alone)
    assert np.array_equal(shared.corridors, alone.corridors, equal_nan=True)
    searched = len(store.surfaces)
    assert searched == 3

    pairs = [(link.from_id, link.to_id) for link in shared.active]
    distances = SourceDistances(labels, resistance, impassable=impassable, cell_size=30.0,
                                store=store)
    pinch = corridor_pinchpoints(labels, resistance, impassable=impassable, cell_size=30.0,
                                 pairs=pairs, cutoff=400.0, distances=distances)
    pinch_alone = corridor_pinchpoints(labels, resistance, impassable=impassable,
                                       cell_size=30.0, pairs=pairs, cutoff=400.0)
    assert distances.searches == 0
    assert np.array_equal(pinch.current, pinch_alone.current, equal_nan=True)

    nodata_nan = np.where(impassable, np.nan, resistance)
    links = barrier_links(labels, nodata_nan, impassable=impassable, cell_size=(30.0, 30.0),
                          pairs=pairs, store=store)
    links_alone = barrier_links(labels, nodata_nan, impassable=impassable,
                                cell_size=(30.0, 30.0), pairs=pairs)
    assert len(store.surfaces) == searched  # nothing searched again
    for (a, b, lcd), (a0, b0, lcd0) in zip(links, links_alone):
        assert lcd == lcd0
        assert np.array_equal(a, a0, equal_nan=True) and np.array_equal(b, b0, equal_nan=True)


def test_unknown_source_is_still_an_error():
    labels, resistance, impassable = landscape()
    distances = SourceDistances(labels, resistance, impassable=impassable, cell_size=30.0,
                                store=DictStore())
    with pytest.raises(Exception, match="no passable cell"):
        distances(4)
