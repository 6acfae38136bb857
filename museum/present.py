"""Turn KPIs into what people read: formatted values, 同比 text, sources, and the JSON contract."""

from __future__ import annotations

from museum import numbers
from museum.i18n import t
from museum.kpis import Kpi, Source

# The exact keys of `python -m museum kpis --json` (a contract others test against).
KPI_JSON_KEYS = (
    "metric", "name_zh", "name_en", "unit", "kind", "year", "value", "qualifier",
    "prior_year", "prior_value", "change", "change_pct", "source",
)


def describe_source(source: Source, lang: str = "zh") -> str:
    """"From the sentence …" or "batch #3, upload of x.csv by 张三 at …"."""
    batch = t(
        "source.batch",
        lang,
        batch_id=source.batch_id,
        kind=t(f"batch.kind.{source.batch_kind}", lang),
        file=source.file_name or "—",
        user=source.user or "—",
        time=source.time or "—",
    )
    if source.sentence:
        return t("source.sentence", lang, sentence=source.sentence, batch=batch)
    return batch


def source_text(kpi: Kpi, lang: str = "zh") -> str:
    """The sentence the value came from or, for uploaded values, the batch(es) that wrote it."""
    sources = kpi.current.sources
    sentences = list(dict.fromkeys(s.sentence for s in sources if s.sentence))
    if sentences:
        return " ".join(sentences)
    return "; ".join(dict.fromkeys(describe_source(s, lang) for s in sources))


def value_text(kpi: Kpi, lang: str = "zh", with_unit: bool = True) -> str:
    return numbers.format_value(kpi.value, kpi.qualifier, lang, kpi.metric.unit(lang) if with_unit else "")


def change_text(kpi: Kpi, lang: str = "zh") -> str:
    """'+12.3%', '约 +12.3%', '+2.0个百分点', or '—' (see reason_text)."""
    if kpi.metric.kind == "ratio":
        return numbers.format_points(kpi.change, kpi.approximate, lang)
    if kpi.change_pct is not None:
        return numbers.format_change_pct(kpi.change_pct, kpi.approximate, lang)
    if kpi.change is not None:
        return numbers.format_change(kpi.change, kpi.approximate, lang, kpi.metric.unit(lang))
    return "—"


def reason_text(kpi: Kpi, lang: str = "zh") -> str | None:
    if kpi.reason in (None, "ratio"):
        return None
    return t(f"kpi.reason.{kpi.reason}", lang, prior_year=kpi.prior_year)


def basis_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """'1–9月累计' for a partial year of a flow, '截至9月' for a stock read mid-year."""
    if kpi.current.basis != "months":
        return None
    months = kpi.current.months
    if kpi.metric.kind == "flow":
        return t("kpi.basis.ytd", lang, first=min(months), last=max(months))
    return t("kpi.basis.as_of", lang, month=max(months))


def direction(kpi: Kpi) -> int:
    """+1 good, -1 bad, 0 flat or unknown — the colour convention is applied by the UI."""
    if not kpi.change:
        return 0
    up = kpi.change > 0
    return 1 if up == kpi.metric.higher_is_better else -1


def sentence(kpi: Kpi, lang: str) -> str:
    """'2024年科普图文5528篇，同比增长12.3%' — from the KPI's stored numbers only."""
    params = {"year": kpi.year, "prior_year": kpi.prior_year, "metric": kpi.metric.name(lang),
              "value": value_text(kpi, lang)}
    if kpi.metric.kind == "ratio" and kpi.change is not None:
        text = t("doc.sentence.points", lang, change=change_text(kpi, lang), **params)
    elif kpi.change_pct is not None:
        approx = t("doc.sentence.approx", lang) if kpi.approximate else ""
        pct = approx + f"{abs(kpi.change_pct):.1f}%"
        if round(kpi.change_pct, 1) == 0:
            text = t("doc.sentence.flat", lang, **params)
        else:
            text = t("doc.sentence.up" if kpi.change_pct > 0 else "doc.sentence.down", lang, pct=pct, **params)
    elif kpi.reason == "no_prior":
        text = t("doc.sentence.no_prior", lang, **params)
    elif kpi.change is not None and kpi.reason == "prior_zero":
        text = t("doc.sentence.count_change", lang, change=change_text(kpi, lang), **params)
    else:
        text = t("doc.sentence.no_pct", lang, reason=reason_text(kpi, lang) or "—", **params)
    basis = basis_text(kpi, lang)
    if basis:
        text += t("doc.sentence.basis", lang, basis=basis)
    return text + ("。" if lang == "zh" else ".")


def kpi_json(kpi: Kpi, lang: str = "zh") -> dict:
    record = {
        "metric": kpi.metric.metric_id,
        "name_zh": kpi.metric.name_zh,
        "name_en": kpi.metric.name_en,
        "unit": kpi.metric.unit_zh,
        "kind": kpi.metric.kind,
        "year": kpi.year,
        "value": kpi.value,
        "qualifier": kpi.qualifier,
        "prior_year": kpi.prior_year,
        "prior_value": kpi.prior_value,
        "change": None if kpi.change is None else round(kpi.change, 6),
        "change_pct": None if kpi.change_pct is None else round(kpi.change_pct, 4),
        "source": source_text(kpi, lang),
    }
    assert tuple(record) == KPI_JSON_KEYS
    return record
