"""Compensation for a restoration programme (espcore.programme.compensation): costs per unit,
benefits per unit, the ledger and its transfers, by hand and on seeded random inputs."""

import numpy as np
import pytest

from espcore import EspInputError
from espcore.programme.compensation import (
    Ledger,
    balanced_transfers,
    compensation_ledger,
    group_ledger,
    settlement,
    site_unit_costs,
    unit_benefits,
)

#: Two units and two cells outside every unit (-1).
UNITS = np.array([[0, 0, 1],
                  [1, -1, -1]])


def test_site_costs_are_split_over_units_by_cell():
    table = site_unit_costs([np.array([0, 1, 2]), np.array([3, 4])],
                            [np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0])], UNITS, 2)
    np.testing.assert_allclose(table, [[3.0, 3.0, 0.0], [0.0, 4.0, 5.0]])


def test_site_costs_rows_sum_to_the_site_costs_on_random_sites():
    rng = np.random.default_rng(21)
    units = rng.integers(-1, 4, size=(20, 30))
    cells = [rng.choice(units.size, size=size, replace=False) for size in (1, 17, 60)]
    costs = [rng.uniform(0, 5, size=site.size) for site in cells]
    table = site_unit_costs(cells, costs, units, 4)
    assert table.shape == (3, 5)
    np.testing.assert_allclose(table.sum(axis=1), [cost.sum() for cost in costs])
    outside = [cost[units.ravel()[site] == -1].sum() for site, cost in zip(cells, costs)]
    np.testing.assert_allclose(table[:, -1], outside)


def test_no_site_gives_an_empty_table_and_an_empty_site_a_row_of_zeros():
    assert site_unit_costs([], [], UNITS, 2).shape == (0, 3)
    table = site_unit_costs([[], np.array([2])], [[], [1.5]], UNITS, 2)
    np.testing.assert_array_equal(table, [[0.0, 0.0, 0.0], [0.0, 1.5, 0.0]])


@pytest.mark.parametrize("cells, costs, units", [
    ([np.array([0, 1])], [np.array([1.0])], UNITS),          # cells and costs differ
    ([np.array([0])], [np.array([-1.0])], UNITS),            # negative cost
    ([np.array([9])], [np.array([1.0])], UNITS),             # off the grid
    ([np.array([0])], [], UNITS),                            # lists differ
    ([np.array([0])], [np.array([1.0])], UNITS + 1),         # unit 2 of two units
])
def test_site_costs_refuse_bad_input(cells, costs, units):
    with pytest.raises(EspInputError):
        site_unit_costs(cells, costs, units, 2)


def test_benefits_split_half_per_source_then_by_area():
    # Source 0: 3 in unit 0, 1 in unit 1. Source 1: 2 in unit 1, 2 outside. Gain 8.
    areas = np.array([[3.0, 1.0], [0.0, 2.0]])
    result = unit_benefits(np.array([[0.0, 8.0], [0.0, 0.0]]), areas,
                           areas=[4.0, 4.0])
    np.testing.assert_allclose(result.gain, [3.0, 3.0])
    np.testing.assert_allclose(result.share, [0.375, 0.375])
    assert result.outside_gain == pytest.approx(2.0)
    assert result.outside_share == pytest.approx(0.25)
    # A full symmetric matrix doubles the gains, not the shares.
    full = unit_benefits(np.array([[0.0, 8.0], [8.0, 0.0]]), areas, areas=[4.0, 4.0])
    np.testing.assert_allclose(full.gain, [6.0, 6.0])
    np.testing.assert_allclose(full.share, result.share)


def test_benefit_shares_sum_to_one_on_random_pairs():
    rng = np.random.default_rng(5)
    gain = rng.uniform(0, 3, size=(6, 6))
    areas = rng.uniform(0, 2, size=(6, 4))
    outside = rng.uniform(0, 1, size=6)
    result = unit_benefits(gain, areas, areas=areas.sum(axis=1) + outside)
    assert result.share.sum() + result.outside_share == pytest.approx(1.0)
    assert result.gain.sum() + result.outside_gain == pytest.approx(gain.sum())
    inside = unit_benefits(gain, areas)
    assert inside.share.sum() == pytest.approx(1.0) and inside.outside_share == 0.0


def test_no_gain_gives_no_share_and_noise_counts_as_zero():
    result = unit_benefits(np.zeros((2, 2)), np.ones((2, 2)))
    np.testing.assert_array_equal(result.share, [0.0, 0.0])
    assert result.outside_share == 0.0
    noisy = unit_benefits(np.array([[0.0, 4.0], [-1e-15, 0.0]]), np.eye(2))
    np.testing.assert_allclose(noisy.share, [0.5, 0.5])


@pytest.mark.parametrize("gain, areas", [
    (np.array([[0.0, -1.0], [0.0, 0.0]]), np.ones((2, 2))),  # connectivity fell
    (np.zeros((2, 3)), np.ones((2, 2))),                     # not square
    (np.zeros((2, 2)), np.ones((3, 2))),                     # rows do not match
    (np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0], [0.0]])),  # source without area
])
def test_benefits_refuse_bad_input(gain, areas):
    with pytest.raises(EspInputError):
        unit_benefits(gain, areas)


def test_ledger_by_hand_three_counties():
    ledger = compensation_ledger([10.0, 0.0, 0.0], [0.5, 0.25, 0.25])
    np.testing.assert_allclose(ledger.fair_cost, [5.0, 2.5, 2.5])
    np.testing.assert_allclose(ledger.net, [5.0, -2.5, -2.5])
    assert ledger.transfers == [(1, 0, 2.5), (2, 0, 2.5)]
    np.testing.assert_array_equal(ledger.unsettled, 0.0)


def test_own_share_keeps_part_of_the_cost_with_the_host():
    half = compensation_ledger([10.0, 0.0, 0.0], [0.5, 0.25, 0.25], own_share=0.5)
    np.testing.assert_allclose(half.fair_cost, [7.5, 1.25, 1.25])
    assert half.transfers == [(1, 0, 1.25), (2, 0, 1.25)]
    whole = compensation_ledger([10.0, 3.0, 0.0], [0.5, 0.25, 0.25], own_share=1.0)
    np.testing.assert_allclose(whole.net, 0.0)
    assert whole.transfers == []


def test_no_benefit_means_everyone_keeps_its_cost():
    ledger = compensation_ledger([4.0, 1.0], [0.0, 0.0])
    np.testing.assert_array_equal(ledger.fair_cost, [4.0, 1.0])
    assert ledger.transfers == []


def test_shares_outside_every_unit_are_scaled_away():
    ledger = compensation_ledger([6.0, 0.0], [0.25, 0.5])  # a quarter outside
    np.testing.assert_allclose(ledger.fair_cost, [2.0, 4.0])
    assert ledger.transfers == [(1, 0, 4.0)]


@pytest.mark.parametrize("seed", range(8))
def test_transfers_settle_every_net_on_random_ledgers(seed):
    rng = np.random.default_rng(seed)
    count = int(rng.integers(2, 40))
    cost = rng.uniform(0, 100, size=count) * (rng.random(count) < 0.6)
    share = rng.dirichlet(np.ones(count))
    ledger = compensation_ledger(cost, share, own_share=float(rng.uniform(0, 0.9)))
    scale = np.abs(ledger.net).sum()
    assert ledger.fair_cost.sum() == pytest.approx(cost.sum())
    assert abs(ledger.net.sum()) <= 1e-12 * max(scale, 1.0)
    np.testing.assert_allclose(settlement(ledger.transfers, count), ledger.net,
                               atol=1e-12 * max(scale, 1.0))
    assert len(ledger.transfers) <= count - 1
    assert all(amount > 0 and payer != payee for payer, payee, amount in ledger.transfers)
    if ledger.transfers:  # the largest debtor pays the largest creditor first
        assert ledger.transfers[0][:2] == (int(np.argmin(ledger.net)),
                                           int(np.argmax(ledger.net)))
    assert balanced_transfers(ledger.net) == ledger.transfers  # deterministic


def test_small_transfers_are_dropped_and_reported():
    net = np.array([3.0, -2.9, -0.1])
    assert balanced_transfers(net) == [(1, 0, 2.9), (2, 0, pytest.approx(0.1))]
    assert balanced_transfers(net, min_transfer=0.5) == [(1, 0, 2.9)]
    ledger = compensation_ledger([3.0, 0.0, 0.0], [0.0, 0.0, 0.0])
    assert ledger.transfers == []
    ledger = compensation_ledger([3.0, 0.0, 0.0], [0.0, 2.9, 0.1], min_transfer=0.5)
    assert ledger.transfers == [(1, 0, pytest.approx(2.9))]
    np.testing.assert_allclose(ledger.unsettled, [0.1, 0.0, -0.1])
    np.testing.assert_allclose(settlement(ledger.transfers, 3) + ledger.unsettled, ledger.net)


def test_groups_sum_and_net_their_transfers():
    # u2 pays u0 5, u1 pays u0 1 (inside group 7), u1 pays u3 1: group 3 pays group 7 4.
    net = np.array([6.0, -2.0, -5.0, 1.0])
    transfers = balanced_transfers(net)
    assert transfers == [(2, 0, 5.0), (1, 0, 1.0), (1, 3, 1.0)]
    cost = np.array([6.0, 0.0, 0.0, 1.0])
    ledger = Ledger(cost, np.full(4, 0.25), cost - net, net, transfers, np.zeros(4))
    labels, groups = group_ledger(ledger, [7, 7, 3, 3])
    np.testing.assert_array_equal(labels, [3, 7])
    np.testing.assert_allclose(groups.cost, [1.0, 6.0])
    np.testing.assert_allclose(groups.benefit_share, [0.5, 0.5])
    np.testing.assert_allclose(groups.net, [-4.0, 4.0])
    assert groups.transfers == [(0, 1, 4.0)]
    np.testing.assert_allclose(settlement(groups.transfers, 2), groups.net)


def test_one_group_has_no_transfer():
    ledger = compensation_ledger([10.0, 0.0, 0.0], [0.5, 0.25, 0.25])
    labels, groups = group_ledger(ledger, [1, 1, 1])
    assert groups.transfers == [] and groups.cost.tolist() == [10.0]


@pytest.mark.parametrize("cost, share, options", [
    ([-1.0, 2.0], [0.5, 0.5], {}),                  # negative cost
    ([1.0, 2.0], [0.5, 0.25, 0.25], {}),            # shares of another length
    ([1.0, 2.0], [0.5, np.nan], {}),                # not finite
    ([1.0, 2.0], [0.5, 0.5], {"own_share": 1.5}),
    ([1.0, 2.0], [0.5, 0.5], {"own_share": -0.1}),
    ([1.0, 2.0], [0.5, 0.5], {"min_transfer": -1.0}),
    ([], [], {}),                                   # no unit
])
def test_ledger_refuses_bad_input(cost, share, options):
    with pytest.raises(EspInputError):
        compensation_ledger(cost, share, **options)


def test_transfers_refuse_nets_that_do_not_balance_and_groups_of_another_length():
    with pytest.raises(EspInputError):
        balanced_transfers([1.0, -0.5])
    ledger = compensation_ledger([1.0, 0.0], [0.5, 0.5])
    with pytest.raises(EspInputError):
        group_ledger(ledger, [1, 2, 3])
