"""esp:centrality: current-flow centrality of the sources and links (Centrality Mapper)."""

from typing import Any, Dict, List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...espcore.corridors.centrality import source_centrality
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad
from ..io.links import (
    CENTRALITY_FIELDS,
    LINKS,
    LinkTable,
    active_rows,
    add_links_parameter,
    fields_with,
    read_links,
    with_values,
)
from ..io.patches import feature_id
from ..io.sinks import open_sink, write_all
from ..io.sources import SOURCE_ID_FIELD, SOURCES
from ..qgis_compat import FieldDataType, SourceType, WkbType, double_field, int_field

FIELD = CENTRALITY_FIELDS[0][0]  # "CF_Central"


class Centrality(EspAlgorithm):
    NAME = "centrality"
    GROUP = "connectivity"

    OUTPUT_LINKS = "OUTPUT_LINKS"
    OUTPUT_SOURCES = "OUTPUT_SOURCES"

    def displayName(self) -> str:
        return self.tr("Current-flow centrality (Centrality Mapper)")

    def tags(self) -> List[str]:
        return self.tr("centrality,current flow,betweenness,Centrality Mapper,Linkage Mapper,"
                       "network,corridor,source,stepping stone,key corridor").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Ranks the sources and corridors by how much of the network's movement runs "
            "through them, as Linkage Mapper's Centrality Mapper does. The network is a "
            "circuit: each source is a node, each active link a resistor whose resistance "
            "is the link's cost-weighted distance (CW_Dist). For every pair of sources in "
            "turn, 1 A enters at one and leaves at the other; the currents are summed over "
            "all pairs.</p>"
            "<p><b>CF_Central</b> of a link is the total current it carries; of a source, "
            "the total current passing through it, where the source's own pairs count 1 A "
            "each. Links and sources that hold the network together (bridges, hubs, "
            "stepping stones) score high; a link with a parallel alternative shares its "
            "current. Pairs in disconnected parts of the network carry nothing; a source "
            "without any active link scores 0.</p>"
            "<p>Inputs: the links of 'Linkage pathways' (fields From_Core, To_Core, CW_Dist, "
            "Active; only Active = 1 links are resistors) and, optionally, the source "
            "polygons with their id field, which then receive the source scores. Outputs: "
            "every link with CF_Central (NULL on inactive links) and the sources with "
            "CF_Central (the polygons, or a table of source ids when no polygons are "
            "given). The values equal networkx's current-flow betweenness (unnormalised) "
            "times 2 for links and plus (number of sources in the component - 1) for "
            "sources.</p>"
            "<p>Reference: Carroll, C., McRae, B.H. &amp; Brookes, A. (2012) Use of linkage "
            "mapping and centrality analysis across habitat gradients to conserve "
            "connectivity of gray wolf populations in western North America. Conservation "
            "Biology 26: 78-87.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        add_links_parameter(self)
        add(QgsProcessingParameterFeatureSource(SOURCES, tr("Sources (polygons)"),
                                                [SourceType.VectorPolygon],
                                                optional=True),
            tr("Optional: the ecological sources the links join, for example the output of "
               "'Extract ecological sources'. They are copied to the sources output with "
               "their CF_Central. Empty: the sources output is a table of the source ids "
               "found in the links."))
        add(QgsProcessingParameterField(SOURCE_ID_FIELD, tr("Source id field"),
                                        parentLayerParameterName=SOURCES,
                                        type=FieldDataType.Numeric,
                                        optional=True),
            tr("The id of each source, as used in From_Core and To_Core (source_id in "
               "'Extract ecological sources'). Empty: features are numbered 1, 2, ... in "
               "layer order."))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_LINKS, tr("Links with centrality"),
                                              SourceType.VectorLine),
            tr("Every feature of the links layer with its fields plus CF_Central (A, the "
               "current summed over all pairs of sources); NULL on inactive links."))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_SOURCES, tr("Sources with "
                                                                      "centrality"),
                                              SourceType.Vector, optional=True,
                                              createByDefault=True),
            tr("The source polygons plus CF_Central (A, current through the source summed "
               "over all pairs), or, without polygons, a table of source_id and "
               "CF_Central."))

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        table = read_links(self, parameters, context)
        polygons = self.parameterAsSource(parameters, SOURCES, context) \
            if parameters.get(SOURCES) else None
        field = self.parameterAsString(parameters, SOURCE_ID_FIELD, context)
        polygon_ids = self._polygon_ids(polygons, field) if polygons is not None else []
        resistance = self._resistances(table)
        active = np.flatnonzero(table.active)
        if polygons is not None:
            ends = set(table.from_core[active].tolist()) | set(table.to_core[active].tolist())
            missing = sorted(ends - set(polygon_ids))
            if missing:
                feedback.pushWarning(self.tr(
                    "The links join sources {ids}, which the source layer does not have (by "
                    "the id field); they count in the network but get no polygon.").format(
                        ids=", ".join(str(i) for i in missing[:20])))
        central = source_centrality(table.from_core[active], table.to_core[active],
                                    resistance[active], others=polygon_ids,
                                    progress=FeedbackProgress(feedback, 0, 80))
        feedback.pushInfo(self.tr("{links} active links between {nodes} sources; highest link "
                                  "centrality {link:.6g}, highest source centrality "
                                  "{node:.6g}.").format(
            links=active.size, nodes=central.ids.size, link=float(central.link.max()),
            node=float(central.node.max()) if central.node.size else 0.0))

        link_values: List[Optional[float]] = [None] * len(table.features)
        for row, value in zip(active, central.link):
            link_values[row] = float(value)
        links_id = self._write_links(table, link_values, parameters, context)
        StyleOnLoad.attach(context, links_id, "centrality_links.qml")
        feedback.setProgress(90)
        results = {self.OUTPUT_LINKS: links_id}
        by_id = {int(node): float(value) for node, value in zip(central.ids, central.node)}
        sources_id = self._write_sources(polygons, field, by_id, parameters, context)
        if sources_id is not None:
            results[self.OUTPUT_SOURCES] = sources_id
        feedback.setProgress(100)
        return results

    def _resistances(self, table: LinkTable) -> np.ndarray:
        """CW_Dist of every link; an active link without a positive CW_Dist is an error."""
        active_rows(table)
        values = np.asarray(table.cw_dist, dtype=np.float64)
        bad = table.active & ~(np.isfinite(values) & (values > 0))
        if np.any(bad):
            row = int(np.flatnonzero(bad)[0])
            shown = values[row] if np.isfinite(values[row]) else "NULL"
            raise QgsProcessingException(self.tr(
                "Active link {id} has CW_Dist {value}; a link's resistance must be a "
                "positive cost-weighted distance. Fill CW_Dist (the links of 'Linkage "
                "pathways' have it) or set Active to 0 on that link.").format(
                    id=int(table.link_id[row]), value=shown))
        return values

    def _polygon_ids(self, polygons: QgsProcessingFeatureSource, field: str) -> List[int]:
        return [feature_id(feature, field, number)
                for number, feature in enumerate(polygons.getFeatures(), start=1)]

    def _write_links(self, table: LinkTable, values: List[Optional[float]],
                     parameters: Dict[str, Any], context: QgsProcessingContext) -> str:
        links = self.parameterAsSource(parameters, LINKS, context)
        fields, (index,) = fields_with(links.fields(), CENTRALITY_FIELDS)
        sink, sink_id = open_sink(self, parameters, self.OUTPUT_LINKS, context, fields,
                                  links.wkbType(), links.sourceCrs())
        write_all(sink, [with_values(feature, fields, [index], [value])
                         for feature, value in zip(table.features, values)])
        return sink_id

    def _write_sources(self, polygons: Optional[QgsProcessingFeatureSource], field: str,
                       by_id: Dict[int, float], parameters: Dict[str, Any],
                       context: QgsProcessingContext) -> Optional[str]:
        if polygons is not None:
            fields, (index,) = fields_with(polygons.fields(), CENTRALITY_FIELDS)
            wkb_type, crs = polygons.wkbType(), polygons.sourceCrs()
        else:
            fields = QgsFields()
            fields.append(int_field("source_id"))
            fields.append(double_field(FIELD))
            index = 1
            wkb_type, crs = WkbType.NoGeometry, QgsCoordinateReferenceSystem()
        sink, sink_id = open_sink(self, parameters, self.OUTPUT_SOURCES, context, fields,
                                  wkb_type, crs, optional=True)
        if sink is None:
            return None
        features = []
        if polygons is not None:
            for number, feature in enumerate(polygons.getFeatures(), start=1):
                pid = feature_id(feature, field, number)
                features.append(with_values(feature, fields, [index], [by_id[pid]]))
        else:
            for pid, value in sorted(by_id.items()):
                row = QgsFeature(fields)
                row.setAttributes([int(pid), value])
                features.append(row)
        write_all(sink, features)
        return sink_id
