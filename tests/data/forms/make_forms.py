"""Build the statistics-form test input: an office sheet of the form metrics, month by month.

Run `python tests/data/forms/make_forms.py` to regenerate; the file is committed and
tests/unit/test_forms_sheets.py states what each line of the two forms must read (and that
regenerating changes no byte). 2024 has all twelve months, 2025 January–October; 短期展览 is
zero all 2024 (a stored zero is "0", never "-"); 讲座参加人次 is not in the sheet at all.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
# metric -> value per month (the same each month keeps the expected sums readable)
MONTHLY = {
    "lectures": 3,
    "onsite_visitors": 12000,
    "open_days": 25,
    "education_sessions": 8,
    "popsci_funding_used": 12.5,
    "volunteer_hours": 410,
}
ZERO_IN_2024 = "short_term_exhibitions"
STOCKS = {"exhibition_area": 5200, "volunteers_registered": 860}    # written at each year's last month with data


def rows() -> list[str]:
    lines = ["Year,Month,Metric,Value,Note"]
    for year, last in ((2024, 12), (2025, 10)):
        for month in range(1, last + 1):
            for metric, value in MONTHLY.items():
                lines.append(f"{year},{month},{metric},{value:g},")
            lines.append(f"{year},{month},{ZERO_IN_2024},{0 if year == 2024 else 1},")
        for metric, value in STOCKS.items():
            lines.append(f"{year},{last},{metric},{value},")
    return lines


def main() -> None:
    (HERE / "form_values.csv").write_bytes(("\r\n".join(rows()) + "\r\n").encode("utf-8"))


if __name__ == "__main__":
    main()
