"""Charts of the report, drawn with matplotlib's object interface into PNG bytes.

No pyplot and no change to matplotlib's global rcParams: the report is written in a
Processing worker thread. Text gets a font family list that ends with a CJK font, so the
Chinese county names (and the Chinese report) draw with real glyphs; without such a font
matplotlib falls back to its default quietly.
"""

import io
import os
import threading
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ...espcore.summaries import log_histogram

#: Size of every chart on screen in pixels (inches x DPI).
CHART_DPI = 100
CHART_SIZE = (900, 450)
#: Charts are saved for print, at this many times CHART_DPI (the 9 inches of a chart then
#: fill the PDF's text width at over 400 dpi); the HTML page scales them down to CHART_SIZE.
PRINT_FACTOR = 3
#: CJK fonts tried in order (Debian fonts-wqy-microhei, fonts-noto-cjk, Windows, macOS).
CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf",
             "/System/Library/Fonts/PingFang.ttc")

_lock = threading.Lock()
_families: List[str] = []


def font_families() -> List[str]:
    """["DejaVu Sans", <a CJK font>] once a CJK font file is registered, else the default."""
    with _lock:
        if not _families:
            from matplotlib import font_manager

            families = ["DejaVu Sans"]
            for path in CJK_FONTS:
                if not os.path.exists(path):
                    continue
                try:
                    font_manager.fontManager.addfont(path)
                    families.append(font_manager.FontProperties(fname=path).get_name())
                    break
                except (OSError, RuntimeError, ValueError):
                    continue
            _families.extend(families)
        return list(_families)


def _figure(size: Tuple[int, int] = CHART_SIZE) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(size[0] / CHART_DPI, size[1] / CHART_DPI), dpi=CHART_DPI,
                    layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI * PRINT_FACTOR)
    return buffer.getvalue()


def _fonts(axes: Any, families: List[str]) -> None:
    for text in axes.get_xticklabels() + axes.get_yticklabels():
        text.set_fontfamily(families)
    axes.title.set_fontfamily(families)
    axes.xaxis.label.set_fontfamily(families)
    axes.yaxis.label.set_fontfamily(families)


def _style(axes: Any) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)


def current_histogram(values: np.ndarray, *, title: str, xlabel: str,
                      ylabel: str) -> Optional[bytes]:
    """Histogram of the positive cell currents on logarithmic bins, with lines at the median
    and the 98th percentile; None if there are none (or all are equal)."""
    histogram = log_histogram(values, edges=60, quantiles=(0.5, 0.98))
    if histogram is None:
        return None
    families = font_families()
    figure = _figure()
    axes = figure.add_subplot()
    axes.hist(histogram.values, bins=histogram.edges, color="#2b8cbe", edgecolor="white",
              linewidth=0.3)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    for quantile, style in zip(histogram.quantiles, ("-", "--")):
        axes.axvline(quantile, color="#b2182b", linestyle=style, linewidth=1)
    _style(axes)
    _fonts(axes, families)
    return _png(figure)


def stacked_bars(names: Sequence[str], parts: np.ndarray, *, part_labels: Sequence[str],
                 colours: Sequence[str], title: str, xlabel: str) -> Optional[bytes]:
    """Horizontal bars, one per name (first on top), stacked from the columns of ``parts``
    (shape (len(names), len(part_labels)))."""
    if not len(names):
        return None
    from matplotlib.font_manager import FontProperties

    families = font_families()
    figure = _figure()
    axes = figure.add_subplot()
    positions = np.arange(len(names))[::-1]
    left = np.zeros(len(names))
    for column, (label, colour) in enumerate(zip(part_labels, colours)):
        axes.barh(positions, parts[:, column], left=left, color=colour, label=label,
                  edgecolor="#555555", linewidth=0.3)
        left += parts[:, column]
    axes.set_yticks(positions, labels=list(names))
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.legend(loc="lower right", fontsize=8, prop=FontProperties(family=families, size=8))
    _style(axes)
    _fonts(axes, families)
    return _png(figure)


def grouped_bars(names: Sequence[str], series: Sequence[np.ndarray], *,
                 series_labels: Sequence[str], colours: Sequence[str], title: str,
                 xlabel: str) -> Optional[bytes]:
    """Horizontal bars in groups, one group per name (first on top), one bar per series."""
    if not len(names):
        return None
    from matplotlib.font_manager import FontProperties

    families = font_families()
    figure = _figure()
    axes = figure.add_subplot()
    count = len(series)
    height = 0.8 / count
    positions = np.arange(len(names))[::-1].astype(np.float64)
    for k, (values, label, colour) in enumerate(zip(series, series_labels, colours)):
        axes.barh(positions + (count - 1 - 2 * k) * height / 2, values, height=height,
                  color=colour, label=label)
    axes.axvline(0, color="#333333", linewidth=0.8)
    axes.set_yticks(positions, labels=list(names))
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.legend(loc="lower right", prop=FontProperties(family=families, size=8))
    _style(axes)
    _fonts(axes, families)
    return _png(figure)


def gain_curve(cost: Sequence[float], gain: Sequence[float], *, budget: float, title: str,
               xlabel: str, ylabel: str, budget_label: str) -> Optional[bytes]:
    """Cumulative connectivity gain against cumulative cost: one step per restored site (the
    first point is 0, 0), with the budget as a dashed line; None without any site."""
    if len(cost) < 2:
        return None
    from matplotlib.font_manager import FontProperties

    families = font_families()
    figure = _figure()
    axes = figure.add_subplot()
    axes.step(cost, gain, where="post", color="#1a9641", linewidth=1.6)
    axes.plot(cost, gain, "o", color="#1a9641", markersize=3)
    if np.isfinite(budget) and budget > 0:
        axes.axvline(budget, color="#b2182b", linestyle="--", linewidth=1, label=budget_label)
        axes.legend(loc="lower right", prop=FontProperties(family=families, size=8))
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_xlim(left=0)
    axes.set_ylim(bottom=0)
    _style(axes)
    _fonts(axes, families)
    return _png(figure)
