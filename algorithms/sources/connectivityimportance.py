"""esp:connectivityimportance: Conefor's IIC, PC and ECA, and dIIC / dPC of every patch."""

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
    QgsSpatialIndex,
)

from ...espcore.grid import Grid
from ...espcore.memory import check_memory, pairs_estimate
from ...espcore.progress import Progress, check_cancelled
from ...espcore.sources.connectivity import (
    Importance,
    connectivity_importance,
    kept_links,
    pc_cutoff,
)
from ...espcore.sources.patchdistance import (
    Links,
    cost_distances,
    edge_distances,
    patch_areas,
)
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad
from ..io.patches import feature_id, polygonize_ids, rasterize_ids
from ..io.raster import read_aligned, read_grid
from ..io.sinks import open_sink, write_all
from ..qgis_compat import FieldDataType, NumberType, SourceType, WkbType, new_field, null_rectangle
from . import dispersal as dp

#: Fields added to every patch: (name, type), in the order written.
FIELDS = (("patch_id", "long"), ("area_km2", "double"),
          ("dIIC", "double"), ("dIICintra", "double"),
          ("dIICflux", "double"), ("dIICconnector", "double"),
          ("dPC", "double"), ("dPCintra", "double"),
          ("dPCflux", "double"), ("dPCconnector", "double"),
          ("rank", "int"))
LINK_FIELDS = (("from", "long"), ("to", "long"),
               ("distance", "double"), ("probability", "double"))


@dataclass
class Patches:
    """Patches read from either input: ids ascending, areas and links in that order."""

    ids: np.ndarray
    areas: np.ndarray
    links: Links
    landscape_area: float
    crs: QgsCoordinateReferenceSystem
    features: Optional[List[QgsFeature]] = None   # polygon input, in the order of ids
    grid: Optional[Grid] = None                   # raster input
    labels: Optional[np.ndarray] = None


class ConnectivityImportance(EspAlgorithm):
    NAME = "connectivityimportance"
    GROUP = "sources"

    PATCHES = "PATCHES"
    PATCH_ID_FIELD = "PATCH_ID_FIELD"
    PATCH_RASTER = "PATCH_RASTER"
    DISTANCE_METHOD = dp.DISTANCE_METHOD
    RESISTANCE = dp.RESISTANCE
    DISTANCE = dp.DISTANCE
    PROBABILITY_PRESET = dp.PROBABILITY_PRESET
    PROBABILITY = dp.PROBABILITY
    MIN_PROBABILITY = dp.MIN_PROBABILITY
    LANDSCAPE_AREA = "LANDSCAPE_AREA"
    OUTPUT = "OUTPUT"
    LINKS = "LINKS"
    IIC = "IIC"
    PC = "PC"
    ECA = "ECA"

    def displayName(self) -> str:
        return self.tr("Connectivity importance (IIC, PC, dPC)")

    def tags(self) -> List[str]:
        return self.tr("connectivity,Conefor,IIC,PC,dPC,dIIC,ECA,equivalent connected area,"
                       "probability of connectivity,patch importance,graph,sources,"
                       "stepping stone").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Landscape connectivity of habitat patches as Conefor computes it, and how much "
            "each patch contributes: the step of the 'MSPA - Conefor' route that ranks core "
            "patches before the most important become ecological sources.</p>"
            "<p><b>Indices</b> (a = patch area, A<sub>L</sub> = landscape area):</p><ul>"
            "<li><b>IIC</b> = Σ<sub>i</sub>Σ<sub>j</sub> a<sub>i</sub>a<sub>j</sub> / (1 + "
            "nl<sub>ij</sub>) / A<sub>L</sub>²: patches closer than d0 are linked; "
            "nl<sub>ij</sub> is the number of links on the shortest path between i and j "
            "(pairs in different components add nothing).</li>"
            "<li><b>PC</b> = Σ<sub>i</sub>Σ<sub>j</sub> a<sub>i</sub>a<sub>j</sub> "
            "p*<sub>ij</sub> / A<sub>L</sub>²: a direct move across distance d succeeds with "
            "p = p0<sup>d/d0</sup>; p*<sub>ij</sub> is the best product of p over any path "
            "through other patches.</li>"
            "<li><b>ECA</b> = √(PC × A<sub>L</sub>²), the equivalent connected area (map "
            "units²): the area of one patch that would give the same PC.</li></ul>"
            "<p><b>Importance</b>: dI = 100 × (I − I<sub>without the patch</sub>) / I, in %, "
            "split (Saura &amp; Rubio 2010) into <i>intra</i> (the patch's own area), "
            "<i>flux</i> (connections that start or end at the patch) and <i>connector</i> "
            "(the patch as a stepping stone between others); the three add up to dI. The "
            "same split is given for dIIC.</p>"
            "<p><b>Probability at d0</b>: Conefor studies use p0 = 0.5 (d0 = median dispersal "
            "distance); Graphab's default is 0.05 (d0 = maximum dispersal distance). Pairs "
            "whose direct probability is below the smallest probability kept are unlinked "
            "(Makurhini's 0.01), which bounds the search for neighbours.</p>"
            "<p><b>Inputs</b>: either a polygon layer (one feature per patch; a projected "
            "CRS, areas and distances from the geometries; patch id from a field or the "
            "feature number 1, 2, ...) or a raster of patch ids (0, negative and NoData = no "
            "patch). Euclidean distances are the gap between the patch edges: exact polygon "
            "distances for polygons, the gap between the nearest cell edges for a raster (so "
            "both give the same numbers for grid-aligned patches). Least-cost distances "
            "(cost units) run over the resistance raster (NoData = impassable); polygons are "
            "burnt onto its grid (a cell belongs to a patch when its centre lies inside), a "
            "patch raster must be on its grid.</p>"
            "<p><b>Landscape area</b> A<sub>L</sub> (changes IIC and PC, not dIIC, dPC or "
            "ECA): when not given, the area of the patch raster's data cells (not NoData), or "
            "of the bounding box of all polygons.</p>"
            "<p><b>Outputs</b>: the patches (input fields kept) with patch_id, area_km2, dIIC "
            "and dPC with their fractions and the rank by dPC (1 = most important); the "
            "links with distance and probability (optional); IIC, PC and ECA.</p>"
            "<p>Reference: Saura, S. &amp; Rubio, L. (2010) A common currency for the "
            "different ways in which patches and links can contribute to habitat "
            "availability and connectivity in the landscape. Ecography 33: 523-537.</p>")

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        add(QgsProcessingParameterFeatureSource(self.PATCHES, tr("Patch polygons"),
                                                [SourceType.VectorPolygon],
                                                optional=True),
            tr("One feature per habitat patch, in a projected CRS (metres). Give either this "
               "or a patch raster."))
        add(QgsProcessingParameterField(self.PATCH_ID_FIELD, tr("Patch id field"),
                                        parentLayerParameterName=self.PATCHES,
                                        type=FieldDataType.Numeric,
                                        optional=True),
            tr("Whole-number, unique patch ids. Empty: patches are numbered 1, 2, ... in the "
               "order of the features."))
        add(QgsProcessingParameterRasterLayer(self.PATCH_RASTER, tr("Patch raster"),
                                              optional=True),
            tr("Patch id per cell (whole numbers; 0, negative values and NoData are no "
               "patch), for example from 'Extract ecological sources' or a labelled MSPA "
               "core. Give either this or patch polygons."))
        dp.add_dispersal_parameters(self)
        add(QgsProcessingParameterNumber(self.LANDSCAPE_AREA, tr("Landscape area (map units²)"),
                                         NumberType.Double,
                                         optional=True, minValue=0.0),
            tr("A_L, the area of the study area, e.g. 1.2e10 m² for 12,000 km². Empty: the "
               "data cells of the patch raster, or the bounding box of the polygons. Only "
               "IIC and PC depend on it."))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Patches with importance"),
                                              SourceType.VectorPolygon),
            tr("The patches with area_km2, dIIC, dPC, their intra / flux / connector "
               "fractions (%) and the rank by dPC."))
        add(QgsProcessingParameterFeatureSink(self.LINKS, tr("Links"),
                                              SourceType.Vector, optional=True,
                                              createByDefault=False),
            tr("A table of the patch pairs within reach: from, to (patch ids), distance and "
               "direct probability p0^(d/d0)."))
        for key, label in ((self.IIC, tr("IIC")), (self.PC, tr("PC")),
                           (self.ECA, tr("ECA (map units²)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ------------------------------------------------------------------------- run ----

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        tr = self.tr
        source = self.parameterAsSource(parameters, self.PATCHES, context)
        raster = self.parameterAsRasterLayer(parameters, self.PATCH_RASTER, context)
        if (source is None) == (raster is None):
            raise QgsProcessingException(tr(
                "Give exactly one patch input: either patch polygons or a patch raster."))
        dispersal = dp.read_dispersal(self, parameters, context)
        cutoff = pc_cutoff(dispersal.distance, dispersal.probability,
                           dispersal.min_probability)
        distances = FeedbackProgress(feedback, 0, 45)
        if source is not None:
            patches = self._polygon_patches(source, parameters, context, dispersal, cutoff,
                                            distances, feedback)
        else:
            patches = self._raster_patches(raster, dispersal, cutoff, distances)
        check_memory(pairs_estimate(patches.ids.size),
                     what=tr("Connectivity importance of {count} patches").format(
                         count=patches.ids.size),
                     advice=tr("Merge or drop small patches (a minimum area), or work on part "
                               "of the landscape at a time."))
        landscape = patches.landscape_area
        if parameters.get(self.LANDSCAPE_AREA) not in (None, ""):
            landscape = self.parameterAsDouble(parameters, self.LANDSCAPE_AREA, context)
        feedback.pushInfo(tr("{count} patches, {links} pairs within {cutoff:.6g} (where p "
                             "falls to {pmin:g}).").format(
            count=patches.ids.size, links=patches.links.i.size, cutoff=cutoff,
            pmin=dispersal.min_probability))
        result = connectivity_importance(
            patches.areas, patches.links, distance=dispersal.distance,
            probability=dispersal.probability, landscape_area=landscape,
            min_probability=dispersal.min_probability,
            progress=FeedbackProgress(feedback, 45, 95))
        feedback.pushInfo(tr(
            "IIC = {iic:.6g}, PC = {pc:.6g}, ECA = {eca:.6g} map units² ({eca_km2:.6g} km² "
            "in metres); landscape area {landscape:.6g}; {components} components and {links} "
            "links within d0 = {d0:g}.").format(
            iic=result.iic, pc=result.pc, eca=result.eca, eca_km2=result.eca / 1e6,
            landscape=result.landscape_area, components=result.components,
            links=result.links, d0=dispersal.distance))
        output = self._write_patches(patches, result, source, parameters, context)
        StyleOnLoad.attach(context, output, "patches_dpc.qml")
        outputs = {self.OUTPUT: output, self.IIC: result.iic, self.PC: result.pc,
                   self.ECA: result.eca}
        links_id = self._write_links(patches, dispersal, parameters, context)
        if links_id is not None:
            outputs[self.LINKS] = links_id
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------ polygons ----

    def _polygon_patches(self, source: Any, parameters: Dict[str, Any],
                         context: QgsProcessingContext, dispersal: dp.Dispersal,
                         cutoff: float, progress: Progress,
                         feedback: QgsProcessingFeedback) -> Patches:
        tr = self.tr
        crs = source.sourceCrs()
        if crs.isGeographic():
            raise QgsProcessingException(tr(
                "The patch polygons are in a geographic CRS ({crs}, degrees); areas and "
                "distances need metres. Reproject them first (Vector > Data Management Tools "
                "> Reproject Layer) to a projected CRS such as the local UTM or "
                "Gauss-Kruger zone.").format(crs=crs.authid() or crs.description()))
        field = self.parameterAsString(parameters, self.PATCH_ID_FIELD, context)
        rows: List[Tuple[int, QgsFeature]] = []
        skipped = 0
        for number, feature in enumerate(source.getFeatures(), start=1):
            if feature.geometry().isNull() or feature.geometry().isEmpty():
                skipped += 1
                continue
            rows.append((feature_id(feature, field, number), feature))
        if skipped:
            feedback.pushWarning(tr("{count} features without geometry were left out.")
                                 .format(count=skipped))
        rows.sort(key=lambda row: row[0])
        ids = np.array([row[0] for row in rows], dtype=np.int64)
        repeated = ids[1:][ids[1:] == ids[:-1]]
        if repeated.size:
            raise QgsProcessingException(tr(
                "Patch id {id} occurs more than once in field '{field}'; patch ids must be "
                "unique.").format(id=int(repeated[0]), field=field))
        features = [row[1] for row in rows]
        geometries = [QgsGeometry(feature.geometry()) for feature in features]
        repaired = []
        for position, geometry in enumerate(geometries):
            if not geometry.isGeosValid():
                geometries[position] = geometry.makeValid()
                repaired.append(int(ids[position]))
        if repaired:
            feedback.pushWarning(tr(
                "Patch(es) {ids} have invalid geometries (for example a self-intersecting "
                "outline, whose area would count as 0); they were repaired as 'Fix "
                "geometries' does before measuring areas and distances.").format(
                    ids=", ".join(str(i) for i in repaired[:20])))
        areas = np.array([geometry.area() for geometry in geometries], dtype=np.float64)
        flat = ids[~(areas > 0)]
        if flat.size:
            raise QgsProcessingException(tr(
                "Patch(es) {ids} have no area (a line or a point drawn as a polygon); their "
                "dIIC and dPC would be 0. Delete or redraw them.").format(
                    ids=", ".join(str(int(i)) for i in flat[:20])))
        extent = null_rectangle()
        for geometry in geometries:
            extent.combineExtentWith(geometry.boundingBox())
        landscape = extent.width() * extent.height() if geometries else 0.0
        if dispersal.resistance is None:
            links = self._polygon_distances(ids, geometries, cutoff, progress)
        else:
            links = self._polygon_costs(ids, geometries, crs, dispersal, cutoff, context,
                                        progress, feedback)
        return Patches(ids, areas, links, landscape, crs, features=features)

    def _polygon_distances(self, ids: np.ndarray, geometries: List[QgsGeometry],
                           cutoff: float, progress: Progress) -> Links:
        """Exact polygon-to-polygon (GEOS) distances of the pairs within the cut-off,
        candidates found through a spatial index of the bounding boxes."""
        index = QgsSpatialIndex()
        for position, geometry in enumerate(geometries):
            index.addFeature(position, geometry.boundingBox())
        everyone = list(range(len(geometries)))
        out_i: List[int] = []
        out_j: List[int] = []
        out_d: List[float] = []
        for k, geometry in enumerate(geometries):
            check_cancelled(progress)
            progress.update(k / max(len(geometries), 1))
            if math.isfinite(cutoff):
                candidates = index.intersects(geometry.boundingBox().buffered(cutoff))
            else:
                candidates = everyone
            later = sorted(j for j in candidates if j > k)
            if not later:
                continue
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            for j in later:
                gap = engine.distance(geometries[j].constGet())
                if gap <= cutoff:
                    out_i.append(k)
                    out_j.append(j)
                    out_d.append(gap)
        progress.update(1.0)
        return Links(ids, np.array(out_i, dtype=np.int64), np.array(out_j, dtype=np.int64),
                     np.array(out_d, dtype=np.float64))

    def _resistance_grid(self, dispersal: dp.Dispersal) -> Grid:
        layer = dispersal.resistance
        assert layer is not None
        if layer.crs().isGeographic():
            raise QgsProcessingException(self.tr(
                "The resistance raster is in a geographic CRS (degrees); least-cost "
                "distances need a projected CRS. Warp it first (Raster > Projections > "
                "Warp)."))
        return read_grid(layer, role=self.tr("Resistance raster"))

    def _polygon_costs(self, ids: np.ndarray, geometries: List[QgsGeometry],
                       crs: QgsCoordinateReferenceSystem, dispersal: dp.Dispersal,
                       cutoff: float, context: QgsProcessingContext, progress: Progress,
                       feedback: QgsProcessingFeedback) -> Links:
        """Polygons burnt onto the resistance grid (as 1..n), then least costs."""
        assert dispersal.resistance is not None
        grid = self._resistance_grid(dispersal)
        transform = None
        if dispersal.resistance.crs() != crs:
            transform = QgsCoordinateTransform(crs, dispersal.resistance.crs(),
                                               context.transformContext())
        shapes = []
        for position, geometry in enumerate(geometries):
            burnt = QgsGeometry(geometry)
            if transform is not None:
                burnt.transform(transform)
            shapes.append((position + 1, bytes(burnt.asWkb())))
        labels = rasterize_ids(shapes, grid)
        found = cost_distances(labels, grid.values.astype(np.float64), impassable=grid.mask,
                               cell_size=grid.cell_size, max_distance=cutoff,
                               progress=progress)
        missing = np.setdiff1d(np.arange(1, ids.size + 1), found.ids)
        if missing.size:
            feedback.pushWarning(self.tr(
                "{count} patches cover no cell centre of the resistance grid and get no "
                "links (e.g. patch {id}).").format(count=missing.size,
                                                   id=int(ids[missing[0] - 1])))
        # found.ids are positions + 1 of the patches that got cells.
        return Links(ids, found.ids[found.i] - 1, found.ids[found.j] - 1, found.distance)

    # -------------------------------------------------------------------- raster ----

    def _raster_patches(self, layer: Any, dispersal: dp.Dispersal, cutoff: float,
                        progress: Progress) -> Patches:
        tr = self.tr
        if layer.crs().isGeographic():
            raise QgsProcessingException(tr(
                "The patch raster is in a geographic CRS (degrees); areas and distances need "
                "metres. Warp it to a projected CRS first (Raster > Projections > Warp)."))
        resistance = None
        if dispersal.resistance is not None:
            grids = read_aligned({tr("Patch raster"): (layer, 1),
                                  tr("Resistance raster"): (dispersal.resistance, 1)})
            grid, resistance = grids[tr("Patch raster")], grids[tr("Resistance raster")]
        else:
            grid = read_grid(layer, role=tr("Patch raster"))
        values = np.where(grid.mask, 0, grid.values)
        cell_area = grid.cell_size[0] * grid.cell_size[1]
        ids, areas = patch_areas(values, cell_area=cell_area)  # checks whole numbers
        labels = values.astype(np.int64)
        landscape = float(np.count_nonzero(~grid.mask)) * cell_area
        if resistance is None:
            links = edge_distances(labels, cell_size=grid.cell_size, max_distance=cutoff,
                                   between="edges", progress=progress)
        else:
            links = cost_distances(labels, resistance.values.astype(np.float64),
                                   impassable=resistance.mask, cell_size=grid.cell_size,
                                   max_distance=cutoff, progress=progress)
        return Patches(ids, areas, links, landscape, layer.crs(), grid=grid, labels=labels)

    # ------------------------------------------------------------------- outputs ----

    def _write_patches(self, patches: Patches, result: Importance, source: Any,
                       parameters: Dict[str, Any], context: QgsProcessingContext) -> str:
        added = QgsFields()
        for name, kind in FIELDS:
            added.append(new_field(name, kind))
        if patches.features is not None:
            fields = QgsProcessingUtils.combineFields(source.fields(), added)
            geometry_type = source.wkbType()
        else:
            fields = added
            geometry_type = WkbType.MultiPolygon
        sink, sink_id = open_sink(self, parameters, self.OUTPUT, context, fields,
                                  geometry_type, patches.crs)
        rank = result.rank
        features = []
        geometries: Dict[int, QgsGeometry] = {}
        if patches.features is None:
            assert patches.labels is not None and patches.grid is not None
            geometries = polygonize_ids(patches.labels, patches.grid)
        for position, pid in enumerate(patches.ids.tolist()):
            values = [int(pid), float(patches.areas[position]) / 1e6,
                      float(result.d_iic[position]), float(result.d_iic_intra[position]),
                      float(result.d_iic_flux[position]),
                      float(result.d_iic_connector[position]), float(result.d_pc[position]),
                      float(result.d_pc_intra[position]), float(result.d_pc_flux[position]),
                      float(result.d_pc_connector[position]), int(rank[position])]
            feature = QgsFeature(fields)
            if patches.features is not None:
                original = patches.features[position]
                feature.setGeometry(original.geometry())
                feature.setAttributes(list(original.attributes()) + values)
            else:
                geometry = geometries[int(pid)]
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
                feature.setAttributes(values)
            features.append(feature)
        write_all(sink, features)
        return sink_id

    def _write_links(self, patches: Patches, dispersal: dp.Dispersal,
                     parameters: Dict[str, Any], context: QgsProcessingContext,
                     ) -> Optional[str]:
        if not parameters.get(self.LINKS):
            return None
        fields = QgsFields()
        for name, kind in LINK_FIELDS:
            fields.append(new_field(name, kind))
        sink, sink_id = open_sink(self, parameters, self.LINKS, context, fields,
                                  WkbType.NoGeometry, QgsCoordinateReferenceSystem(),
                                  optional=True)
        if sink is None:
            return None
        table = kept_links(patches.links, distance=dispersal.distance,
                           probability=dispersal.probability,
                           min_probability=dispersal.min_probability)
        features = []
        for a, b, d, p in zip(table.from_id.tolist(), table.to_id.tolist(),
                              table.distance.tolist(), table.probability.tolist()):
            feature = QgsFeature(fields)
            feature.setAttributes([int(a), int(b), float(d), float(p)])
            features.append(feature)
        write_all(sink, features)
        return sink_id
