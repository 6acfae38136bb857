"""The metric catalog: ids (a public contract), names, units, kinds and aliases.

The source of truth is the committed file `data/metrics.csv`; `sync` mirrors it into the
`metric` table so that SQL can join on it.
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from museum import settings

CATALOG_FILE = settings.ROOT / "data" / "metrics.csv"
KINDS = ("flow", "stock", "event", "ratio")
# Display order of categories; the catalog file decides which metric is in which.
CATEGORIES = (
    "online_media",
    "outreach",
    "exchange",
    "staff",
    "volunteers",
    "awards",
    "research",
    "assets",
    "venue",
    "funding",
)


@dataclass(frozen=True)
class Metric:
    metric_id: str
    name_zh: str
    name_en: str
    unit_zh: str
    unit_en: str
    kind: str
    category: str
    aliases: tuple[str, ...]
    higher_is_better: bool
    non_negative: bool
    sort_order: int
    plausible_max: float | None = None   # the largest value believable for one period (month or year)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_zh


def normalize_name(text: str) -> str:
    """Fold width, case, spaces and quote styles so that '  科普图文 ' and 'ＰＯＳＴＳ' match."""
    folded = unicodedata.normalize("NFKC", str(text)).strip().lower()
    for quote in "“”\"'‘’「」":
        folded = folded.replace(quote, "")
    return "".join(folded.split())


class Catalog:
    def __init__(self, metrics: list[Metric]):
        self.metrics = {m.metric_id: m for m in metrics}
        self._by_name: dict[str, str] = {}
        # ids first, then names, then aliases: an alias never shadows a real name.
        for layer in ("id", "name", "alias"):
            for m in metrics:
                keys = {
                    "id": [m.metric_id],
                    "name": [m.name_zh, m.name_en],
                    "alias": list(m.aliases),
                }[layer]
                for key in keys:
                    self._by_name.setdefault(normalize_name(key), m.metric_id)

    def __getitem__(self, metric_id: str) -> Metric:
        return self.metrics[metric_id]

    def __contains__(self, metric_id: str) -> bool:
        return metric_id in self.metrics

    def __iter__(self):
        return iter(sorted(self.metrics.values(), key=lambda m: m.sort_order))

    def resolve(self, text: str) -> str | None:
        """The metric id named by an id, a Chinese or English name, or an alias; None if unknown."""
        return self._by_name.get(normalize_name(text))

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Metric ids whose names look like `text`, best first (for "did you mean …")."""
        key = normalize_name(text)
        close = difflib.get_close_matches(key, list(self._by_name), n=limit * 3, cutoff=0.5)
        contained = [name for name in self._by_name if key and (key in name or name in key)]
        ids: list[str] = []
        for name in contained + close:
            metric_id = self._by_name[name]
            if metric_id not in ids:
                ids.append(metric_id)
        return ids[:limit]

    def in_category(self, category: str) -> list[Metric]:
        return [m for m in self if m.category == category]


def _parse_bool(text: str) -> bool:
    return text.strip().lower() in ("true", "1", "yes")


def read_catalog_file(path: Path = CATALOG_FILE) -> list[Metric]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    metrics = []
    for order, row in enumerate(rows, start=1):
        if row["kind"] not in KINDS:
            raise ValueError(f"{path.name} row {order + 1}: kind {row['kind']!r} is not one of {KINDS}")
        if row["category"] not in CATEGORIES:
            raise ValueError(f"{path.name} row {order + 1}: category {row['category']!r} is unknown")
        metrics.append(
            Metric(
                metric_id=row["metric_id"],
                name_zh=row["name_zh"],
                name_en=row["name_en"],
                unit_zh=row["unit_zh"],
                unit_en=row["unit_en"],
                kind=row["kind"],
                category=row["category"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                higher_is_better=_parse_bool(row["higher_is_better"]),
                non_negative=_parse_bool(row["non_negative"]),
                sort_order=order,
                plausible_max=float(row["plausible_max"]) if (row.get("plausible_max") or "").strip() else None,
            )
        )
    return metrics


@lru_cache(maxsize=1)
def load() -> Catalog:
    return Catalog(read_catalog_file())
