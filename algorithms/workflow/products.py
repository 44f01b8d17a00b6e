"""The products of the one-stop workflow (esp:securitypattern) and where they live.

One table shared by the algorithm that writes the products, the report that reads them and the
dock that loads them: every product has a fixed file name inside the run's output folder, so a
later stage (or the dock, or the report) finds the earlier ones without being told.
"""

import os
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from qgis.core import QgsMapLayer, QgsRasterLayer, QgsVectorLayer

from ..base import STYLE_DIR, stretch_pseudocolor, translate

#: The stages in chain order; their index is the value of FIRST_STAGE / LAST_STAGE.
STAGES = ("sources", "resistance", "connectivity", "zoning", "programme")


def stage_titles() -> Dict[str, str]:
    """Translated stage titles, as the dock and the report show them."""
    return {"sources": translate("1 · Sources"), "resistance": translate("2 · Resistance"),
            "connectivity": translate("3 · Connectivity"), "zoning": translate("4 · Zoning"),
            "programme": translate("5 · Programme")}


@dataclass(frozen=True)
class Product:
    """One output of the workflow.

    key:   the output key of esp:securitypattern (also the dock's layer key)
    file:  the file name inside the output folder
    kind:  "raster", "vector", "table" (CSV) or "file"
    stage: one of STAGES, the stage that writes it
    title: English layer name (shown translated)
    style: a style in resources/styles copied beside the file as <stem>.qml; None when the
           producing algorithm writes its own sidecar style (class rasters, zoning) or none
    stretch: the style's 0-1 colour stops are spread over the layer's 2-98 % range
    fit:   the style's colour stops are moved onto this file's minimum and maximum (on a log
           scale when both are positive), so the legend spans the values there are
    show:  the dock and the toolbox add it to the map (the others stay in the folder)
    checked: added switched on; off when it would hide the layers below it (onmap.MAP_ORDER)
    """

    key: str
    file: str
    kind: str
    stage: str
    title: str
    style: Optional[str] = None
    stretch: bool = False
    show: bool = True
    checked: bool = True
    fit: bool = False

    def path(self, folder: str) -> str:
        return os.path.join(folder, self.file)

    def sidecar(self, folder: str) -> str:
        return os.path.join(folder, os.path.splitext(self.file)[0] + ".qml")

    def style_path(self) -> Optional[str]:
        return os.path.join(STYLE_DIR, self.style) if self.style else None

    def display_name(self) -> str:
        return translate(self.title)


PRODUCTS: Tuple[Product, ...] = (
    Product("MSPA", "mspa.tif", "raster", "sources", "MSPA classes", "mspa.qml"),
    Product("HABITAT_QUALITY", "habitat_quality.tif", "raster", "sources", "Habitat quality",
            "habitat_quality.qml", checked=False),
    Product("DEGRADATION", "degradation.tif", "raster", "sources", "Habitat degradation",
            "degradation.qml", stretch=True, show=False),
    Product("SOURCES", "sources.gpkg", "vector", "sources", "Ecological sources", "sources.qml"),
    Product("SOURCE_IDS", "source_ids.tif", "raster", "sources", "Source ids", show=False),
    Product("RESISTANCE", "resistance.tif", "raster", "resistance", "Resistance surface",
            "resistance.qml", fit=True),
    Product("SOURCE_POINTS", "source_points.gpkg", "vector", "connectivity", "Source points",
            show=False),
    Product("CURRENT", "current.tif", "raster", "connectivity", "Cumulative current",
            "current.qml", stretch=True),
    Product("RESISTANCE_MATRIX", "resistances.out", "file", "connectivity",
            "Effective resistances between sources", show=False),
    Product("CORRIDORS", "corridors.tif", "raster", "connectivity", "Corridors (NLCC)",
            "corridors.qml", stretch=True, checked=False),
    Product("LINKS", "corridor_links.gpkg", "vector", "connectivity", "Least-cost corridors",
            "links.qml"),
    Product("PINCHPOINTS", "pinchpoints.tif", "raster", "connectivity",
            "Pinch points (current)", "current.qml", stretch=True, show=False),
    Product("PINCHPOINTS_NETWORK", "pinchpoints_network.tif", "raster", "connectivity",
            "Pinch points (network current)", "current.qml", stretch=True, show=False),
    Product("PINCHPOINT_CLASSES", "pinchpoint_classes.tif", "raster", "connectivity",
            "Pinch points"),
    Product("BARRIERS", "barriers.tif", "raster", "connectivity", "Barriers (improvement score)",
            "barriers.qml", stretch=True, show=False),
    Product("BARRIER_CLASSES", "barrier_classes.tif", "raster", "connectivity", "Barriers"),
    Product("CENTRALITY_LINKS", "corridor_centrality.gpkg", "vector", "connectivity",
            "Corridor centrality", "centrality_links.qml", checked=False),
    Product("CENTRALITY_SOURCES", "source_centrality.gpkg", "vector", "connectivity",
            "Source centrality", "centrality_sources.qml", checked=False),
    Product("ZONES", "zones.tif", "raster", "zoning", "Restoration zones"),
    Product("ZONE_POLYGONS", "zone_polygons.gpkg", "vector", "zoning", "Zone polygons",
            checked=False),
    Product("KEY_AREAS", "key_areas.gpkg", "vector", "zoning", "Key restoration areas"),
    Product("ZONING_STATISTICS", "zoning_statistics.csv", "table", "zoning",
            "Zoning statistics", show=False),
    Product("LEDGER", "county_ledger.gpkg", "vector", "zoning", "County ledger",
            checked=False),
    Product("CROSS_LINKS", "cross_boundary_links.gpkg", "vector", "zoning",
            "Cross-boundary corridors", "cross_links.qml"),
    Product("MATRIX", "county_matrix.csv", "table", "zoning", "County connectivity matrix",
            show=False),
    Product("SHARES", "element_shares.csv", "table", "zoning", "Element shares by county",
            show=False),
    Product("ACCOUNT", "restoration_account.csv", "table", "zoning",
            "Restoration account", show=False),
    Product("PROGRAMME_SITES", "restoration_sites.gpkg", "vector", "programme",
            "Restoration sites (priority)", style="restoration_sites.qml"),
    Product("GAIN_CURVE", "gain_curve.csv", "table", "programme", "Gain curve", show=False),
    Product("GAIN_CHART", "gain_curve.png", "file", "programme", "Gain curve chart",
            show=False),
    Product("RESTORED_RESISTANCE", "restored_resistance.tif", "raster", "programme",
            "Resistance after restoration", "resistance.qml", fit=True, checked=False),
    Product("COMPENSATION", "compensation.gpkg", "vector", "programme",
            "Compensation ledger", style="compensation.qml", checked=False),
    Product("TRANSFERS", "transfers.csv", "table", "programme", "Transfers between counties",
            show=False),
    Product("COMPENSATION_GROUPS", "compensation_prefectures.csv", "table", "programme",
            "Compensation by prefecture", show=False),
    Product("COMPARISON", "comparison.gpkg", "vector", "programme", "Effectiveness by county",
            style="comparison.qml", checked=False),
    Product("SOURCE_CHANGE", "source_change.tif", "raster", "programme", "Source change"),
    Product("ZONE_CHANGE", "zone_change.tif", "raster", "programme", "Zone change",
            checked=False),
    Product("CORRIDOR_CHANGE", "corridor_change.gpkg", "vector", "programme",
            "Corridor change", style="corridor_change.qml", checked=False),
    Product("ZONE_TRANSITIONS", "zone_transitions.csv", "table", "programme",
            "Zone transitions", show=False),
    Product("COMPARISON_GROUPS", "comparison_prefectures.csv", "table", "programme",
            "Effectiveness by prefecture", show=False),
    Product("REPORT", "report.html", "file", "zoning", "Report", show=False),
    Product("REPORT_PDF", "report.pdf", "file", "zoning", "Report (PDF)", show=False),
    Product("REPORT_DOCX", "report.docx", "file", "zoning", "Report (Word)", show=False),
)

BY_KEY: Dict[str, Product] = {product.key: product for product in PRODUCTS}

def existing(folder: str) -> Dict[str, str]:
    """{key: path} of the products present in ``folder``."""
    return {p.key: p.path(folder) for p in PRODUCTS if os.path.exists(p.path(folder))}


def open_layer(product: Product, folder: str,
               path: Optional[str] = None) -> Optional[QgsMapLayer]:
    """The product of ``folder`` (or the file ``path``) as a layer with its style
    (:func:`apply_style`), as the dock and the report show it; None when it is absent or
    unreadable."""
    path = path or product.path(folder)
    if product.kind not in ("raster", "vector") or not os.path.exists(path):
        return None
    layer: QgsMapLayer
    if product.kind == "raster":
        layer = QgsRasterLayer(path, product.display_name(), "gdal")
    else:
        layer = QgsVectorLayer(path, product.display_name(), "ogr")
    if not layer.isValid():
        return None
    apply_style(layer, product, folder)
    return layer


def apply_style(layer: QgsMapLayer, product: Product, folder: str) -> None:
    """The sidecar style written by the run, else the product's resource style; a colour
    ramp still on the template's 0-1 stops is spread over this file's values."""
    sidecar = product.sidecar(folder)
    style = sidecar if os.path.exists(sidecar) else product.style_path()
    if style:
        layer.loadNamedStyle(style)
        renderer = layer.renderer()
        if (product.stretch and renderer is not None
                and renderer.type() == "singlebandpseudocolor"
                and (renderer.classificationMin(), renderer.classificationMax()) == (0, 1)):
            stretch_pseudocolor(layer)
