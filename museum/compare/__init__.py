"""单位对比: the headline metrics of several institutions side by side for one period (rows, table, charts)."""

from museum.compare.rows import COMPARE_JSON_KEYS, Row, build, rank_values, row_json

__all__ = ["COMPARE_JSON_KEYS", "Row", "build", "rank_values", "row_json"]
