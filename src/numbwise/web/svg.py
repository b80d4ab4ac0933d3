"""Matplotlib SVG made safe to place inline under the strict CSP: no <style>, no style="" attributes, unique ids."""

from __future__ import annotations

import re

_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_PROPERTY = re.compile(r"^[a-z-]+$")


def _attributes(match: re.Match[str]) -> str:
    """style="fill: #fff; stroke-width: 2" -> fill="#fff" stroke-width="2" (SVG presentation attributes)."""
    out = []
    for part in match.group(1).split(";"):
        name, _, value = part.partition(":")
        name, value = name.strip(), value.strip()
        if name and value and _PROPERTY.match(name) and '"' not in value:
            out.append(f' {name}="{value}"')
    return "".join(out)


def inline_svg(svg: str, prefix: str) -> str:
    """The <svg> element alone, styled by attributes only (CSP blocks inline styles), ids prefixed so charts can share a page."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("not an SVG document")
    body = svg[start:]
    body = re.sub(r"<metadata>.*?</metadata>\s*", "", body, flags=re.S)
    body = re.sub(r"<style[^>]*>.*?</style>\s*", "", body, flags=re.S)
    body = _STYLE_ATTR.sub(_attributes, body)
    body = re.sub(r'\sid="([^"]+)"', lambda m: f' id="{prefix}-{m.group(1)}"', body)
    body = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", body)
    body = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}-{m.group(1)}"', body)
    # the root: scale with its box (no fixed pt size), the outer figure carries the name, the CSS rule '*' becomes attributes
    head_end = body.index(">")
    head = re.sub(r'\s(width|height)="[^"]*"', "", body[:head_end])
    head += ' class="chart-svg" aria-hidden="true" focusable="false" stroke-linejoin="round" stroke-linecap="butt"'
    return head + body[head_end:]
