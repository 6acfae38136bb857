"""Chart images for documents (issue 21): each chart rendered once to SVG, its PNG rasterised from that SVG —
the size kaleido's PNG has and the same picture — and the kaleido path kept for the benchmark's baseline."""

import io
import unicodedata

import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops, ImageStat

from museum.export import images
from museum.export.render import default_renderer


def figure(title: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=["1月", "2月", "3月"], y=[3, 5, 4]))
    fig.update_layout(title=title, font_family="Noto Sans CJK SC")
    return fig


class Counting:
    """A renderer that counts what it is asked to render (and renders it with the real one)."""

    def __init__(self):
        self.formats = []

    def render_many(self, figures, formats):
        self.formats.append(formats)
        return default_renderer().render_many(figures, formats)


def test_the_png_is_rasterised_from_the_svg_without_a_second_render():
    renderer = Counting()
    png, svg, printed = images.render({"a": figure("科普图文：各月数值")}, renderer, lambda svg: sorted(svg))
    assert renderer.formats == [("svg",)] and printed.result() == ["a"]
    direct = Image.open(io.BytesIO(default_renderer().render(figure("科普图文：各月数值"), "png"))).convert("RGB")
    made = Image.open(io.BytesIO(png["a"])).convert("RGB")
    assert made.size == direct.size == (1920, 840)
    # the same picture: the mean difference per channel is a few levels of anti-aliasing, not a missing title
    assert max(ImageStat.Stat(ImageChops.difference(made, direct)).mean) < 3


def test_the_kaleido_path_renders_twice():
    renderer = Counting()
    png, svg, _ = images.render({"a": figure("t")}, renderer, png_from="kaleido")
    assert renderer.formats == [("svg",), ("png",)] and png["a"].startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        images.render({}, renderer, png_from="cairo")


def test_the_kept_open_chromium_prints_what_the_one_off_print_prints():
    from pypdf import PdfReader

    from museum.export import pdf
    from museum.export.printer import PRINTER
    from museum.export.render import require_environment

    page = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>@page { size: A4; margin: 18mm; }'
            '</style></head><body><h1>运营月报</h1><p style="break-after: page">Page 1</p><p>Page 2</p></body></html>')
    kept, once = PRINTER.print_html(page), pdf.print_once(require_environment(), page)
    # NFKC: the extracted text of a CJK font may come out as Kangxi radicals (⽉ for 月)
    read = lambda data: [unicodedata.normalize("NFKC", p.extract_text()).strip() for p in PdfReader(io.BytesIO(data)).pages]  # noqa: E731
    assert read(kept) == read(once) == ["运营月报\nPage 1", "Page 2"]
    assert PdfReader(io.BytesIO(kept)).pages[0].mediabox == PdfReader(io.BytesIO(once)).pages[0].mediabox


def test_a_failing_kept_open_chromium_falls_back_to_the_one_off_print(monkeypatch):
    from museum.export import pdf
    from museum.export.printer import PRINTER

    def broken(page_html):
        raise RuntimeError("the browser went away")

    monkeypatch.setattr(PRINTER, "print_html", broken)
    assert pdf.print_pdf("<html><body>x</body></html>").startswith(b"%PDF")
