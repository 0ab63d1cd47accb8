"""A Timeline (archive/timeline.py) as a stacked bar chart: SVG written by hand (standard
library only), PNG through cairosvg when it is installed (the `[serve]` extra).

The same SVG is what the Datasette pages embed and what `tuyengiao stats --chart` writes.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from tuyengiao_crawler.archive.timeline import Timeline
from tuyengiao_crawler.errors import TuyengiaoError

# Tableau 10: distinct, colour-blind-friendly enough for eight series and "other".
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
WIDTH, HEIGHT = 800, 400
LEFT, RIGHT, TOP, BOTTOM = 50, 20, 40, 110


def nice_ceiling(value: int) -> int:
    """The axis top: the smallest 1, 2 or 5 times a power of ten not below `value`."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def svg_chart(timeline: Timeline) -> str:
    """The timeline as an SVG document: one bar per month, one coloured part per series,
    a title, a y axis, month labels (at most ~16) and a legend. Each part has a
    <title> tooltip "MONTH · SERIES: COUNT"."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    months = timeline.months
    peak = nice_ceiling(max(timeline.totals(), default=0) or 1)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11"'
        ' class="tg-chart" role="img">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">{escape(timeline.title)}</text>',
    ]
    steps = peak if peak < 5 else 5  # whole numbers on the axis
    for i in range(steps + 1):
        y = TOP + plot_h - plot_h * i / steps
        label = f"{peak * i // steps:,}"
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    if not months:
        out.append(
            f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h / 2}" text-anchor="middle">'
            "không có dữ liệu · no data</text></svg>"
        )
        return "\n".join(out)
    slot = plot_w / len(months)
    bar = min(max(slot * 0.8, 0.5), 48)  # a lone month is a bar, not a wall
    every = max(1, -(-len(months) // 16))
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(timeline.series)}
    for m, month in enumerate(months):
        x = LEFT + m * slot + (slot - bar) / 2
        base = TOP + plot_h
        for name, values in timeline.series.items():
            if not values[m]:
                continue
            h = plot_h * values[m] / peak
            base -= h
            tip = escape(f"{month} · {name}: {values[m]}")
            out.append(
                f'<rect class="mark" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}"'
                f' height="{h:.1f}" fill="{colours[name]}"><title>{tip}</title></rect>'
            )
        if m % every == 0:
            lx, ly = LEFT + m * slot + slot / 2, TOP + plot_h + 8
            out.append(
                f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="end"'
                f' transform="rotate(-60 {lx:.1f} {ly:.1f})">{month}</text>'
            )
    out.append(
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"'
        ' stroke="#333"/>'
    )
    x, y = LEFT, HEIGHT - 30
    for name, colour in colours.items():
        out.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{y}">{escape(name)}</text>'
        )
        x += 24 + 7 * min(len(name), 28)
        if x > WIDTH - 220:
            x, y = LEFT, y + 16
    out.append("</svg>")
    return "\n".join(out)


def write_chart(timeline: Timeline, out: str | Path) -> Path:
    """Write the chart to `out`: SVG or PNG by its suffix."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise TuyengiaoError(f"--out {out!r}: give a file ending in .svg or .png")
    svg = svg_chart(timeline)
    if suffix == ".svg":
        path.write_text(svg, encoding="utf-8")
        return path
    try:
        import cairosvg
    except (ImportError, OSError) as exc:
        raise TuyengiaoError(
            f"PNG charts need cairosvg and the cairo library ({exc.__class__.__name__});"
            " install the [serve] extra, or write .svg"
        ) from None
    cairosvg.svg2png(bytestring=svg.encode("utf-8"), write_to=str(path), output_width=WIDTH * 2)
    return path
