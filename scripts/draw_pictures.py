#!/usr/bin/env python3
"""Draw the exercise pictures (simple line art) into knowledge/pictures/, titled with each step's alt text.

Run it after changing a drawing or an alt text; the SVG files it writes are checked in.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "src" / "numbwise" / "knowledge"
INK, FILL, ARROW, OTHER = "#1f2933", "#ffffff", "#1a7f5a", "#eef4fb"
OUTLINE = 3.0

Pt = tuple[float, float]


class Pic:
    """An SVG canvas of outlined capsules (limbs) and arrows, drawn back to front."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def limb(self, pts: list[Pt], width: float, fill: str = FILL) -> None:
        d = "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in pts)
        self.parts.append(
            f'<path d="{d}" stroke="{INK}" stroke-width="{width + 2 * OUTLINE:.1f}"/>'
            f'<path d="{d}" stroke="{fill}" stroke-width="{width:.1f}"/>'
        )

    def curve(self, d: str, width: float, fill: str = FILL) -> None:
        self.parts.append(
            f'<path d="{d}" stroke="{INK}" stroke-width="{width + 2 * OUTLINE:.1f}"/>'
            f'<path d="{d}" stroke="{fill}" stroke-width="{width:.1f}"/>'
        )

    def circle(self, c: Pt, r: float, fill: str = FILL) -> None:
        self.parts.append(f'<circle cx="{c[0]:.1f}" cy="{c[1]:.1f}" r="{r:.1f}" fill="{fill}" stroke="{INK}" stroke-width="{OUTLINE}"/>')

    def line(self, a: Pt, b: Pt, colour: str = INK, width: float = OUTLINE) -> None:
        self.parts.append(f'<path d="M{a[0]:.1f} {a[1]:.1f} L{b[0]:.1f} {b[1]:.1f}" stroke="{colour}" stroke-width="{width}"/>')

    def arrow(self, a: Pt, ctrl: Pt, b: Pt, both: bool = False) -> None:
        """A curved arrow from a to b (through the pull of ctrl), head at b (and at a when both)."""
        self.parts.append(
            f'<path d="M{a[0]:.1f} {a[1]:.1f} Q{ctrl[0]:.1f} {ctrl[1]:.1f} {b[0]:.1f} {b[1]:.1f}" stroke="{ARROW}" stroke-width="4"/>'
        )
        for tip, back in [(b, ctrl)] + ([(a, ctrl)] if both else []):
            ang = math.atan2(tip[1] - back[1], tip[0] - back[0])
            left = (tip[0] - 13 * math.cos(ang - 0.45), tip[1] - 13 * math.sin(ang - 0.45))
            right = (tip[0] - 13 * math.cos(ang + 0.45), tip[1] - 13 * math.sin(ang + 0.45))
            self.parts.append(
                f'<path d="M{left[0]:.1f} {left[1]:.1f} L{tip[0]:.1f} {tip[1]:.1f} L{right[0]:.1f} {right[1]:.1f} Z" '
                f'fill="{ARROW}" stroke="{ARROW}" stroke-width="2" stroke-linejoin="round"/>'
            )

    def svg(self, title: str) -> str:
        body = "\n    ".join(self.parts)
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 200" width="240" height="200" role="img" aria-labelledby="t">\n'
            f'  <title id="t">{escape(title)}</title>\n'
            '  <rect x="0" y="0" width="240" height="200" fill="#ffffff"/>\n'
            f'  <g fill="none" stroke-linecap="round" stroke-linejoin="round">\n    {body}\n  </g>\n</svg>\n'
        )


def chain(start: Pt, heading: float, lengths: list[float], bends: list[float]) -> list[Pt]:
    """Points along a jointed chain: each joint turns by its bend (degrees, clockwise on screen)."""
    pts = [start]
    h = heading
    for length, bend in zip(lengths, bends):
        h += bend
        x, y = pts[-1]
        pts.append((x + length * math.cos(math.radians(h)), y + length * math.sin(math.radians(h))))
    return pts


# --- a hand seen from the thumb side: palm faces right, fingers point up when straight ---------------


def side_hand(
    p: Pic,
    fingers: tuple[float, float, float],
    wrist: float = 0.0,
    thumb: str = "along",
    origin: Pt = (105, 190),
    forearm_heading: float = -90.0,
    forearm_len: float = 70,
) -> dict[str, Pt]:
    """Forearm, palm, one finger chain (MCP, PIP, DIP bends) and the thumb; returns key points."""
    arm = chain(origin, forearm_heading, [forearm_len], [0])
    wrist_pt = arm[-1]
    palm = chain(wrist_pt, forearm_heading, [48], [wrist])
    knuckle = palm[-1]
    palm_heading = forearm_heading + wrist
    p.limb(arm, 30)
    p.limb(palm, 30)
    mcp, pip, dip = fingers
    finger = chain(knuckle, palm_heading, [30, 20, 16], [mcp, pip, dip])
    # a second, slightly offset finger line gives the hand some depth
    p.limb([(x - 3, y + 2) for x, y in finger], 14)
    p.limb(finger, 14)
    base = chain(wrist_pt, palm_heading, [14], [0])[-1]
    base = (base[0] + 12 * math.cos(math.radians(palm_heading + 90)), base[1] + 12 * math.sin(math.radians(palm_heading + 90)))
    if thumb == "along":
        th = chain(base, palm_heading + 18, [22, 18], [0, -8])
    elif thumb == "out":
        th = chain(base, palm_heading + 62, [22, 18], [0, -10])
    elif thumb == "over":  # across the front of a fist
        th = chain(base, palm_heading + 35, [22, 20], [0, 40])
    else:
        th = []
    if th:
        p.limb(th, 13)
    return {"wrist": wrist_pt, "knuckle": knuckle, "tip": finger[-1], "thumb_tip": th[-1] if th else base}


# --- a hand seen from the palm: fingers up, thumb on the right ------------------------------------------

FINGER_X = [93.0, 111.0, 129.0, 147.0]  # little, ring, middle, first
FINGER_LEN = [40.0, 52.0, 58.0, 52.0]


def palm_hand(p: Pic, spread: float = 0.0, thumb: str = "out", touch: int | None = None, fist: bool = False) -> None:
    """Palm facing the viewer; spread fans the fingers; touch = finger index the thumb meets; fist curls them."""
    p.limb([(120, 198), (120, 160)], 40)  # forearm
    p.parts.append(f'<rect x="82" y="88" width="76" height="76" rx="18" fill="{FILL}" stroke="{INK}" stroke-width="{OUTLINE}"/>')
    thumb_base = (152.0, 146.0)
    tips: list[Pt] = []
    for i, (x, length) in enumerate(zip(FINGER_X, FINGER_LEN)):
        base = (x, 92.0)
        if fist:
            p.curve(f"M{x:.1f} 94 Q{x:.1f} 70 {x + 4:.1f} 84 L{x + 4:.1f} 104", 15)
            continue
        angle = -90 + (i - 1.5) * spread
        if touch == i:
            length *= 0.72
            angle = -90 + (i - 1.5) * spread + 12
            pts = chain(base, angle, [length * 0.55, length * 0.45], [0, 30])
        else:
            pts = chain(base, angle, [length], [0])
        p.limb(pts, 15)
        tips.append(pts[-1])
    if fist:
        p.limb([thumb_base, (140, 118), (112, 110)], 15)
        return
    if touch is not None:
        target = tips[touch] if touch < len(tips) else tips[-1]
        mid = ((thumb_base[0] + target[0]) / 2 + 16, (thumb_base[1] + target[1]) / 2 + 4)
        p.limb([thumb_base, mid, (target[0] + 5, target[1] + 4)], 15)
    elif thumb == "out":
        p.limb(chain(thumb_base, -45 + 0.5 * spread * -1, [26, 20], [0, 0]), 15)
    elif thumb == "across":
        p.limb([thumb_base, (128, 150), (98, 140)], 15)


# --- the drawings, one per picture file -----------------------------------------------------------------


def wrist_stretch(palm_up: bool) -> Pic:
    p = Pic()
    arm = [(10, 90), (120, 90)]
    p.limb(arm, 28)
    hand = chain((120, 90), 0, [40, 34], [75 if palm_up else 80, 8])
    p.limb(hand, 26)
    if palm_up:  # other hand holds the fingers and draws them back toward the body
        p.limb([(190, 190), (160, 150), (140, 142)], 24, OTHER)
        p.arrow((178, 118), (178, 150), (150, 168))
        p.line((40, 74), (70, 74), INK, 2)  # palm-up hint: the palm line on top
    else:  # other hand presses on the back of the hand
        p.limb([(200, 60), (168, 110), (152, 118)], 24, OTHER)
        p.arrow((200, 140), (190, 168), (150, 178))
    return p


def spider(step: str) -> Pic:
    p = Pic()
    apex = (120, 40)
    gap = {"tips_together": 14, "spread": 38, "tilt": 38}[step]
    for side in (-1, 1):
        wrist = (120 + side * gap, 170)
        palm_top = (120 + side * (gap - 4), 118)
        p.limb([(120 + side * gap, 200), wrist, palm_top], 30)
        fan = 4 if step == "tips_together" else 14
        for k in range(4):
            start = (palm_top[0] + side * (k - 1.5) * 3, palm_top[1])
            end = (apex[0] + side * (k - 1.5) * fan * 0.25, apex[1] + k * (fan * 0.6))
            p.limb([start, end], 9)
    if step == "tilt":
        p.arrow((200, 60), (235, 100), (200, 140), both=True)
    if step == "spread":
        p.arrow((70, 120), (55, 120), (40, 120))
        p.arrow((170, 120), (185, 120), (200, 120))
    return p


def hand_shake() -> Pic:
    p = Pic()
    for cx, tilt in ((75, 12), (165, -12)):
        p.limb([(cx - tilt, 10), (cx, 90)], 26)
        hand = chain((cx, 90), 90 + tilt * 0.8, [36, 34], [0, 10])
        p.limb(hand, 24)
        for k in range(3):
            y = 110 + k * 22
            p.curve(f"M{cx - 42} {y} q 6 -8 12 0", 0.1)
            p.line((cx - 44, y), (cx - 36, y - 7), ARROW, 3)
            p.line((cx + 36, y - 7), (cx + 44, y), ARROW, 3)
    p.arrow((40, 190), (120, 170), (200, 190), both=True)
    return p


def tendon(step: str) -> Pic:
    p = Pic()
    shapes = {
        "straight": ((0, 0, 0), "along"),
        "hook": ((0, 100, 85), "along"),
        "full_fist": ((85, 100, 75), "over"),
        "tabletop": ((88, 0, 0), "along"),
        "straight_fist": ((75, 105, 0), "over"),
    }
    fingers, thumb = shapes[step]
    side_hand(p, fingers, thumb=thumb, origin=(95, 198))
    return p


def median(step: str) -> Pic:
    p = Pic()
    if step == "fist_thumb_out":
        side_hand(p, (85, 100, 75), thumb="over", origin=(95, 198))
    elif step == "fingers_straight":
        side_hand(p, (0, 0, 0), thumb="along", origin=(95, 198))
    elif step == "wrist_back":
        side_hand(p, (0, 0, 0), wrist=-45, thumb="along", origin=(125, 198))
        p.arrow((150, 60), (120, 40), (80, 58))
    elif step == "thumb_out":
        k = side_hand(p, (0, 0, 0), wrist=-45, thumb="out", origin=(125, 198))
        t = k["thumb_tip"]
        p.arrow((t[0] + 10, t[1] - 20), (t[0] + 30, t[1] - 5), (t[0] + 22, t[1] + 18))
    elif step == "palm_up":
        side_hand(p, (0, 0, 0), wrist=-45, thumb="out", origin=(125, 198))
        p.arrow((95, 170), (125, 195), (160, 165))
        p.arrow((160, 150), (130, 125), (98, 150))
    elif step == "thumb_stretch":
        k = side_hand(p, (0, 0, 0), wrist=-45, thumb="out", origin=(125, 198))
        t = k["thumb_tip"]
        p.limb([(235, 175), (205, 150), (t[0] + 8, t[1] + 4)], 22, OTHER)
        p.arrow((t[0] + 18, t[1] - 22), (t[0] + 40, t[1] - 18), (t[0] + 44, t[1] + 2))
    return p


def person(p: Pic) -> Pt:
    """Head and shoulders facing the viewer; returns the right shoulder (viewer's left)."""
    p.circle((150, 50), 24)
    p.limb([(120, 105), (180, 105)], 20)  # shoulders
    p.limb([(150, 105), (150, 200)], 40)  # body
    p.limb([(150, 74), (150, 95)], 12)  # neck
    p.circle((150, 50), 24)
    p.circle((141, 46), 2.5, INK)
    p.circle((159, 46), 2.5, INK)
    return (120, 105)


def ulnar(step: str) -> Pic:
    p = Pic()
    sh = person(p)
    if step in ("arm_out", "ok_sign"):
        p.limb([sh, (30, 105)], 20)
        if step == "arm_out":
            p.limb([(30, 105), (10, 103)], 18)
            p.limb([(14, 98), (4, 88)], 8)
            p.arrow((60, 80), (60, 70), (60, 60))  # palm up
        else:
            p.circle((16, 95), 9)
            p.limb([(26, 100), (6, 108)], 10)
    else:  # elbow bent, ring over the eye
        elbow = (60, 105)
        p.limb([sh, elbow], 20)
        p.limb([elbow, (110, 60)], 18)
        p.circle((141, 46), 10, "none")
        p.limb([(118, 56), (128, 70), (132, 80)], 8)
        p.arrow((50, 140), (30, 90), (80, 50))
    return p


def thumb_flex(step: str) -> Pic:
    p = Pic()
    palm_hand(p, spread=4, thumb="out" if step == "thumb_up" else "across")
    if step == "thumb_across":
        p.arrow((200, 110), (200, 160), (165, 175))
    return p


def opposition(step: str) -> Pic:
    p = Pic()
    idx = {"index": 3, "middle": 2, "ring": 1, "little": 0}[step]
    palm_hand(p, spread=6, touch=idx)
    return p


def fist_spread(step: str) -> Pic:
    p = Pic()
    if step == "fist":
        palm_hand(p, fist=True)
    else:
        palm_hand(p, spread=16, thumb="out")
        p.arrow((60, 60), (50, 50), (40, 40))
        p.arrow((195, 55), (205, 48), (215, 40))
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
        for step in ex["steps"]:
            (out / step["picture"]).write_text(DRAW[eid](step["id"]).svg(step["alt"]), encoding="utf-8")
            wanted.add(step["picture"])
    for old in out.glob("*.svg"):
        if old.name not in wanted:
            old.unlink()
    print(f"wrote {len(wanted)} pictures to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
