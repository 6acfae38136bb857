"""Static rendering: real Chromium, real fonts; a missing one is a clear message, not a traceback."""

import io

import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from museum import charts
from museum.export import render
from museum.export.render import ExportUnavailable, Renderer
from museum.i18n import t


def title_figure(title: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, font={"family": charts.FONT_FAMILY, "size": 28}, height=160,
                      margin={"t": 80, "b": 10, "l": 10, "r": 10})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def pixels(content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(content)).convert("RGB")


def differs(a: bytes, b: bytes) -> bool:
    return ImageChops.difference(pixels(a), pixels(b)).getbbox() is not None


def test_chinese_title_is_drawn_with_real_glyphs():
    """Without a CJK font every character is the same missing-glyph box, so different Chinese
    titles render identically and look like text made of unassigned (private-use) characters."""
    renderer = Renderer()
    size = {"width": 600, "height": 160}
    chinese = renderer.png(title_figure("科普图文"), **size)
    other_chinese = renderer.png(title_figure("技术场馆"), **size)
    tofu = renderer.png(title_figure("\ue000\ue001\ue002\ue003"), **size)
    other_tofu = renderer.png(title_figure("\ue010\ue011\ue012\ue013"), **size)
    assert not differs(tofu, other_tofu)  # the check itself: missing glyphs are indistinguishable
    assert differs(chinese, other_chinese)
    assert differs(chinese, tofu)


def test_png_is_twice_the_layout_size_and_svg_pdf_are_real():
    fig = charts.assets_bridge(2024, 63.1, 59.27, "zh", charts.Palette.for_convention("red_up"))
    renderer = Renderer()
    png = renderer.png(fig)
    assert Image.open(io.BytesIO(png)).size == (render.DEFAULT_WIDTH * 2, fig.layout.height * 2)
    svg = renderer.svg(fig)
    assert svg.startswith(b"<svg") and "年初数".encode() in svg
    pdf = renderer.pdf(fig)
    fonts = {
        str(font.get_object()["/FontDescriptor"].get_object()["/FontName"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
        if "/FontDescriptor" in font.get_object()
    }
    assert any("NotoSansCJK" in name for name in fonts), fonts


def test_missing_chromium_names_the_debian_package(monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    with pytest.raises(ExportUnavailable) as caught:
        render.require_environment()
    assert caught.value.message("zh") == t("export.no_chromium", "zh")
    assert "sudo apt-get install chromium" in caught.value.message("en")


def test_browser_path_that_does_not_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "nothing"))
    with pytest.raises(ExportUnavailable) as caught:
        render.find_chromium()
    assert caught.value.message("en") == (
        f"BROWSER_PATH points at {tmp_path / 'nothing'}, which is not an executable browser. "
        "Fix the path or install the Debian package chromium."
    )


def test_missing_cjk_font_names_the_debian_package(monkeypatch):
    monkeypatch.setattr(render, "cjk_font_families", lambda: [])
    with pytest.raises(ExportUnavailable) as caught:
        render.require_environment()
    assert caught.value.message("zh") == (
        "系统中没有中文字体，导出的图表中汉字会显示为方框。请安装 Debian 软件包 fonts-noto-cjk：sudo apt-get install fonts-noto-cjk"
    )
    assert Renderer().problem().key == "export.no_cjk_font"


def test_installed_cjk_fonts_are_found():
    assert "Noto Sans CJK SC" in render.cjk_font_families()


def test_render_many_gives_the_same_images_as_one_at_a_time():
    """The pack renders all its charts in one batch over the server's tabs: same bytes, same order."""
    import plotly.graph_objects as go

    from museum.export.render import default_renderer

    figures = {f"chart_{n}": go.Figure(go.Bar(x=["a", "b"], y=[n, n + 1])).update_layout(height=300) for n in range(3)}
    renderer = default_renderer()
    batch = renderer.render_many(figures, ("png", "svg"))
    assert list(batch) == [(name, fmt) for name in figures for fmt in ("png", "svg")]
    for (name, fmt), content in batch.items():
        assert content.startswith(b"\x89PNG" if fmt == "png" else b"<svg"), name
    # plotly names its SVG clip paths at random; apart from them a batch render is the single render
    import re

    def no_ids(svg: bytes) -> bytes:
        return re.sub(rb"[0-9a-f]{6,}", b"", svg)

    assert no_ids(batch[("chart_1", "svg")]) == no_ids(renderer.svg(figures["chart_1"]))
    assert batch[("chart_2", "png")] == renderer.png(figures["chart_2"])
