"""Build the report-wording corpus: small 事业单位法人年度报告 texts in the wordings real reports use.

Run `python tests/data/report/make_texts.py` to regenerate tests/data/report/texts/; the files are
committed and tests/unit/test_report_wordings.py states what each must produce. The institutions
and figures are made up; the wordings (余 before 万, 服务公众人次, 突破, 平米, 累计对外开放, figures
since opening, digitless numbers, traditional script, a placeholder dash) are those of real reports.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "texts"

LABELS = ("名       称", "住       所", "法定代表人", "宗旨和业务范围", "开办资金", "经费来源", "举办单位")


def label_value(year: str | None, fields: dict[str, str], activities: str, honours: str = "无") -> str:
    """The layout of a portal page copied as text: "label：value" per line."""
    lines = [f"事业单位法人年度报告书（{year}年度）"] if year else []
    for label in LABELS:
        key = label.replace(" ", "")
        lines.append(f"{label}：{fields.get(key, '')}")
    lines += ["资产损益情况", "年初数：410.5万元", "年末数：398万元", "从业人数：42人", f"开展业务活动情况：{activities}",
              f"绩效和受奖惩及诉讼投诉情况：{honours}", "接收捐赠资助及使用情况：无"]
    return "\n".join(lines) + "\n"


def pipe_table(year: str, fields: dict[str, str], activities: str) -> str:
    """The layout of another province's portal: a table with `|` between cells."""
    rows = [f"事业单位法人年度报告书（{year}年度）"]
    for label in LABELS:
        key = label.replace(" ", "")
        rows.append(f"{key} | {fields.get(key, '')} |")
    rows += ["净资产合计(所有者权益合计) | 期初数 | 1,020.4 | 期末数 | 1,003.9 |", "网上名称 | 无 | 从业人数 37 |",
             f"开展业务活动情况 | {activities} |", "绩效和受奖惩及诉讼投诉情况 | 无 |", "接受捐赠资助及其使用情况 | 无 |"]
    return "\n".join(rows) + "\n"


def fields(name: str, city: str, **override: str) -> dict[str, str]:
    base = {"名称": name, "住所": f"{city}人民路{len(name)}号", "法定代表人": "张明", "宗旨和业务范围": "开展科学技术普及。",
            "开办资金": "30万元", "经费来源": "财政补助", "举办单位": f"{city}科学技术协会"}
    base.update(override)
    return base


TEXTS: dict[str, str] = {
    # 余 before 万, 人 for visitors, 平米, 对外开放天数
    "visitors_yu_wan.txt": label_value("2023", fields("北林市科技馆", "北林市"), (
        "2023年，我馆全年接待观众15余万人，举办科普讲座36场，听众2800余名。展厅面积3200平米，全年对外开放天数306天。"
        "全年开展研学活动近90期。")),
    # 服务公众人次 约…人, 累计对外开放…天 within the year, 1.2万平方米
    "service_public.txt": pipe_table("2022", fields("东川市科学技术馆", "东川市"), (
        "2022年，本馆服务公众人次约5万人，累计对外开放270天，展览面积达1.2万平方米。开展科普进校园活动40余场次，"
        "发布科普图文300余篇。")),
    # a colon before the figure, 播放量 with no unit after the number, 展教面积
    "every_year.txt": label_value("2021", fields("南平县科技馆", "南平县"), (
        "本馆每年服务公众人次:104万人次，新媒体平台播放量超30万，展厅面积约4500平方米，组建科普志愿服务队3支。")),
    # 团体及个人, a figure with a unit the catalog does not know (站)
    "group_individual.txt": pipe_table("2021", fields("西岭市青少年科技馆", "西岭市"), (
        "2021年，我馆共接待团体及个人3万余人次，开展流动科技馆巡展12站，举办临时展览4个，科普讲座二十余次。"
        "展厅总面积3000㎡。")),
    # traditional script throughout, labels included
    "traditional.txt": (
        "事業單位法人年度報告書（2023年度）\n名       稱：海澄市科學館\n住       所：海澄市中山路8號\n法定代表人：陳立\n"
        "宗旨和業務範圍：開展科學普及。\n開辦資金：20萬元\n經費來源：財政補助\n舉辦單位：海澄市科學技術協會\n"
        "資產損益情況\n年初數：120萬元\n年末數：118萬元\n從業人數：26人\n"
        "開展業務活動情況：2023年，全年接待觀眾80.15萬人次，舉辦臨時展覽3個，開展科普講座二十場，展廳面積2600平方米，"
        "全年開放天數298天。\n"
        "績效和受獎懲及訴訟投訴情況：無\n接收捐贈資助及使用情況：無\n"),
    # numbers without digits
    "digitless.txt": label_value("2023", fields("青禾市科技馆", "青禾市"), (
        "2023年，接待观众万余人次，开展科普活动上千场，官方网站访问量逾万次，短视频播放量百万余次，线上直播数十场，"
        "惠及学生上万名。")),
    # 突破 (at least), a number with no unit, 1,280 with a thousands comma
    "breakthrough.txt": pipe_table("2024", fields("云岗市科技馆", "云岗市"), (
        "2024年，全年接待观众突破80万人次，科普短视频播放量超30万，发布科普图文1,280篇，新增粉丝逾6000人。")),
    # figures since opening are not the year's; the opening date is not the report year (no year heading)
    "cumulative.txt": label_value(None, fields("江屿市科学技术馆", "江屿市"), (
        "自2016年7月开馆以来，截至2021年8月累计接待观众520万人次，累计举办临时展览46个。"
        "2021年全年接待观众46万人次，开放天数312天，举办临时展览5个。")),
    # exhibits on show are not exhibits updated; a person's title is not a unit honour; placeholder dashes
    "exhibits_and_titles.txt": label_value("2022", fields("石门县科技馆", "石门县", 住所="—", 举办单位="-", 法定代表人="无"), (
        "2022年，常设展厅展出展品约200余件，更新维护展品35件，全年开放300天。"), honours=(
        "我馆余斌老师荣获“全国高级科技辅导员”称号，本馆被评为全国科普教育基地。")),
    # qualifiers in every position and several measure words
    "qualifier_positions.txt": pipe_table("2023", fields("临溪市科技馆", "临溪市"), (
        "2023年，全年接待观众近2万人次，科普讲座30场左右，参加讲座听众逾3000名，开展教育活动120余场，"
        "组建科普志愿者队伍5支，志愿服务时长约1.5万小时，发布短视频两百条。")),
    # the volume of visitors, 开馆 days, 余 after the number before the area unit
    "visitor_volume.txt": label_value("2023", fields("柳川市科技馆", "柳川市"), (
        "2023年，年接待量约30万人次，全年开馆310天，展厅面积达到5000余平方米，建筑面积1.8万平方米。")),
    # Chinese numerals with 余 and 万
    "chinese_magnitudes.txt": pipe_table("2022", fields("桐庐县科技馆", "桐庐县"), (
        "2022年，接待观众十余万人次，举办科普讲座三十余场，发布科普短视频两百余条。")),
    # since the opening, then the year again in the same sentence
    "since_then_year.txt": label_value("2023", fields("沙洲市科技馆", "沙洲市"), (
        "自开馆以来累计接待观众300万人次，其中2023年接待观众30万人次。全年对外开放天数300天。")),
    # persons honoured in several wordings, and the unit's own honour
    "persons_honoured.txt": label_value("2023", fields("白鹭市科技馆", "白鹭市"), "2023年，举办科普讲座12场。", honours=(
        "张三同志被评为全省优秀科技辅导员；我馆讲解员李四获评“十佳讲解员”；本馆荣获江南省科普教育基地称号。")),
    # traditional script in a pipe table, a number without digits
    "traditional_pipe.txt": pipe_table("2022", fields("澄海市科技館", "澄海市"), (
        "2022年，全年參觀人數達萬餘人次，舉辦講座十二場，更新維護展品18件。")),
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, text in TEXTS.items():
        (OUT / name).write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    main()
