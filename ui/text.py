"""Text from files and people made safe for every Streamlit place that renders Markdown."""

from __future__ import annotations

import re

# Markdown's ASCII punctuation that starts syntax: links and images ([]()!), HTML (<>), entities (&),
# emphasis, code, headings, tables, lists, maths ($).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&=])")
# Autolink literals are found by the renderer in the text left after escapes are resolved, so no
# escape stops them (http://2130706433:8799/ was a live link). A word joiner (U+2060, invisible, no
# line break) after the scheme, after "www" and after "@" leaves nothing a linker recognises.
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp|file|mailto|xmpp|javascript|data|www)(?=\s*[:.])|@")
WORD_JOINER = "\u2060"


def plain(text) -> str:
    """Text from files and reports (a column name, an institution, an account) shown as typed wherever
    Streamlit renders Markdown: captions, alerts, markdown, widget labels and help, expander titles.
    Never a link, an image, HTML or emphasis."""
    joined = _AUTOLINK.sub(lambda match: match.group(0) + WORD_JOINER, str(text))
    return _SPECIAL.sub(r"\\\1", joined)
