"""The ESP Toolkit dock: the chain's settings along its four stages, run in the background.

The dock computes nothing. Its editors are made from esp:securitypattern's parameter
definitions (ui/params.py); "Run step" and "Run all" run that algorithm with the first and last
stage set (ui/runner.py), and the products are loaded from the output folder. The values are
saved with the project (ui/state.py). A line under the output folder says where the heavy
algorithms run their parallel tasks (the provider's engine settings, algorithms/engine.py), with
a button to the Processing options that change them.
"""

import os
import re
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsProcessingAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProject,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtCore import QStandardPaths, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.base import ICON_PATH
from ..algorithms.engine import engine_summary
from ..algorithms.qgis_compat import field_kind, is_null
from ..algorithms.workflow.products import BY_KEY, STAGES, stage_titles
from . import state
from .params import (
    BooleanEditor,
    Editor,
    FieldEditor,
    FileEditor,
    LayerEditor,
    NumberEditor,
    StringEditor,
    make_editors,
)
from .runner import WorkflowRun, load_products

ALGORITHM_ID = "esp:securitypattern"
FIRST_STAGE = "FIRST_STAGE"
LAST_STAGE = "LAST_STAGE"
OUTPUT_FOLDER = "OUTPUT_FOLDER"
NAME_FIELD = "UNIT_NAME_FIELD"
DEFAULT_FOLDER = "esp_output"
SESSION_FOLDER = "ESP Toolkit"  # under Documents, while the project is not saved
NUMBER_WIDTH = 110  # pixels: the value column of the sections

#: Which parameters each section shows, top to bottom; a parameter the algorithm gains later
#: and that is listed nowhere lands in the inputs section, so it is never unreachable.
SECTIONS: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("inputs", ("LANDCOVER", "UNITS", "UNIT_NAME_FIELD", "GROUP_FIELD", "CORRECTION",
                "THREATS_TABLE", "SENSITIVITY_TABLE")),
    ("sources", ("FOREGROUND_CLASSES", "QUALITY_CLASSES", "MIN_AREA", "DISTANCE", "TOP_N",
                 "HALF_SATURATION", "MIN_QUALITY", "MIN_DPC")),
    ("resistance", ("RESISTANCE_PRESET",)),
    ("connectivity", ("NEAREST", "CORRIDOR_WIDTH", "PINCH_WIDTH", "MIN_RADIUS", "MAX_RADIUS",
                      "STEP")),
    ("zoning", ("BUFFER", "BREAK_CLASSES", "REPORT_LANGUAGE")),
    ("programme", ("BUDGET", "ACTIONS_TABLE", "OWN_SHARE", "COMPARE_WITH")),
)
#: Set by the run buttons and the folder row, not by a section.
CONTROLS = (FIRST_STAGE, LAST_STAGE, OUTPUT_FOLDER)


class EspDock(QgsDockWidget):
    """The dock; ``iface`` may be None (tests): then errors go to the status line only."""

    runFinished = pyqtSignal(bool)  # noqa: N815 (Qt names signals in camelCase)

    def __init__(self, iface: Optional[Any] = None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("EspToolkitDock")
        self.setWindowTitle(self.tr("ESP Toolkit"))
        self.setWindowIcon(QIcon(ICON_PATH))
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
        # Only the editors keep what they need (copies): the algorithm object goes away when
        # its provider is reloaded, so each run looks it up again.
        self.available = algorithm is not None
        self.editors: Dict[str, Editor] = {}
        self.step_buttons: Dict[str, QPushButton] = {}
        self.sections: Dict[str, QgsCollapsibleGroupBox] = {}
        self.run: Optional[WorkflowRun] = None
        self.last_loaded: List[Any] = []
        self._started = 0.0
        self._folder_auto = True
        self._session_folder = session_folder()
        self._build(algorithm)
        self._connect_project()
        # The engine line is read again when the dock is shown, before a run and after
        # "Change…".
        if not self.available:
            self._set_status(self.tr("The ESP Toolkit Processing provider is not loaded."),
                             error=True)
            self._set_busy(False)
        else:
            self.restore_from_project()

    # -- building ---------------------------------------------------------------------------

    def _build(self, algorithm: Optional[QgsProcessingAlgorithm]) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        if algorithm is not None:
            definitions = [d for d in algorithm.parameterDefinitions()
                           if d.name() not in CONTROLS]
            self.editors = make_editors(definitions)
            listed = {name for _key, names in SECTIONS for name in names}
            for key, names in SECTIONS:
                names = tuple(n for n in names if n in self.editors)
                if key == "inputs":
                    names += tuple(d.name() for d in definitions if d.name() not in listed)
                layout.addWidget(self._section(key, names))
            name_field = self.editors.get(NAME_FIELD)
            if isinstance(name_field, FieldEditor) and name_field.parent is not None:
                name_field.parent.widget.layerChanged.connect(self._pick_name_field)
                self._pick_name_field()
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        outer = QWidget()
        main = QVBoxLayout(outer)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(scroll, 1)
        main.addWidget(self._run_panel(algorithm.parameterDefinition(OUTPUT_FOLDER)
                                       if algorithm is not None else None))
        self.setWidget(outer)
        self.setMinimumWidth(320)

    def _section(self, key: str, names: Tuple[str, ...]) -> QgsCollapsibleGroupBox:
        title = self.tr("Inputs") if key == "inputs" else stage_titles()[key]
        box = QgsCollapsibleGroupBox(title)
        box.setObjectName("espSection_" + key)
        # The collapsed state is remembered per section across sessions.
        box.setSaveCollapsedState(True)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(8)
        row = 0
        for name in names:
            editor = self.editors[name]
            label = QLabel(editor.definition.description())
            label.setToolTip(editor.definition.help())
            label.setBuddy(editor.widget)
            label.setWordWrap(True)
            if isinstance(editor, (NumberEditor, StringEditor, BooleanEditor)):
                # Short values: label and value side by side, the values in one column.
                editor.widget.setFixedWidth(NUMBER_WIDTH)
                grid.addWidget(label, row, 0)
                grid.addWidget(editor.widget, row, 1)
            else:
                # Layers, fields, files and choices need the width: label above.
                grid.addWidget(label, row, 0, 1, 2)
                row += 1
                grid.addWidget(editor.widget, row, 0, 1, 2)
            row += 1
        if key in STAGES:
            button = QPushButton(QgsApplication.getThemeIcon("/mActionStart.svg"),
                                 self.tr("Run step"))
            button.setObjectName("espRunStep_" + key)
            button.setToolTip(self.tr(
                "Run this stage only. It reads the earlier stages' products from the output "
                "folder."))
            button.clicked.connect(lambda _checked=False, k=key: self.run_stage(k))
            grid.addWidget(button, row, 0, 1, 2, Qt.AlignmentFlag.AlignRight)
            self.step_buttons[key] = button
        self.sections[key] = box
        return box

    def _run_panel(self, folder: Optional[QgsProcessingParameterDefinition]) -> QWidget:
        panel = QWidget()
        panel.setObjectName("espRunPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 4, 6, 6)

        folder_row = QHBoxLayout()
        label = QLabel(folder.description() if folder is not None
                       else self.tr("Output folder"))
        help_text = folder.help() if folder is not None else ""
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setObjectName("esp_OUTPUT_FOLDER")
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder_widget.setToolTip(help_text)
        self.folder_widget.setSizePolicy(QSizePolicy.Policy.Expanding,
                                         QSizePolicy.Policy.Fixed)
        self.folder_widget.setFilePath(self.default_folder())
        self.folder_widget.fileChanged.connect(self._folder_changed)
        label.setBuddy(self.folder_widget)
        label.setToolTip(help_text)
        folder_row.addWidget(label)
        folder_row.addWidget(self.folder_widget, 1)
        layout.addLayout(folder_row)
        layout.addLayout(self._engine_row())

        buttons = QHBoxLayout()
        self.run_all_button = QPushButton(QgsApplication.getThemeIcon("/mActionStart.svg"),
                                          self.tr("Run all"))
        self.run_all_button.setObjectName("espRunAll")
        self.run_all_button.setToolTip(self.tr("Run the four stages one after the other."))
        self.run_all_button.setDefault(True)
        self.run_all_button.clicked.connect(lambda _checked=False: self.run_all())
        self.cancel_button = QPushButton(QgsApplication.getThemeIcon("/mTaskCancel.svg"),
                                         self.tr("Cancel"))
        self.cancel_button.setObjectName("espCancel")
        self.cancel_button.clicked.connect(lambda _checked=False: self.cancel())
        self.report_button = QPushButton(QgsApplication.getThemeIcon("/mActionNewReport.svg"),
                                         self.tr("Open report"))
        self.report_button.setObjectName("espOpenReport")
        self.report_button.setToolTip(self.tr("Open report.html of the output folder in the "
                                              "web browser."))
        self.report_button.clicked.connect(lambda _checked=False: self.open_report())
        buttons.addWidget(self.run_all_button, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.report_button)
        layout.addLayout(buttons)

        self.progress = QProgressBar()
        self.progress.setObjectName("espProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        # Shown while a run goes and after it has finished; an idle bar looks like a field.
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("espStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self._set_status(self.tr("Choose the inputs, then run the steps one by one or all at "
                                 "once. Every product is written to the output folder."))
        self._set_busy(False)
        return panel

    def _engine_row(self) -> QHBoxLayout:
        """Where the parallel tasks run, and a button to the options that say it."""
        row = QHBoxLayout()
        self.engine_label = QLabel()
        self.engine_label.setObjectName("espEngine")
        self.engine_label.setWordWrap(True)
        font = self.engine_label.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.9)
            self.engine_label.setFont(font)
        self.engine_label.setToolTip(self.tr(
            "Where the heavy steps run their independent tasks (Omniscape windows, "
            "Circuitscape pairs, the sources' cost-distance searches, the tiles of large "
            "rasters): local worker processes or a Dask cluster, and how many workers. An "
            "algorithm's own worker count wins. Settings > Options > Processing > Providers "
            "> ESP Toolkit."))
        self.engine_button = QToolButton()
        self.engine_button.setObjectName("espEngineChange")
        self.engine_button.setText(self.tr("Change…"))
        self.engine_button.setAutoRaise(True)
        self.engine_button.setToolTip(self.tr("Open the Processing options (ESP Toolkit under "
                                              "Providers)."))
        self.engine_button.setEnabled(self.iface is not None)
        self.engine_button.clicked.connect(self._change_clicked)
        row.addWidget(self.engine_label, 1)
        row.addWidget(self.engine_button)
        self.refresh_engine()
        return row

    def refresh_engine(self, *_args: Any) -> None:
        """Show the engine settings as they are now."""
        self.engine_label.setText(self.tr("Parallel tasks: {engine}").format(
            engine=engine_summary()))

    def _change_clicked(self, _checked: bool = False) -> None:
        self.change_engine()

    def change_engine(self) -> bool:
        """Open QGIS's Processing options, where the engine is set; False without QGIS."""
        if self.iface is None:
            return False
        self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage="processingOptions")
        self.refresh_engine()  # the dialog is modal: the settings are saved by now
        return True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh_engine()

    # -- values ------------------------------------------------------------------------------

    def default_folder(self) -> str:
        """"esp_output" beside the project file; before it is saved, this dock's folder under
        Documents (session_folder)."""
        home = QgsProject.instance().absolutePath()
        return os.path.join(home, DEFAULT_FOLDER) if home else self._session_folder

    def output_folder(self) -> str:
        return self.folder_widget.filePath().strip() or self.default_folder()

    def set_output_folder(self, path: str) -> None:
        self._folder_auto = not path
        self.folder_widget.blockSignals(True)
        self.folder_widget.setFilePath(path or self.default_folder())
        self.folder_widget.blockSignals(False)
        self._update_report_button()

    def _folder_changed(self, _path: str) -> None:
        self._folder_auto = False
        self._update_report_button()

    def _follow_project_home(self) -> None:
        if self._folder_auto:
            self.set_output_folder("")

    def _pick_name_field(self, *_args: Any) -> None:
        """Pre-select the field that names the units (name_field)."""
        editor = self.editors.get(NAME_FIELD)
        if not isinstance(editor, FieldEditor) or editor.parent is None:
            return
        layer = editor.parent.layer()
        if layer is None or editor.value() is not None:
            return
        field = name_field(layer)
        if field is not None:
            editor.set_value(field)

    def parameters(self, first: int = 0, last: int = len(STAGES) - 1) -> Dict[str, Any]:
        """The parameter dict of esp:securitypattern for stages ``first``..``last``."""
        values: Dict[str, Any] = {}
        for name, editor in self.editors.items():
            value = editor.value()
            if value is not None:
                values[name] = value
        values[FIRST_STAGE] = first
        values[LAST_STAGE] = last
        values[OUTPUT_FOLDER] = self.output_folder()
        return values

    def values(self) -> Dict[str, str]:
        """The dock's values as text for the project (files relative to the project)."""
        project = QgsProject.instance()
        texts = {}
        for name, editor in self.editors.items():
            text = editor.state()
            if isinstance(editor, FileEditor) and text:
                text = project.writePath(text)
            texts[name] = text
        texts[OUTPUT_FOLDER] = "" if self._folder_auto else project.writePath(
            self.output_folder())
        return texts

    def restore(self, texts: Dict[str, str]) -> None:
        """Set the editors from ``values()`` texts; absent keys get the defaults."""
        project = QgsProject.instance()
        # Layers first: a field editor lists the fields of the layer chosen just before.
        ordered = sorted(self.editors.items(),
                         key=lambda item: not isinstance(item[1], LayerEditor))
        for name, editor in ordered:
            if name not in texts:
                editor.reset()
                continue
            text = texts[name]
            if isinstance(editor, FileEditor) and text:
                text = project.readPath(text)
            editor.restore(text)
        folder = texts.get(OUTPUT_FOLDER, "")
        self.set_output_folder(project.readPath(folder) if folder else "")

    def reset(self) -> None:
        self.restore({})
        self._pick_name_field()

    # -- the project -------------------------------------------------------------------------

    def _connect_project(self) -> None:
        project = QgsProject.instance()
        self._project_slots: Tuple[Tuple[Any, Callable[..., None]], ...] = (
            (project.writeProject, self._write_project),
            (project.readProject, self._read_project),
            (project.cleared, self._project_cleared),
            (project.homePathChanged, self._follow_project_home),
            (project.fileNameChanged, self._follow_project_home))
        for signal, slot in self._project_slots:
            signal.connect(slot)

    def _disconnect_project(self) -> None:
        for signal, slot in self._project_slots:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._project_slots = ()

    def _write_project(self, *_args: Any) -> None:
        # QgsProject.write(path) moves the project without a fileNameChanged signal.
        self._follow_project_home()
        state.write(QgsProject.instance(), self.values())

    def _read_project(self, *_args: Any) -> None:
        self.restore_from_project()

    def _project_cleared(self) -> None:
        self.reset()

    def restore_from_project(self) -> None:
        project = QgsProject.instance()
        if state.has_state(project):
            self.restore(state.read(project, list(self.editors) + [OUTPUT_FOLDER]))
        else:
            self._follow_project_home()

    # -- running -----------------------------------------------------------------------------

    def run_stage(self, stage: str) -> bool:
        index = STAGES.index(stage)
        return self.start(index, index)

    def run_all(self) -> bool:
        return self.start(0, len(STAGES) - 1)

    def start(self, first: int, last: int) -> bool:
        """Start a background run of stages ``first``..``last``; False when it cannot."""
        # Looked up again: the provider may have been reloaded since the dock was built.
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
        if algorithm is None or self.run is not None:
            return False
        self.refresh_engine()
        titles = stage_titles()
        stages = STAGES[first:last + 1]
        label = titles[stages[0]] if len(stages) == 1 else "{0} – {1}".format(
            titles[stages[0]], titles[stages[-1]])
        run = WorkflowRun(algorithm, self.parameters(first, last),
                          self.tr("ESP Toolkit: {stages}").format(stages=label), self)
        problem = run.check()
        if problem:
            self._report_error(problem)
            return False
        run.progressChanged.connect(self._progress_changed)
        run.stepStarted.connect(lambda n, total, step, text=label:
                                self._step_started(text, n, total, step))
        run.finished.connect(lambda ok, results, message, r=run, s=stages:
                             self._finished(r, s, ok, results, message))
        self.run = run
        self._started = time.monotonic()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Running {stages} …").format(stages=label))
        self._set_busy(True)
        run.start()
        return True

    def cancel(self) -> None:
        if self.run is not None:
            self._set_status(self.tr("Cancelling …"))
            self.run.cancel()

    def is_running(self) -> bool:
        return self.run is not None

    def _progress_changed(self, value: float) -> None:
        self.progress.setValue(int(round(value)))

    def _step_started(self, stages: str, n: int, total: int, step: str) -> None:
        if self.run is not None and not self.run.cancelled:
            self._set_status(self.tr("Running {stages}, step {n} of {total}: {step} …").format(
                stages=stages, n=n, total=total, step=step))

    def _finished(self, run: WorkflowRun, stages: Tuple[str, ...], ok: bool,
                  results: Dict[str, Any], message: str) -> None:
        self.run = None
        self._set_busy(False)
        seconds = time.monotonic() - self._started
        self.progress.setVisible(ok and not run.cancelled)
        if run.cancelled:
            self.progress.setValue(0)
            self._set_status(self.tr("Cancelled."))
        elif not ok:
            self.progress.setValue(0)
            self._report_error(message or self.tr("The run failed; see the Processing log."))
        else:
            self.progress.setValue(100)
            folder = run.parameters[OUTPUT_FOLDER]
            self.last_loaded = load_products(QgsProject.instance(), folder, stages, results,
                                             units=run.parameters.get("UNITS"))
            text = self.tr("Done in {seconds:.0f} s: {count} layers added to the group "
                           "“ESP Toolkit”. Every product is in {folder}.").format(
                seconds=seconds, count=len(self.last_loaded), folder=folder)
            self._set_status(text)
            if self.iface is not None:
                self.iface.messageBar().pushMessage(self.tr("ESP Toolkit"), text,
                                                    Qgis.MessageLevel.Success, 8)
                self.iface.mapCanvas().refreshAllLayers()
        self._update_report_button()
        self.runFinished.emit(ok and not run.cancelled)

    def _report_error(self, message: str) -> None:
        self._set_status(message, error=True)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(self.tr("ESP Toolkit"), message,
                                                Qgis.MessageLevel.Critical, 0)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def _set_busy(self, busy: bool) -> None:
        ready = not busy and self.available
        for button in self.step_buttons.values():
            button.setEnabled(ready)
        self.run_all_button.setEnabled(ready)
        self.cancel_button.setEnabled(busy)
        self.report_button.setEnabled(not busy and self.report_path() is not None)

    # -- the report --------------------------------------------------------------------------

    def report_path(self) -> Optional[str]:
        path = BY_KEY["REPORT"].path(self.output_folder())
        return path if os.path.exists(path) else None

    def _update_report_button(self) -> None:
        self.report_button.setEnabled(self.run is None and self.report_path() is not None)

    def open_report(self) -> bool:
        path = self.report_path()
        return bool(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    # -- leaving -----------------------------------------------------------------------------

    def close_down(self) -> None:
        """Before the plugin unloads: stop a run and let go of the project's signals."""
        if self.run is not None:
            self.run.cancel()
        self._disconnect_project()


def session_folder() -> str:
    """A new folder for an unsaved project's runs: Documents/ESP Toolkit/<date>_<time> (the
    home folder without Documents), where the user finds it again, unlike the temporary
    folder, which the system empties."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = documents if documents and os.path.isdir(documents) else os.path.expanduser("~")
    return os.path.join(base, SESSION_FOLDER, time.strftime("%Y-%m-%d_%H%M%S"))


#: Field names that hold a unit's name, most telling first (compared in lower case).
NAME_FIELDS = ("name", "名称", "名字", "name_zh", "name_cn", "county", "county_name",
               "县名", "xzqmc", "mc")
#: Words of field names that say the field holds codes or ids, not names.
CODE_WORDS = ("code", "id", "fid", "gid", "objectid", "adcode", "dm", "bm")
CODE_PARTS = ("代码", "编码", "编号")


def name_field(layer: Any) -> Optional[str]:
    """The text field that names the units: a name-like field (name, NAME, 名称 ...), else
    the first text field that holds no codes ("430102"); None when there is none."""
    texts = [field.name() for field in layer.fields() if field_kind(field) == "string"]
    by_lower = {name.lower(): name for name in reversed(texts)}
    for wanted in NAME_FIELDS:
        if wanted in by_lower:
            return by_lower[wanted]
    for name in texts:
        if "name" in name.lower() or "名" in name:
            return name
    for name in texts:
        if not _code_like(name) and not _holds_codes(layer, name):
            return name
    return None


def _code_like(name: str) -> bool:
    words = re.split(r"[^0-9a-z]+", name.lower())
    return any(word in CODE_WORDS for word in words) or any(part in name for part in CODE_PARTS)


def _holds_codes(layer: Any, field: str) -> bool:
    """Whether the field's first values are all digits (administrative codes)."""
    values = [feature[field] for feature in layer.getFeatures(
        QgsFeatureRequest().setLimit(20).setSubsetOfAttributes([field], layer.fields()))]
    texts = [str(value).strip() for value in values if not is_null(value)]
    return bool(texts) and all(text.isdigit() for text in texts)
