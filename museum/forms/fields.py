"""The 事业单位法人年度报告's fields in the portal's order, and what the latest imported report says of them."""

from __future__ import annotations

import re

import pandas as pd

# (key as the parser names it, label as the museum's portal prints it), in the portal's order.
FIELDS = (
    ("name", "单位名称"),
    ("purpose", "宗旨和业务范围"),
    ("address", "住所"),
    ("legal_representative", "法定代表人"),
    ("startup_capital", "开办资金"),
    ("funding_source", "经济来源"),
    ("sponsor", "举办单位"),
    ("assets_year_start", "年初数(万元)"),
    ("assets_year_end", "年末数(万元)"),
    ("website", "网上名称"),
    ("headcount", "从业人数"),
    ("compliance_statement", "对《条例》和实施细则有关变更登记规定的执行情况"),
    ("activities", "开展业务活动情况"),
    ("qualifications", "相关资质认可或执业许可证明文件及有效期"),
    ("performance_and_litigation", "绩效和受奖惩及诉讼投诉情况"),
    ("donations", "接收捐赠资助及使用情况"),
)
LABELS = dict(FIELDS)
KEYS = {label: key for key, label in FIELDS}
# Fields the database does not hold as figures: they come from the latest imported report.
FROM_REPORT = ("name", "purpose", "address", "legal_representative", "funding_source", "sponsor",
               "compliance_statement", "qualifications", "performance_and_litigation", "donations")
PLACEHOLDER = "【待填：{what}】"
TO_WRITE = "【待填写】"
_YEAR_AT_START = re.compile(r"^\s*(19|20)\d{2}(?=年)")


def placeholder(what: str) -> str:
    return PLACEHOLDER.format(what=what)


def has_placeholder(text: str) -> bool:
    """Whether a field's text still holds a 【待填：…】 or 【待填写】 mark."""
    return "【待填" in text


def latest_report(profile: pd.DataFrame, year: int) -> dict[str, str]:
    """field -> value of the latest imported report of `year` or before (else the latest of any year)."""
    if profile.empty:
        return {}
    years = sorted({int(y) for y in profile["year"]})
    earlier = [y for y in years if y <= year]
    chosen = earlier[-1] if earlier else years[-1]
    rows = profile[profile["year"] == chosen]
    return {str(r.field): str(r.value) for r in rows.itertuples() if r.value is not None and not pd.isna(r.value)}


def for_year(text: str, year: int) -> str:
    """A statement of another year ("2024年,能遵守…") said of `year`."""
    return _YEAR_AT_START.sub(str(year), text, count=1)


def website(text: str | None) -> str:
    """网上名称: the registered ".公益" name, else 无 (as the filing guide says)."""
    text = (text or "").strip()
    return text if text.endswith(".公益") else "无"
