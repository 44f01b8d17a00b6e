"""esp:restorationscenarios on the pattern of the tiny workflow landscape: its ECA against one
computed here with networkx, the budget, the restored surface, and the county ledger whose
transfers settle every county's net position."""

import math
import os

import networkx as nx
import numpy as np
import processing
import pytest
from conftest import read_raster
from qgis.core import QgsProcessingException, QgsVectorLayer
from skimage.graph import MCP_Geometric


def _run(folder, landscape, tmp_path, **extra):
    return processing.run("esp:restorationscenarios",
                          _parameters(folder, landscape, tmp_path, **extra))


def _parameters(folder, landscape, tmp_path, **extra):
    parameters = {
        "RESISTANCE": os.path.join(folder, "resistance.tif"),
        "SOURCE_RASTER": os.path.join(folder, "source_ids.tif"),
        "LINKS": os.path.join(folder, "corridor_links.gpkg"),
        "SITES": os.path.join(folder, "key_areas.gpkg"),
        "LANDCOVER": landscape["landcover"],
        "CURRENT": os.path.join(folder, "current.tif"),
        "BUDGET": 1e9, "BAND": 3000, "CUTOFF": 3000, "WORKERS": 1,
        "UNITS": landscape["counties"], "UNIT_NAME_FIELD": "name", "GROUP_FIELD": "pref",
        "OUTPUT": str(tmp_path / "sites.gpkg"), "CURVE": str(tmp_path / "curve.csv"),
        "CHART": str(tmp_path / "curve.png"), "RESTORED": str(tmp_path / "restored.tif"),
        "LEDGER": str(tmp_path / "ledger.gpkg"), "TRANSFERS": str(tmp_path / "transfers.csv"),
        "LEDGER_GROUPS": str(tmp_path / "prefectures.csv"),
    }
    parameters.update(extra)
    return parameters


def _features(path):
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.isValid(), path
    return [{name: feature[name] for name in layer.fields().names()}
            for feature in layer.getFeatures()]


def _lcd_on(resistance, ids, a, b):
    """Least-cost distance from source a to source b with scikit-image's MCP_Geometric (the
    half-cell average rule), 100 m cells."""
    costs = np.where(np.isnan(resistance), np.inf, resistance)
    mcp = MCP_Geometric(costs, sampling=(100.0, 100.0))
    cwd, _ = mcp.find_costs(list(zip(*np.nonzero(ids == a))))
    return float(cwd[ids == b].min())


def _eca_by_hand(folder, resistance=None):
    """ECA of the run's sources and active links, Dijkstra on -ln p with networkx; with a
    ``resistance`` array the links' distances are measured again on it (the kernel distance
    stays the median of the run's own)."""
    ids, _ = read_raster(os.path.join(folder, "source_ids.tif"))
    ids = np.nan_to_num(ids).astype(int)
    present, counts = np.unique(ids[ids > 0], return_counts=True)
    area = dict(zip(present.tolist(), (counts * 0.01).tolist()))  # 100 m cells
    links = [(int(f["From_Core"]), int(f["To_Core"]), float(f["CW_Dist"]))
             for f in _features(os.path.join(folder, "corridor_links.gpkg")) if f["Active"]]
    d0 = float(np.median([d for _, _, d in links]))
    if resistance is not None:
        links = [(a, b, _lcd_on(resistance, ids, a, b)) for a, b, _ in links]
    graph = nx.Graph()
    graph.add_nodes_from(area)
    for a, b, d in links:
        graph.add_edge(a, b, weight=d * math.log(2) / d0)  # -ln(0.5^(d/d0))
    lengths = dict(nx.all_pairs_dijkstra_path_length(graph))
    total = sum(area[i] * area[j] * math.exp(-lengths[i][j])
                for i in area for j in area if j in lengths[i])
    return math.sqrt(total)


@pytest.fixture(scope="module")
def scenario(esp, workflow_folder, workflow_landscape, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scenario")
    return tmp, _run(workflow_folder, workflow_landscape, tmp)


def test_the_base_eca_is_the_patterns_eca(scenario, workflow_folder):
    _, results = scenario
    assert results["BASE_ECA"] == pytest.approx(_eca_by_hand(workflow_folder), rel=1e-9)


def test_an_ample_budget_buys_only_sites_that_gain(scenario):
    tmp, results = scenario
    sites = _features(results["OUTPUT"])
    assert sites and results["METHOD_USED"] in ("exact", "greedy")
    chosen = [site for site in sites if site["chosen"]]
    # No site is bought that gains nothing alone; the best single site is in the portfolio
    # or bettered by it.
    assert all(site["d_eca_km2"] > 0 for site in chosen)
    best = max(site["d_eca_km2"] for site in sites)
    assert results["TOTAL_GAIN"] >= best * (1 - 1e-9)
    assert results["TOTAL_COST"] == pytest.approx(sum(s["cost"] for s in chosen))
    assert results["ECA_AFTER"] - results["BASE_ECA"] == pytest.approx(results["TOTAL_GAIN"])
    assert results["CHOSEN_COUNT"] == len(chosen) > 0
    ranks = sorted(site["rank"] for site in sites)
    assert ranks == list(range(1, len(sites) + 1))
    curve = _features(results["CURVE"])
    assert int(curve[0]["step"]) == 0 and len(curve) == len(chosen) + 1
    assert float(curve[-1]["cum_cost"]) == pytest.approx(results["TOTAL_COST"])
    assert float(curve[-1]["cum_gain"]) == pytest.approx(results["TOTAL_GAIN"])
    assert os.path.getsize(results["CHART"]) > 1000


def test_the_restored_surface_is_lower_only_on_chosen_sites(scenario, workflow_folder):
    _, results = scenario
    before, _ = read_raster(os.path.join(workflow_folder, "resistance.tif"))
    after, _ = read_raster(results["RESTORED"])
    assert np.all(np.isnan(before) == np.isnan(after))
    valid = ~np.isnan(before)
    assert np.all(after[valid] <= before[valid])
    assert np.any(after[valid] < before[valid])
    # The portfolio's ECA is the ECA of the restored surface, measured here from scratch.
    assert results["ECA_AFTER"] == pytest.approx(_eca_by_hand(workflow_folder, after),
                                                 rel=1e-6)


def test_the_ledger_balances_and_carries_the_whole_cost(scenario):
    _, results = scenario
    ledger = _features(results["LEDGER"])
    assert len(ledger) == 4
    cost = np.array([row["cost"] for row in ledger])
    fair = np.array([row["fair_cost"] for row in ledger])
    net = np.array([row["net"] for row in ledger])
    assert cost.sum() == pytest.approx(results["TOTAL_COST"])  # counties cover the grid
    assert fair.sum() == pytest.approx(cost.sum())
    assert sum(row["benefit_pct"] for row in ledger) == pytest.approx(100.0)
    assert net == pytest.approx(cost - fair, abs=1e-6)
    # Fair part with own share 0: total cost times the benefit share.
    assert fair == pytest.approx(cost.sum() * np.array([r["benefit_pct"] for r in ledger])
                                 / 100.0, abs=1e-6)
    names = [row["name"] for row in ledger]
    settled = dict.fromkeys(names, 0.0)
    transfers = [row for row in _features(results["TRANSFERS"]) if row["level"] == "county"]
    for row in transfers:
        settled[row["payer"]] -= float(row["amount"])
        settled[row["payee"]] += float(row["amount"])
    assert [settled[name] for name in names] == pytest.approx(net.tolist(), abs=1e-6)


def test_the_prefecture_ledger_sums_its_counties(scenario):
    _, results = scenario
    counties = _features(results["LEDGER"])
    groups = {row["group"]: row for row in _features(results["LEDGER_GROUPS"])}
    assert set(groups) == {row["group"] for row in counties} == {"东州", "西州"}
    for name, row in groups.items():
        members = [c for c in counties if c["group"] == name]
        assert int(row["units"]) == len(members) == 2
        for column in ("cost", "benefit_pct", "fair_cost", "net"):
            assert float(row[column]) == pytest.approx(sum(c[column] for c in members),
                                                       abs=1e-6)
    # The netted transfers between the two prefectures settle their nets.
    settled = dict.fromkeys(groups, 0.0)
    for row in _features(results["TRANSFERS"]):
        if row["level"] == "prefecture":
            settled[row["payer"]] -= float(row["amount"])
            settled[row["payee"]] += float(row["amount"])
    for name, row in groups.items():
        assert settled[name] == pytest.approx(float(row["net"]), abs=1e-6)
        assert float(row["received"]) - float(row["paid"]) == pytest.approx(settled[name],
                                                                             abs=1e-6)


def test_a_zero_budget_chooses_nothing(esp, workflow_folder, workflow_landscape, tmp_path):
    results = _run(workflow_folder, workflow_landscape, tmp_path, BUDGET=0.0)
    assert results["CHOSEN_COUNT"] == 0 and results["TOTAL_COST"] == 0.0
    assert results["ECA_AFTER"] == pytest.approx(results["BASE_ECA"])
    assert _features(results["TRANSFERS"]) == []


def test_an_actions_table_with_an_unknown_class_is_refused(esp, workflow_folder,
                                                            workflow_landscape, tmp_path):
    table = tmp_path / "actions.csv"
    table.write_text("class,target_class,cost_per_km2\nforest land,2,100\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="forest land"):
        _run(workflow_folder, workflow_landscape, tmp_path, ACTIONS=str(table))
    assert not os.path.exists(tmp_path / "sites.gpkg")


def test_the_toolbox_loads_the_outputs_styled(esp, layer_tree_view, workflow_folder,
                                              workflow_landscape, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer

    parameters = _parameters(workflow_folder, workflow_landscape, tmp_path)
    result = processing.runAndLoadResults("esp:restorationscenarios", parameters)
    loaded = {layer.source().split("|")[0]: layer
              for layer in QgsProject.instance().mapLayers().values()}
    sites = loaded[result["OUTPUT"]].renderer()
    assert sites.type() == "categorizedSymbol" and sites.classAttribute() == "chosen"
    ledger = loaded[result["LEDGER"]].renderer()
    assert ledger.type() == "graduatedSymbol" and ledger.classAttribute() == "net"
    restored = loaded[result["RESTORED"]]
    assert isinstance(restored, QgsRasterLayer)
    assert restored.renderer().type() == "singlebandpseudocolor"


def test_default_actions_without_a_land_cover_are_refused(esp, workflow_folder,
                                                          workflow_landscape, tmp_path):
    with pytest.raises(QgsProcessingException, match="land-cover raster"):
        _run(workflow_folder, workflow_landscape, tmp_path, LANDCOVER=None)
    assert not os.path.exists(tmp_path / "sites.gpkg")


def test_sites_of_no_chosen_kind_are_refused(esp, workflow_folder, workflow_landscape,
                                             tmp_path):
    # The tiny landscape's key areas hold no degraded land in sources.
    with pytest.raises(QgsProcessingException, match="no polygon of the kinds chosen"):
        _run(workflow_folder, workflow_landscape, tmp_path, KINDS=[2])
