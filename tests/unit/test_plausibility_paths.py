"""One plausibility bound, one override, on every path that writes an observation (issue 20, item 3).

A sheet refused 资产年初数 of 10^19 万元 while a report, a platform export and a correction with
the same values were committed without a word. Each path now refuses (nothing written, the reason
said) and commits only with the person's explicit override.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from museum.intake import corrections, ingest
from museum.report import importer as report_import, parser as report_parser
from museum.store import batches, db
from museum.cli import main
from museum.errors import InputRejected

DATA = Path(__file__).resolve().parents[1] / "data"
REPORT = (DATA / "report" / "label_value.txt").read_text(encoding="utf-8")
CHANNELS = (DATA / "sources" / "channels_videos_20210430.csv").read_bytes()


def observation_count(con) -> int:
    return con.execute("select count(*) from observation").fetchone()[0]


@pytest.mark.parametrize("line, replaced", [
    ("年初数：2,345.6万元", "年初数：10000000000000000000万元"),   # 10^19 万元
    ("年初数：2,345.6万元", "年初数：200000000万元"),               # 2x10^8 万元 (bound 10^8)
])
def test_a_report_beyond_a_bound_is_refused_unless_allowed(line, replaced, con):
    assert line in REPORT
    parsed = report_parser.parse_text(REPORT.replace(line, replaced), file_name="报告.txt")
    before = observation_count(con)
    outcome = report_import.commit(con, parsed, actor="test")
    assert outcome["status"] == "rejected" and outcome["errors"][0]["column"] == "资产年初数"
    assert "合理上限（100,000,000万元）" in outcome["errors"][0]["message"]
    assert observation_count(con) == before
    allowed = report_import.commit(con, parsed, actor="test", allow_implausible=True)
    assert allowed["status"] == "committed"


def test_cli_import_report_has_the_same_override(db_path, tmp_path, capsys):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT.replace("年初数：2,345.6万元", "年初数：200000000万元"), encoding="utf-8")
    assert main(["import-report", str(path), "--db", str(db_path), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "rejected"
    assert main(["import-report", str(path), "--db", str(db_path), "--json", "--allow-implausible", "--new-institution"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "committed"


def channels_export(plays: str) -> bytes:
    lines = CHANNELS.decode("utf-8-sig").splitlines()
    cells = lines[1].split(",")
    cells[5] = plays
    return ("\ufeff" + "\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n").encode("utf-8")


def test_a_platform_export_beyond_a_bound_is_refused_unless_allowed(con):
    content = channels_export("999999999999")
    before = observation_count(con)
    refused = ingest.ingest(con, 1, content, "视频号.csv", actor="test")
    assert refused.status == "rejected"
    assert [p.key for p in refused.errors][:1] == ["intake.error.implausible"] and refused.errors[0].column == "视频播放量"
    assert observation_count(con) == before
    dry = ingest.ingest(con, 1, content, "视频号.csv", actor="test", dry_run=True)
    assert dry.status == "rejected"
    allowed = ingest.ingest(con, 1, content, "视频号.csv", actor="test", allow_implausible=True)
    assert allowed.status == "committed"
    assert any(n.key == "intake.warning.implausible_allowed" for n in allowed.notices)


def test_a_correction_beyond_a_bound_is_refused_unless_allowed(con):
    with pytest.raises(InputRejected) as refused:
        corrections.correct_value(con, 1, "posts", 2023, None, "300000", actor="test")
    # the correction form's own check says it first, in the words of its page (the upload's rule and bound)
    assert refused.value.key == "intake.correction.implausible"
    assert "超过该指标的合理上限（200,000篇）" in refused.value.message("zh")
    assert "plausible bound (200,000篇)" in refused.value.message("en")
    batch_id, counts = corrections.correct_value(con, 1, "posts", 2023, None, "300000", actor="test", allow_implausible=True)
    assert counts.inserted + counts.updated == 1


def test_every_writer_of_observations_is_guarded(con):
    """The last line: whatever path a value takes, write_observations refuses it without the override."""
    record = {"metric_id": "assets_year_start", "year": 2023, "month": None, "value": 1e19, "qualifier": "exact",
              "note": None, "sentence": None}
    with db.transaction(con, institution=1):
        batch_id = batches.create_batch(con, "correction", institution=1, user="test")
        with pytest.raises(InputRejected) as refused:
            batches.write_observations(con, batch_id, 1, [record])
    assert refused.value.params["count"] == 1
