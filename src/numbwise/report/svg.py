"""A few SVG drawing helpers for the charts: plain strings, attributes only (the web's CSP allows no style), no library."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

FONT = "DejaVu Sans, Verdana, sans-serif"
INK = "#1a1a1a"
MUTED = "#595959"  # 7:1 on white: axis text stays readable when small
RULE = "#bfbfbf"
# Okabe-Ito, safe for the common kinds of colour blindness; each series also differs by shape or dash.
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
GREEN = "#009E73"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
GREY = "#9e9e9e"


@dataclass(frozen=True)
class Frame:
    """The size a chart is drawn for, in CSS pixels, with its text size: print and phone differ."""

    width: int
    font: float  # px at the drawn width

    @property
    def small(self) -> float:
        """Tick labels and notes: a little smaller than the body text, never tiny."""
        return round(self.font * 0.9, 1)


PRINT = Frame(680, 11.0)  # 182 mm of A4 text width: 11 units is about 8.4 pt on paper
SCREEN = Frame(420, 14.0)  # shown at most 480 px wide; at 343 px (a 375 px phone) text is about 11.4 px


def num(x: float) -> str:
    """Coordinates with at most one decimal, so the same data gives the same bytes."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text(x: float, y: float, words: str, size: float, *, fill: str = INK, anchor: str = "start", weight: str = "normal",
         baseline: str = "auto") -> str:
    """One line of text; anchor is start, middle or end."""
    attrs = f'x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if weight != "normal":
        attrs += f' font-weight="{weight}"'
    if baseline != "auto":
        attrs += f' dominant-baseline="{baseline}"'
    return f"<text {attrs}>{escape(words)}</text>"


def line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1.0, dash: str = "") -> str:
    """A straight line; dash is an SVG dash array or empty."""
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke="{stroke}" stroke-width="{num(width)}"{extra}/>'


def rect(x: float, y: float, w: float, h: float, fill: str, *, stroke: str = "none", rx: float = 0, width: float = 1.0) -> str:
    """A filled rectangle, optionally outlined and rounded."""
    extra = f' stroke="{stroke}" stroke-width="{num(width)}"' if stroke != "none" else ""
    if rx:
        extra += f' rx="{num(rx)}"'
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(max(w, 0))}" height="{num(max(h, 0))}" fill="{fill}"{extra}/>'


def polyline(points: list[tuple[float, float]], stroke: str, width: float = 2.0, dash: str = "") -> str:
    """A connected line through the points."""
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
    return f'<polyline points="{pts}" fill="none" stroke="{stroke}" stroke-width="{num(width)}" stroke-linejoin="round"{extra}/>'


def dots(points: list[tuple[float, float]], r: float, colour: str) -> str:
    """Many round dots as one path (two arcs each): a year of entries stays one element, quick to lay out."""
    d = "".join(f"M{num(x - r)} {num(y)}a{num(r)} {num(r)} 0 1 0 {num(2 * r)} 0a{num(r)} {num(r)} 0 1 0 {num(-2 * r)} 0" for x, y in points)
    return f'<path d="{d}" fill="{colour}" fill-opacity="0.45" stroke="{colour}" stroke-width="0.6"/>'


def document(width: float, height: float, body: list[str], title: str) -> str:
    """The whole SVG: a viewBox that scales, a title for tools that show one, fonts named once."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}"'
        f" font-family={quoteattr(FONT)}>"
        f"<title>{escape(title)}</title>"
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def text_width(words: str, size: float) -> float:
    """A safe guess of how wide a line of DejaVu Sans text is (its glyphs average about 0.6 em)."""
    return len(words) * size * 0.62
