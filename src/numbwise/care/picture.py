"""Exercise pictures for a character grid: rasterise the SVG (resvg) and pair pixel rows for half-block cells.

Pure data out: each cell is (top, bottom), each an RGB tuple or None for no ink, so a face can draw
it with "▀" / "▄" / "█" and colours, and a test can read it. Renderings are cached per file and size.
"""

from __future__ import annotations

import functools
import struct
import zlib
from pathlib import Path

RGB = tuple[int, int, int]
Cell = tuple[RGB | None, RGB | None]
Grid = tuple[tuple[Cell, ...], ...]
ALPHA_INK = 96  # a pixel at least this opaque counts as ink
PAPER_LUMA = 200  # lighter pixels (white fills) are paper, not ink
INK_SHARE = 5  # a cell pixel is ink when at least 1/INK_SHARE of its block is


class PictureError(ValueError):
    """The picture could not be drawn (missing file, bad SVG, or a PNG shape we do not read)."""


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png_rgba(data: bytes) -> tuple[int, int, list[bytearray]]:
    """Width, height and RGBA rows of an 8-bit, non-interlaced RGBA PNG (what resvg writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise PictureError("not a PNG")
    pos, idat, width, height = 8, bytearray(), 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if (depth, colour, interlace) != (8, 6, 0):
                raise PictureError(f"unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(bytes(idat))
    stride, bpp = width * 4, 4
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        row = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up = prev[i]
            ul = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                row[i] = (row[i] + left) & 0xFF
            elif ftype == 2:
                row[i] = (row[i] + up) & 0xFF
            elif ftype == 3:
                row[i] = (row[i] + ((left + up) >> 1)) & 0xFF
            elif ftype == 4:
                row[i] = (row[i] + _paeth(left, up, ul)) & 0xFF
        rows.append(row)
        prev = row
    return width, height, rows


def downsample(width: int, rows: list[bytearray], factor: int) -> tuple[int, list[list[RGB | None]]]:
    """Shrink by `factor`: a block is ink when enough of it is (thin lines survive), coloured by its darkest ink.

    Ink is an opaque pixel that is not near-white: white fills are paper, so outline drawings stay outlines.
    """
    out_w = width // factor
    need = max(1, (factor * factor) // INK_SHARE)
    out: list[list[RGB | None]] = []
    for by in range(0, len(rows) - factor + 1, factor):
        line: list[RGB | None] = []
        for bx in range(out_w):
            best: RGB | None = None
            darkest, count = 256.0, 0
            for row in rows[by:by + factor]:
                for x in range(bx * factor, bx * factor + factor):
                    r, g, b, a = row[x * 4], row[x * 4 + 1], row[x * 4 + 2], row[x * 4 + 3]
                    luma = 0.3 * r + 0.59 * g + 0.11 * b
                    if a >= ALPHA_INK and luma < PAPER_LUMA:
                        count += 1
                        if luma < darkest:
                            best, darkest = (r, g, b), luma
            line.append(best if count >= need else None)
        out.append(line)
    return out_w, out


def pixels_to_cells(pixels: list[list[RGB | None]]) -> Grid:
    """Pair pixel rows into half-block cells (top, bottom); no ink is None."""
    out: list[tuple[Cell, ...]] = []
    for y in range(0, len(pixels), 2):
        top = pixels[y]
        bottom = pixels[y + 1] if y + 1 < len(pixels) else [None] * len(top)
        out.append(tuple(zip(top, bottom)))
    return tuple(out)


SUPERSAMPLE = 4


@functools.lru_cache(maxsize=64)
def render_cells(path: Path, columns: int) -> Grid:
    """The picture at `columns` cells wide (one pixel per column, two per row); cached."""
    if not path.is_file():
        raise PictureError(f"{path.name}: file is missing")
    try:
        import resvg_py

        png = resvg_py.svg_to_bytes(svg_path=str(path), width=columns * SUPERSAMPLE)
    except (ValueError, OSError) as exc:
        raise PictureError(f"{path.name}: {exc}") from None
    width, _, rows = decode_png_rgba(bytes(png))
    return trim(pixels_to_cells(downsample(width, rows, SUPERSAMPLE)[1]))


def trim(grid: Grid) -> Grid:
    """Drop blank rows above and below the drawing (screen height is precious)."""
    rows = list(grid)
    while rows and all(cell == (None, None) for cell in rows[0]):
        rows.pop(0)
    while rows and all(cell == (None, None) for cell in rows[-1]):
        rows.pop()
    return tuple(rows)


def as_text(grid: Grid) -> str:
    """The grid as plain half-block text with no colour (for captures and tests)."""
    chars = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
    return "\n".join("".join(chars[(t is not None, b is not None)] for t, b in row).rstrip() for row in grid)
