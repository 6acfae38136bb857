"""Upload size limit and .xlsx zip-bomb checks (museum.intake.safety)."""

import io
import zipfile

import openpyxl
import pytest

from museum.errors import InputRejected
from museum.intake.safety import check_upload_size, check_xlsx_safety


def workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["年份", "指标", "数值"])
    book.active.append([2024, "科普图文", "1,234"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_real_workbook_passes():
    check_xlsx_safety(workbook_bytes())


def test_upload_size_limit_from_settings(monkeypatch):
    monkeypatch.setenv("MUSEUM_MAX_UPLOAD_MB", "1")
    check_upload_size(1024 * 1024)
    with pytest.raises(InputRejected) as caught:
        check_upload_size(1024 * 1024 + 1)
    assert caught.value.message("zh") == "文件太大（1.0 MB），上限为 1.0 MB。请拆分后再上传。"


def test_the_default_limit_matches_streamlit_config():
    import tomllib
    from museum import settings

    config = tomllib.loads((settings.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == settings.max_upload_bytes()
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["enableXsrfProtection"] is True


def test_a_zip_bomb_is_refused_by_its_ratio():
    bomb = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024
    with pytest.raises(InputRejected) as caught:
        check_xlsx_safety(bomb)
    assert caught.value.key == "safety.xlsx_ratio"
    assert caught.value.params["entry"] == "xl/worksheets/sheet1.xml"
    assert caught.value.message("en").endswith("beyond the limit of 200:1; refused (possibly a zip bomb).")


def test_total_declared_size_is_limited(monkeypatch):
    monkeypatch.setenv("MUSEUM_XLSX_MAX_UNCOMPRESSED_MB", "1")
    many = zip_bytes({f"xl/part{i}.xml": bytes(range(256)) * 1024 for i in range(5)})  # 5 x 256 KiB
    with pytest.raises(InputRejected) as caught:
        check_xlsx_safety(many)
    assert caught.value.message("en") == (
        "This .xlsx file unpacks to 1.2 MB, more than the limit of 1.0 MB; refused (possibly a zip bomb)."
    )


def test_lying_headers_cannot_inflate_more_than_declared():
    """Why declared sizes are trustworthy bounds: zipfile stops at the declared size."""
    honest = zip_bytes({"xl/worksheets/sheet1.xml": b"0" * 100_000})
    # Rewrite the declared uncompressed size (central directory and local header) to 10 bytes.
    forged = bytearray(honest)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = forged.find(signature)
        forged[at + offset: at + offset + 4] = (10).to_bytes(4, "little")
    check_xlsx_safety(bytes(forged))  # declares 10 bytes: allowed
    with zipfile.ZipFile(io.BytesIO(bytes(forged))) as archive:
        with pytest.raises(zipfile.BadZipFile):
            archive.read("xl/worksheets/sheet1.xml")  # stops after 10 bytes, fails the CRC


def test_too_many_entries():
    with pytest.raises(InputRejected) as caught:
        check_xlsx_safety(zip_bytes({f"xl/p{i}.xml": b"x" for i in range(30)}), max_entries=20)
    assert caught.value.message("zh") == "该 .xlsx 文件包含 30 个内部部件，超过上限 20，已拒绝。"


@pytest.mark.parametrize("content", [b"", b"not a zip at all", "年份,指标\n".encode("gb18030"), b"PK\x03\x04broken"])
def test_not_a_zip(content):
    with pytest.raises(InputRejected) as caught:
        check_xlsx_safety(content)
    assert caught.value.key == "safety.xlsx_not_zip"


def test_oversized_xlsx_is_refused_before_unzipping(monkeypatch):
    monkeypatch.setenv("MUSEUM_MAX_UPLOAD_MB", "0.001")
    with pytest.raises(InputRejected) as caught:
        check_xlsx_safety(workbook_bytes())
    assert caught.value.key == "safety.upload_too_large"


@pytest.mark.parametrize("read", ["targets", "events"])
def test_target_and_event_sheets_are_read_with_the_upload_limits(read):
    """目标管理's 绩效目标表 and events sheets go through the same reader as 数据上传: a sheet whose
    cells reach column 900 is refused before its grid is built, as an upload is."""
    from museum.targets import sheet, timeline

    book = openpyxl.Workbook()
    book.active.append(["三级指标", "年度指标值", "分值"] if read == "targets" else ["开始", "名称"])
    book.active.cell(row=3, column=900, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(InputRejected) as refused:
        (sheet.read_sheet if read == "targets" else timeline.read_events)(buffer.getvalue())
    assert refused.value.key == "intake.error.too_many_columns"
