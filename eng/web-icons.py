#!/usr/bin/env python3
"""Draws the web app's icons into services/Web/wwwroot: a white speech bubble on the app's green.

One description of the mark makes both the SVG and the PNGs, so they cannot drift apart. Python's
standard library only (zlib for PNG): the icons are committed, and this runs again only when the
mark changes:  python3 eng/web-icons.py
"""
import math
import struct
import zlib
from pathlib import Path

WWWROOT = Path(__file__).resolve().parent.parent / "services" / "Web" / "wwwroot"
GREEN = (0x1F, 0x88, 0x3D)  # app.css's button green
WHITE = (0xFF, 0xFF, 0xFF)

# The mark on a 1 x 1 square.
BUBBLE = (0.20, 0.22, 0.80, 0.66, 0.13)  # left, top, right, bottom, corner radius
TAIL = [(0.28, 0.60), (0.48, 0.60), (0.25, 0.81)]
DOTS = [(0.36, 0.44), (0.50, 0.44), (0.64, 0.44)]
DOT_RADIUS = 0.055
CORNER = 0.22  # the "any" icon's rounded square; a maskable icon is cut by the platform instead
# A maskable icon's platform may keep only the circle of 80% of its width: the mark shrinks into it.
MASKABLE_SCALE = 0.78


def rounded_box_distance(x, y, box):
    left, top, right, bottom, radius = box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    qx = abs(x - cx) - ((right - left) / 2 - radius)
    qy = abs(y - cy) - ((bottom - top) / 2 - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def triangle_distance(x, y, points):
    nearest = math.inf
    sign = 1.0
    for i, (ax, ay) in enumerate(points):
        bx, by = points[i - 1]
        ex, ey = bx - ax, by - ay
        wx, wy = x - ax, y - ay
        t = max(0.0, min(1.0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
        nearest = min(nearest, math.hypot(wx - ex * t, wy - ey * t))
        # Crossing-number test: inside when a ray to the right crosses an odd number of edges.
        if (ay > y) != (by > y) and x < ax + (y - ay) * ex / ey:
            sign = -sign
    return sign * nearest


def scaled(points, scale):
    return [(0.5 + (px - 0.5) * scale, 0.5 + (py - 0.5) * scale) for px, py in points]


def mark(maskable):
    scale = MASKABLE_SCALE if maskable else 1.0
    left, top, right, bottom, radius = BUBBLE
    (left, top), (right, bottom) = scaled([(left, top), (right, bottom)], scale)
    return {
        "background": (0.0, 0.0, 1.0, 1.0, 0.0 if maskable else CORNER),
        "bubble": (left, top, right, bottom, radius * scale),
        "tail": scaled(TAIL, scale),
        "dots": scaled(DOTS, scale),
        "dot_radius": DOT_RADIUS * scale,
    }


def coverage(distance, pixel):
    """How much of a pixel a shape covers, from the pixel centre's distance to its edge: anti-aliasing."""
    return max(0.0, min(1.0, 0.5 - distance / pixel))


def render(size, maskable):
    shapes = mark(maskable)
    pixel = 1.0 / size
    rows = []
    for row in range(size):
        y = (row + 0.5) * pixel
        line = bytearray([0])  # PNG filter: none
        for column in range(size):
            x = (column + 0.5) * pixel
            background = coverage(rounded_box_distance(x, y, shapes["background"]), pixel)
            bubble = coverage(min(rounded_box_distance(x, y, shapes["bubble"]), triangle_distance(x, y, shapes["tail"])), pixel)
            dot = coverage(min(math.hypot(x - dx, y - dy) for dx, dy in shapes["dots"]) - shapes["dot_radius"], pixel)
            white = bubble * (1.0 - dot)
            colour = [round(g * (1.0 - white) + w * white) for g, w in zip(GREEN, WHITE)]
            line += bytes(colour + [round(255 * background)])
        rows.append(bytes(line))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def svg():
    shapes = mark(maskable=False)
    unit = 512

    def u(value):
        return f"{value * unit:g}"

    left, top, right, bottom, radius = shapes["bubble"]
    tail = " ".join(f"{u(x)},{u(y)}" for x, y in shapes["tail"])
    dots = "".join(f'<circle cx="{u(x)}" cy="{u(y)}" r="{u(shapes["dot_radius"])}"/>' for x, y in shapes["dots"])
    green = "#%02x%02x%02x" % GREEN
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {unit} {unit}">'
        f'<rect width="{unit}" height="{unit}" rx="{u(CORNER)}" fill="{green}"/>'
        f'<g fill="#fff"><rect x="{u(left)}" y="{u(top)}" width="{u(right - left)}" height="{u(bottom - top)}" rx="{u(radius)}"/>'
        f'<polygon points="{tail}"/></g>'
        f'<g fill="{green}">{dots}</g></svg>\n'
    )


def main():
    (WWWROOT / "icon.svg").write_text(svg())
    (WWWROOT / "icon-192.png").write_bytes(render(192, maskable=False))
    (WWWROOT / "icon-512.png").write_bytes(render(512, maskable=False))
    (WWWROOT / "icon-maskable-512.png").write_bytes(render(512, maskable=True))
    # iOS rounds the corners of its home-screen icons itself and shows transparency as black.
    (WWWROOT / "apple-touch-icon.png").write_bytes(render(180, maskable=True))


if __name__ == "__main__":
    main()
