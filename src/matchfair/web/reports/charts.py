"""Charts drawn on the server as inline SVG: no JavaScript build, no network, and PDF-ready.

A report is pasted, printed and turned into a PDF; an SVG written into the page
needs nothing else to display and WeasyPrint draws it as vectors. Every chart here
is a horizontal bar chart (counts by country, funnel stages, statuses), because long
labels in Chinese, German and French fit beside a bar but not under a column.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
ROW = 24
BAR_HEIGHT = 16
LABEL_WIDTH = 250
VALUE_WIDTH = 120
LABEL_CHARACTERS = 34
COLOR = "#2b6cb0"
# Named on the SVG itself: a PDF renderer does not pass the page's CSS fonts into SVG, and
# without the Simplified Chinese face it would draw Chinese labels with Japanese glyphs.
FONTS = "Noto Sans CJK SC, DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class Bar:
    """One bar: what it counts, how much, and the value as the reader should see it."""

    label: str
    value: int | Decimal
    display: str


@dataclass(frozen=True)
class Chart:
    """A chart with its title, ready to place in a page."""

    title: str
    svg: SafeString


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def bar_chart(title: str, bars: list[Bar]) -> Chart | None:
    """A horizontal bar chart; None when there is nothing to show (no bars, or all zero)."""
    largest = max((bar.value for bar in bars), default=0)
    if largest <= 0:
        return None
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW * len(bars) + 4
    rows = []
    for index, bar in enumerate(bars):
        top = index * ROW + 4
        length = round(span * float(bar.value) / float(largest), 1)
        middle = top + BAR_HEIGHT / 2 + 4
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end">'
            f"{escape(_shorten(bar.label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{COLOR}"><title>{escape(bar.label)}: {escape(bar.display)}</title></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}">{escape(bar.display)}</text>'
        )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}" '
        f'class="chart" font-size="12" font-family="{FONTS}">{"".join(rows)}</svg>'
    )
    # Every text placed in the markup above went through escape().
    return Chart(title=title, svg=mark_safe(svg))
