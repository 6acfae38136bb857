"""下一步打算 of an annual report -> its numbered items, each with its exact sentence: next year's key tasks.

The section starts at a heading such as "四、下一步打算" (or 工作计划 / 工作思路 / 明年安排) and runs
to the next top-level heading or the end of the text. Items are numbered "1." "2." (or 1、 /
（1）), optionally under group headings "(一)拓展边界，做大做强品牌活动"; numbering restarts in
each group. An item runs to the next item or group heading, so its text is kept exactly as
written. A section without numbered items yields nothing (its prose is not split by guessing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLAN_HEADING = re.compile(r"[一二三四五六七八九十]+、\s*[^,，。、；;]{0,10}?(打算|计划|思路|安排|展望)")
_TOP_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_GROUP = re.compile(r"[(（]([一二三四五六七八九十]+)[)）]")
_SENTENCE_END = "。；;！!？?\n "


@dataclass(frozen=True)
class PlanItem:
    position: int
    group_title: str | None     # "（一）拓展边界,做大做强品牌活动"
    item_number: str            # "1"
    sentence: str               # the item as written


def plan_text(text: str) -> str | None:
    """The 下一步打算 section of a report's text, or None when it has none."""
    match = _PLAN_HEADING.search(text or "")
    if not match:
        return None
    rest = text[match.end():]
    following = _TOP_HEADING.search(rest)
    return rest[: following.start()] if following else rest



def _find_item(text: str, number: int, start: int, *, anywhere: bool) -> re.Match | None:
    """The marker of item `number` at or after `start`: right after a sentence end, or (for the
    first item of a group, whose title runs straight into it) anywhere."""
    pattern = re.compile(rf"{number}[.．、](?!\d)|[(（]{number}[)）]")
    for match in pattern.finditer(text, start):
        before = text[match.start() - 1] if match.start() > 0 else "\n"
        if anywhere or before in _SENTENCE_END:
            return match
    return None


def _items(body: str, offset_title: str | None, items: list[PlanItem]) -> None:
    first = _find_item(body, 1, 0, anywhere=True)
    if first is None:
        return
    title = body[: first.start()].strip(" ，,。:：") if offset_title is not None else None
    group = f"{offset_title}{title}" if offset_title is not None and title else offset_title
    current, number = first, 1
    while current is not None:
        following = _find_item(body, number + 1, current.end(), anywhere=False)
        end = following.start() if following else len(body)
        sentence = body[current.end(): end].strip()
        if sentence:
            items.append(PlanItem(len(items) + 1, group, str(number), sentence))
        current, number = following, number + 1


def plan_items(text: str) -> list[PlanItem]:
    """The numbered items of the report's 下一步打算, in order (empty when there are none)."""
    section = plan_text(text)
    if not section:
        return []
    items: list[PlanItem] = []
    groups = list(_GROUP.finditer(section))
    if not groups:
        _items(section, None, items)
        return items
    for index, group in enumerate(groups):
        end = groups[index + 1].start() if index + 1 < len(groups) else len(section)
        _items(section[group.end(): end], f"（{group[1]}）", items)
    return items


def key_tasks(parsed) -> list[dict]:
    """A parsed report's plan items as next year's key-task records (what seed.Dataset.tasks holds)."""
    activities = parsed.fields.get("activities") if parsed.year else None
    if activities is None:
        return []
    return [
        {"year": parsed.year + 1, "position": item.position, "group_title": item.group_title,
         "item_number": item.item_number, "sentence": item.sentence}
        for item in plan_items(activities.value)
    ]
