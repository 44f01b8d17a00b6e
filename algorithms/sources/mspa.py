"""esp:mspa: morphological spatial pattern analysis, GuidosToolbox-compatible codes."""

import re
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsUnitTypes,
)

from ...espcore.grid import Grid
from ...espcore.progress import check_cancelled
from ...espcore.sources.mspa import (
    ENGINES,
    MSPA_CLASSES,
    class_areas,
    foreground_from_classes,
    mspa,
)
from ..base import EspAlgorithm, FeedbackProgress, StyleOnLoad, translate
from ..io.raster import check_grid_memory, check_output_path, read_grid, write_grid
from ..io.sinks import open_sink, write_all
from ..qgis_compat import (
    AreaUnit,
    DistanceUnit,
    NumberType,
    ParameterFlag,
    SourceType,
    WkbType,
    new_field,
)

#: NoData of the output: not an MSPA code, so missing (129) stays a visible class.
OUTPUT_NODATA = 255

#: The style of the class raster: GTB's colours with transition on, and with it off (the same
#: codes; 35/67 and 135/167 drawn like edge, 37/69 and 137/169 like perforation).
STYLES = {True: "mspa.qml", False: "mspa_transition0.qml"}

TABLE_FIELDS = (("code", "int"), ("class", "string"),
                ("cells", "long"), ("area_km2", "double"),
                ("pct_foreground", "double"), ("pct_data", "double"))


def parse_classes(text: str) -> List[float]:
    """'2,3, 4;9' -> [2, 3, 4, 9]; '21-24' is the range 21, 22, 23, 24. Raises ValueError."""
    values: List[float] = []
    for token in re.split(r"[,;\s]+", re.sub(r"(\d)\s*-\s*(\d)", r"\1-\2", text)):
        if not token:
            continue
        span = re.fullmatch(r"(\d+)-(\d+)", token)
        if span:
            low, high = int(span.group(1)), int(span.group(2))
            if high < low or high - low > 10000:
                raise ValueError(token)
            values.extend(float(v) for v in range(low, high + 1))
        else:
            values.append(float(token))
    return values


def _class_help_table() -> str:
    rows = []
    for code, name, colour in MSPA_CLASSES:
        if 100 < code < 200:
            continue
        rows.append('<tr><td>{code}</td><td><span style="color:{colour}">&#9632;</span> '
                    '{name}</td></tr>'.format(code=code, colour=colour,
                                               name=translate(name, "espcore")))
    return "<table>" + "".join(rows) + "</table>"


class Mspa(EspAlgorithm):
    NAME = "mspa"
    GROUP = "sources"

    INPUT = "INPUT"
    BAND = "BAND"
    FOREGROUND_CLASSES = "FOREGROUND_CLASSES"
    CONNECTIVITY = "CONNECTIVITY"
    EDGE_WIDTH = "EDGE_WIDTH"
    TRANSITION = "TRANSITION"
    INTEXT = "INTEXT"
    ENGINE = "ENGINE"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def displayName(self) -> str:
        return self.tr("Morphological spatial pattern analysis (MSPA)")

    def tags(self) -> List[str]:
        return self.tr("MSPA,GuidosToolbox,GTB,GWB,core,edge,bridge,loop,islet,perforation,"
                       "branch,morphology,forest,fragmentation,ecological source").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Segments the foreground of a binary map (habitat / non-habitat) into the MSPA "
            "classes of GuidosToolbox (GTB): core, islet, perforation, edge, loop, bridge and "
            "branch, with GTB's output codes, so the result can replace a GTB run in an "
            "ecological-source workflow (cores, codes 17 and 117, are the usual candidate "
            "sources).</p>"
            "<p><b>Input</b>: a land-cover raster and the list of classes that form the "
            "foreground (for example forest, shrub, grassland, water), or, with the list "
            "empty, a raster already coded as GTB wants it: 0 missing, 1 background, "
            "2 foreground. NoData cells are missing. Edge width is counted in cells (real "
            "width = edge width x cell size); the table's areas are exact in a projected "
            "CRS.</p>"
            "<p><b>Output</b>: a Byte raster of MSPA codes (styled with GTB's colours) and a "
            "table of the area of every class. Codes:</p>{classes}"
            "<p>Classes inside a core opening (a hole of a core) get +100 when 'internal / "
            "external' is on (101 branch, 103 edge, 105 perforation, 109 islet, 117 core, "
            "133-137 bridge, 165-169 loop, 100 background inside a core opening). 35/37 and "
            "67/69 are bridge and loop cells where they cross an edge or perforation. As in "
            "GTB, 'transition' changes only their colours, not the codes: with it off they "
            "keep their codes and are drawn in the colour of the edge or perforation they "
            "cross, and the table still lists them under their own codes. Missing cells "
            "are 129. As in GTB, with 'internal / external' on every perforation lies inside a "
            "core opening and is therefore reported as 105.</p>"
            "<p><b>Agreement with GuidosToolbox</b>: every class, bridges, loops and branches "
            "included, is GTB's cell for cell, at both connectivities, every edge width and "
            "both settings of transition and internal / external: the connectors come from "
            "the same order-independent anchored thinning, widened by the same distance "
            "measured within the non-core foreground, and told apart by the same flooding "
            "from the cores. The tests compare every cell of the MSPA engine's own outputs "
            "(20 maps, 32 settings, engine v2.3 and v2.4) and GWB's published example.</p>"
            "<p><b>Border frame</b> (advanced): GTB pads the map with a copy of its outer rows "
            "and columns so that the map border is no edge. GTB desktop and GWB (MSPA engine "
            "v2.3, the default) leave the frame's corners empty and place the right and "
            "bottom copies one cell inwards; pyguidos 2.6.1 and later (engine v2.4) fill the "
            "corners and the whole frame. The results differ only near the right and bottom "
            "map borders and the corners; pick the one whose numbers you compare with.</p>"
            "<p>Reference: Soille, P. & Vogt, P. (2009) Morphological segmentation of binary "
            "patterns. Pattern Recognition Letters 30: 456-459.</p>").format(
                classes=_class_help_table())

    def initAlgorithm(self, config: Any = None) -> None:
        tr, add = self.tr, self.add_parameter
        add(QgsProcessingParameterRasterLayer(self.INPUT, tr("Land-cover or foreground "
                                                             "raster")),
            tr("Class codes (with a list of foreground classes), or a raster coded 0 "
               "missing, 1 background, 2 foreground. Its NoData cells are missing (129)."))
        add(QgsProcessingParameterBand(self.BAND, tr("Band"), 1, self.INPUT, optional=True),
            tr("Band holding the classes; band 1 when not set."))
        add(QgsProcessingParameterString(self.FOREGROUND_CLASSES,
                                         tr("Foreground classes (e.g. 2,3,4,9)"),
                                         optional=True),
            tr("Codes of the land-cover classes that form the habitat, separated by commas; "
               "'21-24' is a range. Every other class is background. Leave empty when the "
               "raster is already coded 0 missing / 1 background / 2 foreground; any other "
               "value is then an error."))
        add(QgsProcessingParameterEnum(self.CONNECTIVITY, tr("Foreground connectivity"),
                                       options=["8", "4"], defaultValue=0),
            tr("8: diagonal neighbours are connected (GTB's default); 4: only edge "
               "neighbours. The background uses the other connectivity."))
        add(QgsProcessingParameterNumber(self.EDGE_WIDTH, tr("Edge width (cells)"),
                                         NumberType.Integer, defaultValue=1,
                                         minValue=1, maxValue=255),
            tr("Width of edges and perforations in cells: the real width is edge width x "
               "cell size (1 cell at 30 m = 30 m). A patch needs to be about 2 x edge width "
               "+ 1 cells thick to hold core."))
        add(QgsProcessingParameterBoolean(self.TRANSITION, tr("Transition"),
                                          defaultValue=True),
            tr("On: bridge and loop cells that cross an edge or perforation into a core "
               "(35, 37, 67, 69) are drawn as bridge / loop. Off: they are drawn in the colour "
               "of the edge / perforation they cross, so core boundaries look closed. As in "
               "GTB the codes in the raster and the table are the same either way."))
        add(QgsProcessingParameterBoolean(self.INTEXT, tr("Internal / external"),
                                          defaultValue=True),
            tr("On: classes inside core openings (holes of cores) get +100, background in "
               "holes of the foreground that are not core openings gets 220."))
        engine = add(QgsProcessingParameterEnum(
            self.ENGINE, tr("Border frame"),
            options=[tr("GuidosToolbox desktop and GWB (MSPA v2.3)"),
                     tr("pyguidos 2.6.1 and later (MSPA v2.4)")], defaultValue=0),
            tr("How the map border is padded before the analysis. v2.3 (GTB desktop, GWB) "
               "leaves the frame's corners empty and its right and bottom bands one cell "
               "short; v2.4 (pyguidos) fills them. Only classes near the right and bottom "
               "borders and the corners can differ."))
        engine.setFlags(engine.flags() | ParameterFlag.Advanced)
        add(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("MSPA classes")),
            tr("Byte GeoTIFF of MSPA codes on the input grid; 129 = missing. Its NoData "
               "value, 255, never occurs."))
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_TABLE, tr("MSPA class areas"),
                                              SourceType.Vector, optional=True,
                                              createByDefault=True),
            tr("One row per class present: code, class, cells, area_km2, pct_foreground "
               "(share of the foreground, empty for background and missing), pct_data "
               "(share of the cells with data)."))

    # -- inputs ------------------------------------------------------------------------------

    def _classes(self, parameters: Dict[str, Any], context: QgsProcessingContext
                 ) -> List[float]:
        text = self.parameterAsString(parameters, self.FOREGROUND_CLASSES, context) or ""
        try:
            return parse_classes(text)
        except ValueError:
            raise QgsProcessingException(self.tr(
                "Foreground classes must be class codes separated by commas (ranges like "
                "21-24 are allowed), not '{text}'.").format(text=text)) from None

    def _cell_area_km2(self, layer: Any, grid: Grid, context: QgsProcessingContext,
                       feedback: QgsProcessingFeedback) -> float:
        dx, dy = grid.cell_size
        crs = layer.crs()
        if crs.isValid() and crs.isGeographic():
            extent = layer.extent()
            x, y = extent.center().x(), extent.center().y()
            cell = QgsGeometry.fromRect(QgsRectangle(x - dx / 2, y - dy / 2, x + dx / 2,
                                                     y + dy / 2))
            measure = QgsDistanceArea()
            measure.setSourceCrs(crs, context.transformContext())
            measure.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
            area = measure.convertAreaMeasurement(measure.measureArea(cell),
                                                  AreaUnit.SquareKilometers)
            feedback.pushWarning(self.tr(
                "The raster is in a geographic CRS; areas use the cell area at the centre of "
                "the raster ({area:.6g} km2) and are approximate. Reproject it to an "
                "equal-area or projected CRS for exact areas.").format(area=area))
            return float(area)
        factor = 1.0
        if crs.isValid():
            factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(),
                                                       DistanceUnit.Meters)
        else:
            feedback.pushWarning(self.tr("The raster has no CRS; its cell size is taken as "
                                         "metres for the areas."))
        return dx * dy * factor * factor / 1e6

    def _guidos(self, grid: Grid, classes: List[float]) -> np.ndarray:
        """GuidosToolbox's coding: from the classes, or the raster itself with NoData as 0
        (missing)."""
        if classes:
            return foreground_from_classes(grid.values, grid.mask, classes)
        return grid.filled(0)

    # -- run ---------------------------------------------------------------------------------

    def compute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.INPUT))
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        check_output_path(output)
        classes = self._classes(parameters, context)
        connectivity = (8, 4)[self.parameterAsEnum(parameters, self.CONNECTIVITY, context)]
        edge_width = self.parameterAsInt(parameters, self.EDGE_WIDTH, context)
        transition = self.parameterAsBoolean(parameters, self.TRANSITION, context)
        intext = self.parameterAsBoolean(parameters, self.INTEXT, context)
        engine = ENGINES[self.parameterAsEnum(parameters, self.ENGINE, context)]

        check_grid_memory(layer, "mspa", self.tr("MSPA"))
        feedback.pushInfo(self.tr("Reading {name}").format(name=layer.name()))
        grid = read_grid(layer, band, role=self.tr("Input raster"))
        guidos = self._guidos(grid, classes)
        feedback.setProgress(5)
        progress = FeedbackProgress(feedback, 5.0, 90.0)
        codes = mspa(guidos, connectivity=connectivity, edge_width=edge_width,
                     intext=intext, engine=engine, progress=progress)
        check_cancelled(progress)  # a cancel after the last core step still writes nothing
        del guidos

        rows = class_areas(codes, cell_area=self._cell_area_km2(layer, grid, context,
                                                                  feedback))
        for code, name, cells, _area, pct_fg, _pct_data in rows:
            if pct_fg is not None:
                feedback.pushInfo(self.tr("{code:>3} {name}: {cells} cells, {pct:.2f} % of "
                                          "the foreground").format(
                    code=code, name=translate(name, "espcore"), cells=cells, pct=pct_fg))
        write_grid(grid.like(codes, np.zeros(codes.shape, dtype=bool)), output,
                   dtype=np.uint8, nodata=OUTPUT_NODATA,
                   description=self.tr("MSPA {conn}_{ew}_{trans}_{intext}").format(
                       conn=connectivity, ew=edge_width, trans=int(transition),
                       intext=int(intext)))
        feedback.setProgress(95)
        results: Dict[str, Any] = {self.OUTPUT: output}
        # The raster is written (atomically) before the table sink is opened, so a failed
        # write leaves no empty table behind.
        table, table_dest = self._table_sink(parameters, context)
        if table is not None:
            fields = table_fields()
            features = []
            for code, name, cells, area, pct_fg, pct_data in rows:
                feature = QgsFeature(fields)
                feature.setAttributes([code, translate(name, "espcore"), cells, area, pct_fg,
                                       pct_data])
                features.append(feature)
            write_all(table, features)
            results[self.OUTPUT_TABLE] = table_dest
        feedback.setProgress(100)
        StyleOnLoad.attach(context, output, STYLES[bool(transition)])
        return results

    def _table_sink(self, parameters: Dict[str, Any], context: QgsProcessingContext
                    ) -> Tuple[Optional[Any], Optional[str]]:
        return open_sink(self, parameters, self.OUTPUT_TABLE, context, table_fields(),
                         WkbType.NoGeometry, QgsCoordinateReferenceSystem(), optional=True)


def table_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in TABLE_FIELDS:
        fields.append(new_field(name, kind))
    return fields
