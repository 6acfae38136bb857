"""Records stated in the prose: staff awards (level x grade x count), unit honours, research items.

Each rule reads one sentence and returns the records it understood plus the clause spans it used
(so that the metric reader does not count the same numbers again). Something that looks like a
record but lacks a level, a grade or a count is returned as unplaced, never completed by guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from museum import numbers
from museum.report.parser.sentences import Sentence, masked

_HAN = r"[\u4e00-\u9fff]"


@dataclass
class Places:
    """Province and city names taken from the institution's own address and name."""

    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()

    @classmethod
    def of(cls, *texts: str | None) -> "Places":
        provinces, cities = [], []
        for text in texts:
            rest = text or ""
            province = re.match(rf"({_HAN}{{2,3}}?)(?:省|自治区)", rest)
            if province:
                provinces.append(province.group(1))
                rest = rest[province.end():]
            city = re.match(rf"({_HAN}{{2,4}}?)市", rest)
            if city:
                cities.append(city.group(1))
        return cls(tuple(dict.fromkeys(provinces)), tuple(dict.fromkeys(cities)))


@dataclass
class Found:
    """What the record rules read from one sentence."""

    awards: list[dict] = field(default_factory=list)
    honors: list[dict] = field(default_factory=list)
    research: list[dict] = field(default_factory=list)
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)
    named: list[tuple[int, int]] = field(default_factory=list)  # honour clauses: their numbers are names, not read
    _covered: set[int] = field(default_factory=set, repr=False)
    _indexed: int = 0

    def covers(self, position: int) -> bool:
        """Whether a used span holds `position`; a set kept in step with `used` (a scan of the list
        per figure made a long sentence with thousands of records quadratic)."""
        for start, end in self.used[self._indexed:]:
            self._covered.update(range(start, end))
        self._indexed = len(self.used)
        return position in self._covered


def level_of(text: str, places: Places) -> tuple[str | None, float]:
    """national | provincial | municipal from how a competition or programme is named."""
    core = text
    while True:
        stripped = re.sub(r"^(?:(?:19|20)\d{2}年度?|第[一二三四五六七八九十百\d]+届|[“”\"「」《》]|首届)", "", core)
        if stripped == core:
            break
        core = stripped
    if re.match(r"(全国|国家|中国|中华)", core) or "国家级" in text:
        return "national", 0.95
    if re.match(rf"(省|全省|{_HAN}{{2,3}}(?:省|自治区))", core) or "省级" in text:
        return "provincial", 0.95
    if re.match(rf"(市|全市|{_HAN}{{2,4}}市)", core) or "市级" in text:
        return "municipal", 0.95
    if any(p in text for p in places.provinces):
        return "provincial", 0.6
    if any(c in text for c in places.cities):
        return "municipal", 0.6
    return None, 0.0


def _count(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return numbers.chinese_numeral(text)


def _pieces(view: str, separators: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for index, ch in enumerate(view):
        if ch in separators:
            spans.append((cursor, index))
            cursor = index + 1
    spans.append((cursor, len(view)))
    return [(a, b) for a, b in spans if b > a]


_LEAD = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|其中|先后|分别|共|还|并|均|也|同时|在)+")

# ------------------------------------------------------------------------------------------
# Staff awards

GRADES = {"一等奖": "first", "二等奖": "second", "三等奖": "third", "优秀奖": "excellence"}
_AWARD = re.compile(r"(一等奖|二等奖|三等奖|优秀奖)(?:\s*(\d+|[一二两三四五六七八九十]+)\s*(?:项|个|人次|次|名|人))?")
_UNKNOWN_GRADE = re.compile(r"(特等奖|金奖|银奖|铜奖|优胜奖|鼓励奖)")


def awards(sentence: Sentence, places: Places, found: Found) -> None:
    view, scan = sentence.view, masked(sentence.view)
    previous: tuple[str, str | None, float] | None = None
    for start, end in _pieces(view, ",，;；、。"):
        if start >= sentence.plan_from:
            continue
        piece_matches = list(_AWARD.finditer(scan, start, end))
        odd = _UNKNOWN_GRADE.search(scan, start, end)
        if odd and not piece_matches:
            found.unplaced.append((view[start:end].strip(), sentence.quote))
            found.used.append((start, end))
            continue
        cursor = start
        for match in piece_matches:
            before = view[cursor: match.start()]
            competition = _competition(before)
            if competition:
                level, confidence = level_of(competition, places)
                previous = (competition, level, confidence)
            elif previous:
                competition, level, confidence = previous
            else:
                competition = _entered_before(view, start)
                level, confidence = level_of(competition, places) if competition else (None, 0.0)
                confidence = min(confidence, 0.8)
                if competition:
                    previous = (competition, level, confidence)
            count = _count(match.group(2))
            if count is None:
                count, confidence = 1, min(confidence, 0.6)
            written = view[cursor: match.end()].strip("、 ")
            if not competition or level is None or count <= 0:
                found.unplaced.append((written, sentence.quote))
            else:
                found.awards.append(
                    {
                        "competition": competition,
                        "level": level,
                        "grade": GRADES[match.group(1)],
                        "count": count,
                        "sentence": sentence.quote,
                        "confidence": confidence,
                    }
                )
            cursor = match.end()
        if piece_matches:
            found.used.append((start, end))


def _competition(before: str) -> str:
    text = before.strip()
    verbs = list(re.finditer(r"获得|荣获|获评|斩获|获", text))
    if verbs:
        after = text[verbs[-1].end():].strip()
        text = after or text[: verbs[-1].start()]
    joined = list(re.finditer(r"参加了?|参与了?", text))
    if joined:
        text = text[joined[-1].end():]
    starts_with_in = text.strip().startswith("在")
    text = _LEAD.sub("", text.strip())
    text = re.sub(r"^(?:19|20)\d{2}年度?", "", text)
    text = re.sub(r"(中|上|里)$", "", text) if starts_with_in else text
    return text.strip("“”\"的 ")


def _entered_before(view: str, end: int) -> str:
    """"组织青少年参加全国…大赛，获二等奖1项": the competition named earlier in the sentence."""
    entered = list(re.finditer(r"参加了?([^，,；;、。]+?(?:大赛|竞赛|比赛|赛事|展演|评选|决赛))", view[:end]))
    return _competition(entered[-1].group(1)) if entered else ""


# ------------------------------------------------------------------------------------------
# Research items

_STAGES = (("申报|申请", "applied"), ("获批|立项|批准|获准", "approved"), ("结题|验收", "concluded"), ("发表|出版|刊发|刊登", "published"))
_ROLES = (("第一完成单位|主持|牵头|负责单位", "lead"), ("参与单位|参与|合作单位|协作", "participant"))
_TYPES = (("论文", "paper"), ("地方标准", "local_standard"), ("国家标准", "national_standard"), ("标准", "standard"), ("项目|课题|专项", "project"))
_RESEARCH_UNITS = ("项", "篇", "个", "份")
_GENERIC = {"", "项目", "课题", "标准", "标准制定", "标准编制", "标准制定项目"}


def _last(patterns, text) -> tuple[str | None, int]:
    best, where = None, -1
    for pattern, code in patterns:
        for match in re.finditer(pattern, text):
            if match.end() > where:
                best, where = code, match.end()
    return best, where


def research(sentence: Sentence, figures_by_clause, found: Found) -> None:
    """Projects, standards and papers: "以第一完成单位申报…项目3项", "获批主持1项、参与1项"."""
    view = sentence.view
    last_description: dict[str, str] = {}
    last_type = None
    for clause_start, clause_end, clause_figures in figures_by_clause:
        clause_stage = None
        cursor = clause_start
        for figure in clause_figures:
            if figure.unit not in _RESEARCH_UNITS or figure.start >= sentence.plan_from:
                cursor = figure.end
                continue
            item = view[cursor: figure.start].strip("、 ")
            for_stage = item.replace("第一完成单位", "□" * len("第一完成单位"))  # 完成 there is no stage
            stage, stage_end = _last(_STAGES, for_stage)
            role, role_end = _last(_ROLES, item)
            item_type = next((code for pattern, code in _TYPES if re.search(pattern, item)), None)
            bare = _LEAD.sub("", re.sub("|".join(p for p, _ in (*_STAGES, *_ROLES)) + "|最终|以", "", item)) == ""
            if item_type == "standard":
                item_type = last_type if last_type in ("local_standard", "national_standard") else None
                generic_type = True
            elif item_type is None and bare:
                item_type, generic_type = last_type, True
            else:
                generic_type = False
            stage = stage or clause_stage
            confidence = 0.9
            if item_type and stage is None and role is not None:
                stage, confidence = "approved", 0.7  # taking part in a project or standard: it is under way
            if item_type is None or stage is None or not figure.value.is_integer() or figure.value <= 0:
                cursor = figure.end
                continue
            description = item[max(stage_end if stage_end >= 0 else 0, role_end if role_end >= 0 else 0):] if (stage_end >= 0 or role_end >= 0) else item
            description = _LEAD.sub("", description.strip("、 ").removeprefix("以")).strip()
            if generic_type or description in _GENERIC:
                description = last_description.get(item_type, description)
                confidence = min(confidence, 0.8)
            found.research.append(
                {
                    "item_type": item_type,
                    "role": role,
                    "stage": stage,
                    "description": description or None,
                    "count": int(figure.value),
                    "sentence": sentence.quote,
                    "confidence": confidence,
                }
            )
            found.used.append((cursor, figure.end))
            last_description[item_type] = description
            last_type, clause_stage = item_type, stage
            cursor = figure.end


# ------------------------------------------------------------------------------------------
# Unit honours

_HONOR_VERB = re.compile(r"被评选为|被评为|被授予|被命名为|评选为|评为|获评|荣获|授予|命名为|入选|获得|获(?![批准得评])")
_TITLES = (
    "先进基层党组织", "优秀组织单位", "优秀科普作品", "科普教育基地", "先进单位", "先进集体", "优秀组织奖", "优秀单位",
    "示范单位", "示范基地", "科普基地", "教育基地", "优秀活动", "优秀作品", "优秀科普剧", "优秀案例", "优秀项目",
    "精品项目", "精品活动", "文明单位", "优秀团队", "突出贡献奖", "组织奖",
)
_TITLE_END = re.compile("(" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")[”\"」]?$")
_SELF = re.compile(r"^(我|本)?(馆|单位|中心|院|站|科技馆|博物馆|科学馆)$")


def honors(sentence: Sentence, places: Places, institution: str | None, found: Found) -> None:
    view = sentence.view
    for start, end in _pieces(view, ",，;；。"):
        if start >= sentence.plan_from or found.covers(start):
            continue
        clause = view[start:end]
        verb = _HONOR_VERB.search(clause)
        if not verb:
            continue
        subjects = _subjects(clause[: verb.start()], institution)
        titled = _titles(clause[verb.end():])
        if _personal(subjects, clause[verb.end():]):
            found.unplaced.append((clause.strip(), sentence.quote))
            found.used.append((start, end))
            continue
        if not titled:
            continue
        if len(subjects) > 1 and len(subjects) == len(titled):
            pairs = list(zip(subjects, titled))
        else:
            pairs = [(subject, item) for item in titled for subject in subjects]
        for subject, (awarded_by, title) in pairs:
            for body in _split_bodies(awarded_by):
                level, confidence = level_of(body, places) if body else (None, 0.0)
                found.honors.append(
                    {
                        "title": title,
                        "subject": subject,
                        "awarded_by": body or None,
                        "level": level,
                        "sentence": sentence.quote,
                        "confidence": confidence if level else 0.5,
                    }
                )
        found.used.append((start, end))
        found.named.append((start, end))


_PERSON = re.compile(r"(老师|同志|馆长|主任|书记|辅导员|讲解员|教师|职工|员工|先生|女士|博士|研究员|工程师)$")
_PERSONAL_TITLE = re.compile(r"(辅导员|讲解员|工作者|先进个人|能手|标兵|劳动模范|教师|之星)[”\"」]?(?:荣誉)?(?:称号)?$")


def _personal(subjects: list[str | None], titled_text: str) -> bool:
    """"余斌老师荣获“全国高级科技辅导员”称号": a person's title, not an honour of the unit."""
    return any(s and _PERSON.search(s) for s in subjects) or bool(_PERSONAL_TITLE.search(titled_text.strip()))


def _subjects(text: str, institution: str | None) -> list[str | None]:
    text = re.sub(r"(先后|分别|还|并|均|也|同时|其中|已|曾)+$", "", text.strip())
    text = _LEAD.sub("", text)
    parts = [p.strip() for p in text.split("、") if p.strip()] or [""]
    subjects = []
    for part in parts:
        if part.startswith("“") and part.endswith("”") and part.count("“") == 1:
            part = part[1:-1]
        is_self = not part or bool(_SELF.match(part)) or bool(institution and (part in institution or institution in part))
        subjects.append(None if is_self else part)
    return subjects


def _titles(text: str) -> list[tuple[str, str]]:
    """(awarded_by, title) of each honour in "省…活动先进单位、市…优秀组织单位" or "…作品和…剧"."""
    items: list[tuple[str, str]] = []
    text = re.sub(r"(荣誉)?称号$", "", text.strip())
    for piece in text.split("、"):
        parts = re.split(r"和|与", piece)
        if len(parts) > 1 and all(_TITLE_END.search(p.strip()) for p in parts):
            pieces = parts
        else:
            pieces = [piece]
        for part in pieces:
            part = part.strip()
            quoted = re.search(r"“([^”]+)”$", part)
            match = _TITLE_END.search(part)
            if quoted and not match:
                title, body = quoted.group(1), part[: quoted.start()]
            elif match:
                title, body = match.group(1), part[: match.start()]
            else:
                continue
            body = body.strip("“”\"「」 ")
            if not body and items:
                body = items[-1][0]
            items.append((body, title.strip("“”")))
    return items


def _split_bodies(awarded_by: str) -> list[str]:
    """"陕西省及西安市全国科普日" is two programmes: 陕西省全国科普日 and 西安市全国科普日."""
    match = re.match(rf"^({_HAN}{{2,3}}?省)(?:及|和|、)({_HAN}{{2,4}}?市)(.+)$", awarded_by)
    if match:
        return [match.group(1) + match.group(3), match.group(2) + match.group(3)]
    return [awarded_by]
