"""The workflow's products on the map: their order, legends and on/off states.

Shared by the dock, which loads a run's products itself, and by esp:securitypattern run from
the toolbox, whose products QGIS loads on completion.
"""

import os
from typing import Dict, Optional

from qgis.core import (
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsLayerTreeNode,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
)

from ..base import label_band_line, style_headings, translate
from ..i18n import translate_legend
from .products import BY_KEY, PRODUCTS, Product, apply_style

#: The map's layer order, top first: lines and points over polygons, and rasters that cover
#: little (classes, corridors) over those that cover the whole land, which would hide them.
MAP_ORDER = ("PROGRAMME_SITES", "CORRIDOR_CHANGE", "SOURCES", "SOURCE_CHANGE", "MSPA",
             "HABITAT_QUALITY", "DEGRADATION", "SOURCE_IDS", "RESTORED_RESISTANCE",
             "RESISTANCE",
             "LINKS", "CENTRALITY_LINKS", "SOURCE_POINTS", "CENTRALITY_SOURCES",
             "BARRIER_CLASSES", "PINCHPOINT_CLASSES", "BARRIERS", "PINCHPOINTS",
             "PINCHPOINTS_NETWORK", "CORRIDORS", "CURRENT",
             "CROSS_LINKS", "KEY_AREAS", "LEDGER", "COMPENSATION", "COMPARISON",
             "ZONE_POLYGONS", "ZONE_CHANGE", "ZONES")

#: Marks the layers of a workflow's products, so the dock and the toolbox find, order and
#: replace them.
PRODUCT_PROPERTY = "esp_toolkit/product"


def legend_headings() -> Dict[str, str]:
    """The first line of a raster product's legend, in place of GDAL's band name: its
    style's heading (:func:`~..base.style_headings`), else its own."""
    by_style = style_headings()
    headings = {product.key: by_style[product.style] for product in PRODUCTS
                if product.style in by_style}
    headings.update({"SOURCE_IDS": translate("Source id"),
                     "PINCHPOINT_CLASSES": translate("Pinch-point class"),
                     "BARRIER_CLASSES": translate("Barrier class"),
                     "ZONES": translate("Zone")})
    return headings


def product_key(node: QgsLayerTreeNode) -> Optional[str]:
    """The product a layer tree node shows, or None (groups, the user's own layers)."""
    if not isinstance(node, QgsLayerTreeLayer) or node.layer() is None:
        return None
    key = node.layer().customProperty(PRODUCT_PROPERTY)
    return key if key in BY_KEY else None


def map_rank(key: str) -> int:
    return MAP_ORDER.index(key) if key in MAP_ORDER else len(MAP_ORDER)


def label_band(node: QgsLayerTreeLayer) -> bool:
    """Replace the band-name line of a raster product's legend by its heading; False when the
    legend has no such line."""
    key = product_key(node)
    if key is None:
        return False
    return label_band_line(node, legend_headings().get(key) or BY_KEY[key].display_name())


def arrange(group: QgsLayerTreeGroup) -> None:
    """Put the product layers of ``group`` in MAP_ORDER, where the first of them is; the
    other nodes stay where they are."""
    nodes = [node for node in group.children() if product_key(node) is not None]
    ordered = sorted(nodes, key=lambda node: map_rank(product_key(node)))
    if ordered == nodes:
        return
    at = group.children().index(nodes[0])
    # Clones first, then the originals go: a layer whose last node is removed leaves the
    # project.
    for offset, node in enumerate(ordered):
        group.insertChildNode(at + offset, node.clone())
    for node in nodes:
        group.removeChildNode(node)


def keep_above(group: QgsLayerTreeGroup, layer_id: str) -> None:
    """Move the layer ``layer_id`` of ``group`` (the unit boundaries) just above the first
    product layer there, so the results do not cover it; other nodes stay where they are."""
    nodes = group.children()
    products = [index for index, node in enumerate(nodes) if product_key(node) is not None]
    at = next((index for index, node in enumerate(nodes)
               if isinstance(node, QgsLayerTreeLayer) and node.layerId() == layer_id), None)
    if at is None or not products or at < products[0]:
        return
    # The clone first: a layer whose last node is removed leaves the project.
    group.insertChildNode(products[0], nodes[at].clone())
    group.removeChildNode(nodes[at])


class ProductOnLoad(QgsProcessingLayerPostProcessorInterface):
    """What the dock does to the products it loads, for those the toolbox loads: QGIS opens
    them without the style beside them."""

    # Processing holds only a raw pointer to a post-processor: keep each alive until used.
    _alive: Dict[int, "ProductOnLoad"] = {}

    def __init__(self, product: Product, folder: str, above: Optional[str] = None) -> None:
        super().__init__()
        self.product = product
        self.folder = folder
        self.above = above

    @classmethod
    def attach(cls, context: QgsProcessingContext, product: Product, path: str,
               above: Optional[str] = None) -> None:
        """``above``: the id of a layer (the unit boundaries) kept above the products."""
        details = QgsProcessingContext.LayerDetails(product.display_name(), context.project(),
                                                    product.key)
        if hasattr(details, "layerSortKey"):  # QGIS 3.32: the higher key goes on top
            details.layerSortKey = len(MAP_ORDER) - map_rank(product.key)
        context.addLayerToLoadOnCompletion(path, details)
        processor = cls(product, os.path.dirname(path), above)
        cls._alive[id(processor)] = processor
        context.layerToLoadOnCompletionDetails(path).setPostProcessor(processor)

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> None:
        try:
            apply_style(layer, self.product, self.folder)
            translate_legend(layer)
            layer.setCustomProperty(PRODUCT_PROPERTY, self.product.key)
            project = context.project()
            node = project.layerTreeRoot().findLayer(layer.id()) if project else None
            if node is not None:
                node.setItemVisibilityChecked(self.product.checked)
                label_band(node)
                arrange(node.parent())
                if self.above:
                    keep_above(node.parent(), self.above)
            layer.triggerRepaint()
        finally:
            ProductOnLoad._alive.pop(id(self), None)
