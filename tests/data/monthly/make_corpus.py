"""Build the operations-report test corpus: an office's monthly sheet whose April 2023 holds one of each data exception.

Run `python tests/data/monthly/make_corpus.py` to regenerate; the generated file is committed and
tests/unit/test_monthly_report.py states what the report of each period must say (and that
regenerating changes no byte). Years stay before the embedded report's year (2024) so the sheet
never collides with the seed data. April 2023 against April 2022: 科普图文 falls 40% (yoy_drop),
科普短视频 rises 50% (yoy_jump), 总访问量 was reported January–March and not in April (missing_month),
粉丝增长 is flat.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CRLF = "\r\n"
OUT = [HERE]
HEADER = ["年份", "月份", "科普图文", "科普短视频", "总访问量", "粉丝增长"]


def rows() -> list[list]:
    found = [HEADER]
    for month in range(1, 13):
        found.append([2022, month, 100, 20, 10000, 1000])
    for month in range(1, 4):
        found.append([2023, month, 100, 20, 10000, 1000])
    found.append([2023, 4, 60, 30, "", 1000])
    return found


def build() -> list[str]:
    text = CRLF.join(",".join(str(cell) for cell in row) for row in rows()) + CRLF
    name = "months_2022_2023.csv"
    (OUT[0] / name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return [name]


if __name__ == "__main__":
    build()
