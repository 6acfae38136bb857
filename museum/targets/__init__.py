"""Plans and targets: the year's 绩效目标 (three levels, operators, 分值, metric links), actuals and
completion against 序时进度, scoring and grade, budget figures, key tasks and timeline events.

Modules: values (指标值 strings), links (metric suggestions), sheet + checks + importer (the
绩效目标表 import), edit (hand edits), scoring (the rules), view (words and tables for pages, the
pack and the CLI), tasks, timeline, charts, workbook (自评表 and template XLSX).
"""

from museum.targets.charts import add_event_spans

__all__ = ["add_event_spans"]
