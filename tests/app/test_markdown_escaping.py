"""Text from a file or a person never becomes a link or an image (issue 20, items 4 and 5).

An institution name and an uploaded column name carry an image, a Markdown link, a numeric-IP URL
and an intranet URL; every place of the rendered pages that Streamlit reads as Markdown (titles,
captions, alerts, markdown, widget labels and help, expander and tab titles) is checked for the
syntax of a link or an image and for anything an autolinker would link.
"""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from museum.store import db, migrations
from tests.app.conftest import open_page, signed_in
from ui import text

HOSTILE = "![i](http://attacker/x.png)[登录](http://z) http://2130706433:8799/a www.evil.example a@b.example"
MARKDOWN_KINDS = ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success", "error")
WIDGET_KINDS = ("selectbox", "checkbox", "button", "text_input", "text_area", "radio", "number_input", "multiselect")
# what a GFM renderer links in text once escapes are resolved: scheme URLs, www. hosts, e-mail addresses
AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp)://|\bwww\.|[\w.+-]@[\w-]+\.\w")


def live_markup(source: str) -> list[str]:
    """The links and images a Markdown renderer would make of `source`: link or image syntax left
    unescaped, raw HTML or <autolinks>, or an autolink literal in the text the escapes leave."""
    unescaped_syntax = re.sub(r"\\.", "", source)  # an escaped character is text
    found = re.findall(r"!?\[[^\]]*\]\s*\(|<[a-zA-Z/]", unescaped_syntax)
    visible = re.sub(r"\\(.)", r"\1", source)
    return found + AUTOLINK.findall(visible)


def markdown_places(at: AppTest) -> list[str]:
    places = [element.value for kind in MARKDOWN_KINDS for element in getattr(at, kind)]
    for kind in WIDGET_KINDS:
        for widget in getattr(at, kind):
            places += [widget.label, getattr(widget, "help", None) or ""]
    places += [e.label for e in at.expander] + [tab.label for tab in at.tabs]
    return [str(p) for p in places if p]


def test_plain_leaves_no_link_image_or_autolink():
    for sample in (HOSTILE, "http://intranet/x", "HTTPS://10.0.0.1/", "<a href=x>y</a>", "mailto:a@b.c", "&lt;b&gt;"):
        assert live_markup(text.plain(sample)) == [], sample
        assert re.sub(r"\\(.)", r"\1", text.plain(sample)).replace(text.WORD_JOINER, "") == sample
    assert live_markup(HOSTILE)  # the checker sees what it is for


def test_an_institution_name_and_a_column_name_reach_no_page_as_a_link(empty_db_path):
    with db.session(empty_db_path) as con:  # registered first: the institution every page is about
        migrations.migrate(con)
        con.execute("insert into institution (name, created_at) values ($name, now())", {"name": f"示例馆 {HOSTILE}"})
    at = open_page("app_pages/upload.py", "zh", session=signed_in("editor"))
    content = f"年份,月份,科普图文,{HOSTILE}图文发布数\n2022,1,301,5\n".encode("utf-8")
    at.file_uploader(key="intake_file").upload("月报.csv", content, "text/csv")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{HOSTILE}图文发布数" in shown for shown in visible(at))  # the mapping step's label, as typed
    assert [(p, live_markup(p)) for p in markdown_places(at) if live_markup(p)] == []
    for page in ("app_pages/overview.py", "app_pages/profile.py", "app_pages/history.py"):
        at.switch_page(page).run()
        assert not at.exception, page
        if page != "app_pages/history.py":  # the pages with the subtitle show the name as typed
            assert any(f"示例馆 {HOSTILE}" in shown for shown in visible(at)), page
        assert [(p, live_markup(p)) for p in markdown_places(at) if live_markup(p)] == [], page


def visible(at: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", p).replace(text.WORD_JOINER, "") for p in markdown_places(at)]
