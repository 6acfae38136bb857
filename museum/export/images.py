"""A document's chart images: each chart rendered once, to SVG, by kaleido; the PNG (Word, charts/) rasterised
from that SVG by cairosvg instead of a second Chromium render, with the PDF printed meanwhile.

`png_from="kaleido"` keeps the old path (a second kaleido render per chart): the benchmark's baseline,
and the fallback on a machine without libcairo (Debian's poppler-utils and chromium bring it).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

import plotly.graph_objects as go

from museum.export.render import PNG_SCALE, Renderer

PNG_FROM = ("svg", "kaleido")


def svg_to_png(svg: bytes, scale: int = PNG_SCALE) -> bytes:
    """The PNG of a chart's SVG at `scale` (the size kaleido's PNG has); no external file is read."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg, scale=scale, unsafe=False)


def rasteriser_available() -> bool:
    try:
        import cairosvg  # noqa: F401 (imports libcairo through cairocffi)
    except (ImportError, OSError):
        return False
    return True


def render(figures: dict[str, go.Figure], renderer: Renderer, with_svg: Callable[[dict[str, bytes]], object] | None = None,
           png_from: str = "svg") -> tuple[dict[str, bytes], dict[str, bytes], Future | None]:
    """(png, svg, future): every chart's SVG in one batch, then — while `with_svg(svg)` runs on its own
    thread (the PDF print) — the PNGs. The future holds what `with_svg` returned."""
    if png_from not in PNG_FROM:
        raise ValueError(f"png_from must be one of {PNG_FROM}")
    svg = {name: content for (name, _), content in renderer.render_many(figures, ("svg",)).items()}
    with ThreadPoolExecutor(max_workers=1) as worker:
        future = worker.submit(with_svg, svg) if with_svg else None
        if png_from == "svg" and rasteriser_available():
            png = {name: svg_to_png(content) for name, content in svg.items()}
        else:
            png = {name: content for (name, _), content in renderer.render_many(figures, ("png",)).items()}
        if future is not None:
            future.result()  # wait inside the pool: an error surfaces here
    return png, svg, future
