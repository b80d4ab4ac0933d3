#!/usr/bin/env python3
"""Draw the exercise pictures (bold outlined hands) into knowledge/pictures/, titled with each step's alt text.

Run it after changing a drawing or an alt text; the SVG files it writes are checked in.

Drawings are made in free "model" units, then every step of one exercise is scaled by the same amount
to fill a square viewBox, so the hand keeps its size from step to step and empty space is cropped.
Outlines and arrows keep one width in every picture. Shapes are bold on purpose: the terminal player
shows them at about 60 x 30 character cells.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "src" / "numbwise" / "knowledge"

SIZE = 200  # square viewBox, in output units
MARGIN = 4.0
OUTLINE = 3.5  # outline width, output units, the same in every picture
ARROW_W = 6.0
HEAD = 17.0
INK = "#1f2933"
SKIN = "#d3dfec"  # the moving hand: a neutral blue-grey, light enough to stay paper in the terminal player, so outlines show
OTHER = "#f5f7fa"  # the helping hand: lighter, so it reads as "the other hand"
ARROW = "#1e9e62"  # light enough that the terminal player keeps it green; 3.4:1 on white
WHITE = "#ffffff"

Pt = tuple[float, float]


def polar(p: Pt, heading: float, length: float) -> Pt:
    """The point `length` away from p along heading (degrees; 0 = right, 90 = down on screen)."""
    return (p[0] + length * math.cos(math.radians(heading)), p[1] + length * math.sin(math.radians(heading)))


def chain(start: Pt, heading: float, lengths: list[float], bends: list[float]) -> list[Pt]:
    """Points along a jointed chain: each joint turns by its bend (degrees, clockwise on screen)."""
    pts = [start]
    h = heading
    for length, bend in zip(lengths, bends):
        h += bend
        pts.append(polar(pts[-1], h, length))
    return pts


def local(origin: Pt, heading: float, u: float, v: float) -> Pt:
    """A point in a frame at origin whose u axis runs along heading and v axis 90 degrees clockwise of it."""
    return polar(polar(origin, heading, u), heading + 90, v)


@dataclass
class Shape:
    """One outlined piece: a capsule chain (width > 0) or a closed polygon (width == 0)."""

    pts: list[Pt]
    width: float
    counted: bool = True  # False: may run off the canvas (a forearm), so it does not set the crop


@dataclass
class Item:
    kind: str  # "group" (shapes drawn as one silhouette), "arrow", "ring", "dot"
    shapes: list[Shape] = field(default_factory=list)
    fill: str = SKIN
    pts: list[Pt] = field(default_factory=list)
    both: bool = False
    radius: float = 0.0


class Pic:
    """A drawing in model units, back to front; svg() fits it into the square viewBox."""

    def __init__(self) -> None:
        self.items: list[Item] = []

    def group(self, shapes: list[Shape], fill: str = SKIN) -> None:
        """Several shapes outlined as one silhouette (no lines where they join)."""
        self.items.append(Item("group", shapes, fill))

    def limb(self, pts: list[Pt], width: float, fill: str = SKIN, counted: bool = True) -> None:
        self.group([Shape(pts, width, counted)], fill)

    def segments(self, pts: list[Pt], widths: list[float], fill: str = SKIN) -> None:
        """A finger: each bone its own capsule, so every bent joint shows a crease."""
        for i, w in enumerate(widths):
            self.limb(pts[i:i + 2], w, fill)

    def arrow(self, a: Pt, ctrl: Pt, b: Pt, both: bool = False) -> None:
        """A curved green arrow from a to b (pulled toward ctrl), head at b (and at a when both)."""
        self.items.append(Item("arrow", pts=[a, ctrl, b], both=both))

    def ring(self, c: Pt, r: float) -> None:
        """A green circle that marks a spot (where two fingertips meet)."""
        self.items.append(Item("ring", pts=[c], radius=r))

    def dot(self, c: Pt, r: float) -> None:
        self.items.append(Item("dot", pts=[c], radius=r))

    def mirror(self, from_item: int = 0) -> None:
        """Flip the items drawn since from_item left to right (x -> -x): a left hand from a right one."""
        for it in self.items[from_item:]:
            it.pts = [(-x, y) for x, y in it.pts]
            for sh in it.shapes:
                sh.pts = [(-x, y) for x, y in sh.pts]

    def bbox(self) -> tuple[float, float, float, float]:
        xs: list[float] = []
        ys: list[float] = []
        for it in self.items:
            if it.kind == "group":
                for s in it.shapes:
                    if s.counted:
                        for x, y in s.pts:
                            xs += [x - s.width / 2, x + s.width / 2]
                            ys += [y - s.width / 2, y + s.width / 2]
            elif it.kind == "arrow":
                for p in bezier(it.pts, 12):
                    xs.append(p[0])
                    ys.append(p[1])
            else:
                (x, y), r = it.pts[0], it.radius
                xs += [x - r, x + r]
                ys += [y - r, y + r]
        return min(xs), min(ys), max(xs), max(ys)

    def svg(self, title: str, box: tuple[float, float, float, float]) -> str:
        """The drawing fitted into the viewBox by `box` (model units), with the alt text as its title."""
        x0, y0, x1, y1 = box
        # arrow heads and outlines are in output units, so leave room for them around the model box
        room = SIZE - 2 * MARGIN - HEAD
        s = min(room / (x1 - x0), room / (y1 - y0))
        ox = SIZE / 2 - s * (x0 + x1) / 2
        oy = SIZE / 2 - s * (y0 + y1) / 2

        def pt(p: Pt) -> str:
            return f"{ox + s * p[0]:.1f} {oy + s * p[1]:.1f}"

        def at(p: Pt) -> Pt:
            return (ox + s * p[0], oy + s * p[1])

        parts: list[str] = []
        for it in self.items:
            if it.kind == "group":
                outline: list[str] = []
                inner: list[str] = []
                for sh in it.shapes:
                    d = "M" + " L".join(pt(p) for p in sh.pts)
                    if sh.width > 0:
                        outline.append(f'<path d="{d}" stroke="{INK}" stroke-width="{s * sh.width + 2 * OUTLINE:.1f}"/>')
                        inner.append(f'<path d="{d}" stroke="{it.fill}" stroke-width="{s * sh.width:.1f}"/>')
                    else:
                        outline.append(f'<path d="{d} Z" fill="{INK}" stroke="{INK}" stroke-width="{2 * OUTLINE:.1f}"/>')
                        inner.append(f'<path d="{d} Z" fill="{it.fill}"/>')
                parts += outline + inner
            elif it.kind == "arrow":
                a, c, b = (at(p) for p in it.pts)
                heads = [(b, c)] + ([(a, c)] if it.both else [])
                # stop the line short of each head so its round end does not poke through the tip
                a2 = shorten(a, c, HEAD * 0.6) if it.both else a
                b2 = shorten(b, c, HEAD * 0.6)
                parts.append(
                    f'<path d="M{a2[0]:.1f} {a2[1]:.1f} Q{c[0]:.1f} {c[1]:.1f} {b2[0]:.1f} {b2[1]:.1f}" '
                    f'stroke="{ARROW}" stroke-width="{ARROW_W}"/>'
                )
                for tip, back in heads:
                    ang = math.atan2(tip[1] - back[1], tip[0] - back[0])
                    left = (tip[0] - HEAD * math.cos(ang - 0.5), tip[1] - HEAD * math.sin(ang - 0.5))
                    right = (tip[0] - HEAD * math.cos(ang + 0.5), tip[1] - HEAD * math.sin(ang + 0.5))
                    parts.append(
                        f'<path d="M{left[0]:.1f} {left[1]:.1f} L{tip[0]:.1f} {tip[1]:.1f} L{right[0]:.1f} {right[1]:.1f} Z" '
                        f'fill="{ARROW}" stroke="{ARROW}" stroke-width="2"/>'
                    )
            elif it.kind == "ring":
                (cx, cy), r = at(it.pts[0]), s * it.radius
                parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" stroke="{ARROW}" stroke-width="{ARROW_W * 0.8:.1f}"/>')
            else:
                (cx, cy), r = at(it.pts[0]), s * it.radius
                parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{INK}"/>')
        body = "\n    ".join(parts)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" '
            'role="img" aria-labelledby="t">\n'
            f'  <title id="t">{escape(title)}</title>\n'
            f'  <rect x="0" y="0" width="{SIZE}" height="{SIZE}" fill="{WHITE}"/>\n'
            f'  <g fill="none" stroke-linecap="round" stroke-linejoin="round">\n    {body}\n  </g>\n</svg>\n'
        )


def bezier(pts: list[Pt], n: int) -> list[Pt]:
    a, c, b = pts
    out = []
    for i in range(n + 1):
        t = i / n
        out.append(((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0], (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1]))
    return out


def shorten(tip: Pt, toward: Pt, by: float) -> Pt:
    dx, dy = toward[0] - tip[0], toward[1] - tip[1]
    n = math.hypot(dx, dy) or 1.0
    return (tip[0] + dx / n * by, tip[1] + dy / n * by)


# --- a hand seen from the thumb side: the palm faces right, the fingers point up when straight -----------

PALM_LEN = 60.0
BONES = [40.0, 27.0, 22.0]  # first, middle and end bone of a finger
BONE_W = [28.0, 27.0, 25.0]
THUMB = [28.0, 24.0]
THUMB_W = [24.0, 22.0]


def forearm(p: Pic, wrist: Pt, heading: float, width: float = 42.0, fill: str = SKIN, shown: float = 26.0) -> list[Shape]:
    """The forearm from the wrist back along heading + 180; it runs off the canvas."""
    near = polar(wrist, heading + 180, shown)
    far = polar(wrist, heading + 180, 400)
    return [Shape([wrist, near], width), Shape([near, far], width, counted=False)]


def palm_side(wrist: Pt, heading: float, face: int = 1) -> Shape:
    """The palm seen from the thumb side: thick at the heel, thinner at the knuckles; face 1 = palm on the clockwise side."""
    L = PALM_LEN
    pts = [(0, -22), (L * 0.55, -20), (L, -16), (L + 4, 0), (L, 16), (L * 0.45, 26), (8, 26), (0, 22)]
    return Shape([local(wrist, heading, u, v * face) for u, v in pts], 0)


def side_hand(
    p: Pic,
    fingers: tuple[float, float, float],
    wrist_bend: float = 0.0,
    thumb: str = "along",
    wrist: Pt = (0.0, 0.0),
    arm_heading: float = -90.0,
    face: int = 1,
    fill: str = SKIN,
    shown: float = 12.0,
) -> dict[str, Pt]:
    """Forearm, palm, a jointed finger (first, middle, end joint bends, toward the palm) and the thumb.

    face 1: the palm is on the clockwise side of the hand's heading (the right when the fingers point up).
    Returns key points.
    """
    hand_heading = arm_heading + wrist_bend
    thumb_base = local(wrist, hand_heading, 14, 14 * face)
    if thumb == "behind":  # on the far side of the hand: only its edge shows past the palm
        p.segments(chain(thumb_base, hand_heading + 30 * face, THUMB, [0, -8 * face]), THUMB_W, fill)
    elif thumb == "tucked":  # resting along the palm face, mostly hidden, so the fingers' shape stays clear
        p.segments(chain(local(wrist, hand_heading, 10, 20 * face), hand_heading + 12 * face, [26, 20], [0, -10 * face]), THUMB_W, fill)
    p.group(forearm(p, wrist, arm_heading, fill=fill, shown=shown) + [palm_side(wrist, hand_heading, face)], fill)
    knuckle = local(wrist, hand_heading, PALM_LEN - 8, 1 * face)
    finger = chain(knuckle, hand_heading, BONES, [b * face for b in fingers])
    th = [thumb_base]
    if thumb == "along":  # along the palm face, under the fingers so their shape stays clear
        th = chain(thumb_base, hand_heading + 20 * face, THUMB, [0, -10 * face])
        p.segments(th, THUMB_W, fill)
        p.segments(finger, BONE_W, fill)
    elif thumb == "over":  # across the front of a fist: drawn last, nearest the viewer
        p.segments(finger, BONE_W, fill)
        th = chain(thumb_base, hand_heading + 34 * face, [32, 28], [0, 66 * face])
        p.segments(th, THUMB_W, fill)
    elif thumb == "out":
        p.segments(finger, BONE_W, fill)
        th = chain(thumb_base, hand_heading + 66 * face, THUMB, [0, -4 * face])
        p.segments(th, THUMB_W, fill)
    else:
        p.segments(finger, BONE_W, fill)
    return {"wrist": wrist, "knuckle": knuckle, "tip": finger[-1], "pip": finger[2], "thumb_tip": th[-1]}


# --- a hand seen from the palm: fingers up, thumb on the right -----------------------------------------------

# little, ring, middle, first finger: base (x along the top of the palm) and length
PALM_W, PALM_H = 84.0, 80.0
FINGER_X = [-30.0, -10.0, 10.0, 30.0]
FINGER_LEN = [50.0, 62.0, 68.0, 62.0]
FINGER_W = 19.0
THUMB_BASE = (36.0, -22.0)


def palm_shape(top: float) -> Shape:
    """A rounded palm, narrower at the wrist (y = 0) than at the knuckles (y = top)."""
    w = PALM_W / 2
    return Shape([(-w + 8, 0), (-w, top * 0.55), (-w + 2, top + 2), (w - 4, top + 2), (w + 4, top * 0.5), (w - 2, -8), (w - 14, 0)], 0)


def palm_hand(p: Pic, spread: float = 0.0, thumb: str = "out", touch: int | None = None, fist: bool = False,
              thumb_angle: float = -48.0) -> dict[str, Pt]:
    """Palm facing the viewer, wrist at (0, 0); spread fans the fingers; touch = finger the thumb meets; fist curls them."""
    top = -PALM_H
    keys: dict[str, Pt] = {}
    if fist:
        # curled fingers: the knuckle ridge over the top, the bent fingers folded down over the palm
        p.group(forearm(p, (0, 0), -90, 46) + [palm_shape(top)])
        for x in FINGER_X:
            p.limb([(x, top - 4), (x, top + 2)], FINGER_W + 2)
        for x in FINGER_X:
            p.limb([(x, top + 4), (x, top + 30)], FINGER_W + 1)
        th = [THUMB_BASE, (26.0, top + 42), (-18.0, top + 40)]
        p.segments(th, THUMB_W)
        keys["thumb_tip"] = th[-1]
        return keys
    tips: dict[int, Pt] = {}
    bases = {i: (x, top + 6) for i, x in enumerate(FINGER_X)}
    for i, (x, length) in enumerate(zip(FINGER_X, FINGER_LEN)):
        if i == touch:
            continue
        angle = -90 + (i - 1.5) * spread
        pts = chain(bases[i], angle, [length * 0.5, length * 0.5], [0, 0])
        p.limb(pts, FINGER_W)
        tips[i] = pts[-1]
    p.group(forearm(p, (0, 0), -90, 46) + [palm_shape(top)])
    if touch is not None:
        # the finger bends toward the viewer and down, so it looks shorter and leans to meet the thumb
        x = FINGER_X[touch]
        meet = {3: (27.0, top - 24), 2: (14.0, top - 14), 1: (0.0, top - 6), 0: (-16.0, top + 4)}[touch]
        mid = (x + (meet[0] - x) * 0.2, top - 22 if touch >= 2 else top - 16)
        p.segments([bases[touch], mid, meet], [FINGER_W, FINGER_W - 1])
        th = chain(THUMB_BASE, -60, [26], [0])
        p.segments([THUMB_BASE, th[-1], (meet[0] + 6, meet[1] + 8)], THUMB_W)
        p.ring((meet[0] + 2, meet[1] + 2), 17)
        keys["meet"] = meet
        return keys
    if thumb == "out":
        th = chain(THUMB_BASE, thumb_angle - spread, THUMB, [0, -6])
    elif thumb == "along":
        th = chain(THUMB_BASE, -78, THUMB, [0, -4])
    else:  # across the palm to the base of the little finger
        th = [THUMB_BASE, (18.0, top + 36), (-24.0, top + 20)]
    p.segments(th, THUMB_W)
    keys["thumb_tip"] = th[-1]
    keys.update({f"tip{i}": t for i, t in tips.items()})
    return keys


# --- the drawings, one per step --------------------------------------------------------------------------


def wrist_stretch(palm_up: bool) -> Pic:
    """Arm straight out to the right, hand bent down; the lighter hand on the right moves it toward the body (left)."""
    p = Pic()
    if palm_up:  # palm faces away from the body; the other hand's fingers hook over the fingertips
        k = side_hand(p, (-6, -4, 0), wrist_bend=104, thumb="along", arm_heading=0, face=-1, shown=70)
        tip = k["tip"]
        o_knuckle = (tip[0] + 34, tip[1] - 4)
        p.group([Shape([(o_knuckle[0] + 34, o_knuckle[1] + 40), (o_knuckle[0] + 140, o_knuckle[1] + 110)], 40, counted=False),
                 Shape([(o_knuckle[0] + 34, o_knuckle[1] + 40), o_knuckle], 40)], OTHER)
        p.segments([o_knuckle, (tip[0] + 2, tip[1] - 14), (tip[0] - 14, tip[1] - 30)], [20, 19], OTHER)
        p.arrow((tip[0] + 50, tip[1] - 64), (tip[0] + 20, tip[1] - 78), (tip[0] - 20, tip[1] - 60))
    else:  # palm faces the body; the other hand's palm presses on the back of the hand
        k = side_hand(p, (12, 14, 8), wrist_bend=100, thumb="behind", arm_heading=0, face=1, shown=70)
        back = local(k["wrist"], 100, PALM_LEN * 0.6, -26)  # a point on the back of the hand
        o_heel = (back[0] + 22, back[1] + 30)
        p.group([Shape([o_heel, (o_heel[0] + 100, o_heel[1] + 120)], 40, counted=False),
                 Shape([o_heel, (o_heel[0] + 30, o_heel[1] + 36)], 40)], OTHER)
        p.segments(chain((o_heel[0] - 6, o_heel[1] - 8), -100, [30, 24], [0, -14]), [20, 19], OTHER)
        p.arrow((back[0] + 64, back[1] - 44), (back[0] + 40, back[1] - 56), (back[0] + 10, back[1] - 36))
    return p


def spider_hand(p: Pic, side: int, gap: float, spread: float, apex: Pt) -> None:
    """One hand of the tent: palm low and apart, fingers meeting the other hand's at the apex."""
    wrist = (side * gap, 0.0)
    top = (side * (gap * 0.8), -56.0)
    p.group(forearm(p, wrist, -90, 38) + [Shape([wrist, top], 44)])
    for k in range(4):
        tip = (apex[0] + side * 2, apex[1] + k * spread)
        base = (top[0] - side * (k - 1.5) * 8 * (1 if gap > 20 else 0.4), top[1] - 6 + abs(k - 1.5) * 2)
        p.limb([base, tip], 13)
    thumb_tip = (apex[0] + side * 4, apex[1] + 4 * spread + 10)
    p.segments([(wrist[0] - side * 14, -20), thumb_tip], [15])


def spider(step: str) -> Pic:
    p = Pic()
    apex = (0.0, -120.0)
    if step == "tips_together":
        for side in (-1, 1):
            spider_hand(p, side, 14, 7, apex)
    else:
        for side in (-1, 1):
            spider_hand(p, side, 40, 16, apex)
    if step == "spread":
        p.arrow((-52, -40), (-70, -40), (-88, -40))
        p.arrow((52, -40), (70, -40), (88, -40))
    if step == "tilt":
        p.arrow((-80, -70), (-110, -110), (-78, -150), both=True)
        p.arrow((80, -70), (110, -110), (78, -150), both=True)
    return p


def hand_shake() -> Pic:
    """Two forearms held up and in, the hands hanging loose from the wrists, with up-and-down arrows."""
    p = Pic()
    for side in (1, -1):
        start = len(p.items)
        k = side_hand(p, (18, 16, 8), wrist_bend=128, thumb="along", wrist=(-30.0, 0.0), arm_heading=-40, shown=70)
        t = k["tip"]
        p.arrow((t[0] + 30, t[1] - 52), (t[0] + 50, t[1] - 20), (t[0] + 30, t[1] + 12), both=True)
        if side == -1:
            p.mirror(start)
    return p


TENDON = {
    "straight": ((0, 0, 0), "tucked"),
    "hook": ((-4, 100, 80), "tucked"),
    "full_fist": ((90, 100, 86), "tucked"),
    "tabletop": ((92, 0, 0), "tucked"),
    "straight_fist": ((90, 92, 0), "tucked"),
}


def tendon(step: str) -> Pic:
    p = Pic()
    fingers, thumb = TENDON[step]
    side_hand(p, fingers, thumb=thumb)
    return p


def median(step: str) -> Pic:
    p = Pic()
    if step == "fist_thumb_out":
        side_hand(p, (88, 104, 84), thumb="over")
    elif step == "fingers_straight":
        side_hand(p, (0, 0, 0), thumb="along")
    elif step == "wrist_back":
        k = side_hand(p, (0, 0, 0), wrist_bend=-48, thumb="along")
        t = k["tip"]
        p.arrow((t[0] + 62, t[1] + 6), (t[0] + 52, t[1] - 30), (t[0] + 14, t[1] - 26))
    elif step == "thumb_out":
        k = side_hand(p, (0, 0, 0), wrist_bend=-48, thumb="out")
        t = k["thumb_tip"]
        p.arrow((t[0] - 4, t[1] - 34), (t[0] + 30, t[1] - 30), (t[0] + 30, t[1] + 4))
    elif step == "palm_up":
        palm_hand(p, spread=5, thumb="out", thumb_angle=-20)
        # a turn around the forearm: an arc across the front with a head at each side's end
        p.arrow((-40, 30), (0, 62), (40, 30))
    elif step == "thumb_stretch":
        k = palm_hand(p, spread=5, thumb="out", thumb_angle=-20)
        t = k["thumb_tip"]
        o = (t[0] + 14, t[1] + 4)
        p.group([Shape([(o[0] + 40, o[1] + 70), (o[0] + 80, o[1] + 160)], 34, counted=False),
                 Shape([(o[0] + 40, o[1] + 70), (o[0] + 26, o[1] + 26)], 32)], OTHER)
        p.segments([(o[0] + 26, o[1] + 26), (o[0] + 4, o[1] + 10), (o[0] - 8, o[1] - 10)], [17, 16], OTHER)
        p.arrow((t[0] + 2, t[1] - 30), (t[0] + 34, t[1] - 34), (t[0] + 50, t[1] - 10))
    return p


def person(p: Pic) -> tuple[Pt, Pt]:
    """Head and body facing the viewer; returns the shoulder whose arm moves (viewer's left) and the eye there."""
    p.group([Shape([(0, 0), (0, 220)], 64, counted=False), Shape([(0, 0), (0, 60)], 64),
             Shape([(-34, 8), (34, 8)], 30), Shape([(0, -30), (0, 0)], 20)], WHITE)
    p.group([Shape([(0, -62), (0, -58)], 60)], WHITE)
    p.dot((-11, -64), 4)
    p.dot((11, -64), 4)
    return (-40.0, 8.0), (-11.0, -64.0)


def ulnar_hand_out(p: Pic, wrist: Pt, ok: bool) -> None:
    """The hand at the end of an arm held out to the left, palm up (seen edge on), or making an OK ring."""
    if not ok:
        p.group([Shape([wrist, (wrist[0] - 36, wrist[1] - 2)], 24)])
        p.segments(chain((wrist[0] - 34, wrist[1] - 2), 180, [22, 16], [-8, -12]), [17, 15])
        p.segments(chain((wrist[0] - 12, wrist[1] - 8), -150, [20, 16], [0, 20]), [15, 14])
    else:
        p.group([Shape([wrist, (wrist[0] - 30, wrist[1] - 4)], 24)])
        for k in range(3):  # middle, ring and little finger stand up
            p.segments(chain((wrist[0] - 28 + k * 8, wrist[1] - 8), -120 + k * 10, [22, 18], [0, 0]), [13, 12])
        p.group([Shape([(wrist[0] - 52, wrist[1] + 2), (wrist[0] - 52, wrist[1] + 2.1)], 40)])
        p.group([Shape([(wrist[0] - 52, wrist[1] + 2), (wrist[0] - 52, wrist[1] + 2.1)], 14)], WHITE)


def ulnar(step: str) -> Pic:
    p = Pic()
    shoulder, eye = person(p)
    if step in ("arm_out", "ok_sign"):
        wrist = (shoulder[0] - 130, shoulder[1] - 4)
        p.group([Shape([shoulder, wrist], 26)])
        ulnar_hand_out(p, wrist, step == "ok_sign")
    else:  # elbow bent, the ring held over the eye, the fingers along the cheek
        elbow = (shoulder[0] - 72, shoulder[1] + 6)
        ring = (eye[0] - 2, eye[1] + 2)
        wrist = (ring[0] - 34, ring[1] + 10)
        p.group([Shape([shoulder, elbow], 26)])
        p.group([Shape([elbow, wrist], 24)])
        p.group([Shape([wrist, (ring[0] - 14, ring[1] + 8)], 26)])
        for k in range(3):  # the other fingers lie along the cheek
            p.segments([(ring[0] - 6 + k * 3, ring[1] + 14), (ring[0] + 2 + k * 7, ring[1] + 38 + k * 2)], [11])
        p.group([Shape([ring, (ring[0], ring[1] + 0.1)], 34)])
        p.group([Shape([ring, (ring[0], ring[1] + 0.1)], 12)], WHITE)
        p.dot(eye, 4)
        p.arrow((shoulder[0] - 120, shoulder[1] - 10), (shoulder[0] - 120, eye[1] - 40), (eye[0] - 44, eye[1] - 30))
    return p


def thumb_flex(step: str) -> Pic:
    p = Pic()
    if step == "thumb_up":
        palm_hand(p, spread=4, thumb="out", thumb_angle=-30)
    else:
        k = palm_hand(p, spread=4, thumb="across")
        t = k["thumb_tip"]
        p.arrow((62, -80), (70, -36), (36, -30))
        p.ring(t, 16)
    return p


def opposition(step: str) -> Pic:
    p = Pic()
    idx = {"index": 3, "middle": 2, "ring": 1, "little": 0}[step]
    palm_hand(p, spread=5, touch=idx)
    return p


def fist_spread(step: str) -> Pic:
    p = Pic()
    if step == "fist":
        palm_hand(p, fist=True)
    else:
        palm_hand(p, spread=18, thumb="out", thumb_angle=-20)
        p.arrow((-58, -150), (-70, -162), (-82, -172))
        p.arrow((58, -150), (70, -162), (82, -172))
        p.arrow((86, -36), (100, -34), (112, -30))
    return p


DRAW = {
    "wrist_flexor_stretch": lambda s: wrist_stretch(True),
    "wrist_extensor_stretch": lambda s: wrist_stretch(False),
    "spider_pushups": spider,
    "hand_shake": lambda s: hand_shake(),
    "tendon_gliding": tendon,
    "median_nerve_gliding": median,
    "ulnar_nerve_glide": ulnar,
    "thumb_flexion": thumb_flex,
    "thumb_opposition": opposition,
    "fist_and_spread": fist_spread,
}


def union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def main() -> int:
    """Write one SVG per exercise step; exercises without a drawing are an error."""
    data = yaml.safe_load((KNOWLEDGE / "exercises.yaml").read_text(encoding="utf-8"))
    out = KNOWLEDGE / "pictures"
    out.mkdir(exist_ok=True)
    wanted = set()
    for eid, ex in data["exercises"].items():
        if eid not in DRAW:
            print(f"no drawing for exercise '{eid}'", file=sys.stderr)
            return 1
        pics = [(step, DRAW[eid](step["id"])) for step in ex["steps"]]
        box = union([pic.bbox() for _, pic in pics])  # one scale for the whole exercise
        for step, pic in pics:
            (out / step["picture"]).write_text(pic.svg(step["alt"], box), encoding="utf-8")
            wanted.add(step["picture"])
    for old in out.glob("*.svg"):
        if old.name not in wanted:
            old.unlink()
    print(f"wrote {len(wanted)} pictures to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
