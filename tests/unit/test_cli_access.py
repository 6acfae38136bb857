"""`python -m museum users|audit|backup|restore`: exact output and exit codes (DESIGN §8)."""

import io
import json
import subprocess
import sys

import pytest

from museum import settings
from museum.cli import main


@pytest.fixture(autouse=True)
def no_backup_key(monkeypatch, tmp_path_factory):
    """No signing key unless a test sets one (a real secrets.toml on this machine must not count)."""
    monkeypatch.delenv("MUSEUM_BACKUP_KEY", raising=False)
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path_factory.getbasetemp() / "no-secrets.toml"))


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


def run(monkeypatch, capsys, *argv, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_add_list_passwd_remove(db_path, monkeypatch, capsys):
    assert run(monkeypatch, capsys, "users", "add", "王伟", "--role", "admin", "--password-stdin", stdin="secret-pass1\n") == (
        0, "已添加用户“王伟”（管理员）。\n", "")
    assert run(monkeypatch, capsys, "users", "add", "li", "--role", "editor", "--password-stdin", "--db", str(db_path),
               "--lang", "en", stdin="secret-pass2\n") == (0, "Added the user “li” (editor).\n", "")
    code, out, _ = run(monkeypatch, capsys, "users", "list", "--json")
    assert code == 0
    assert [(u["name"], u["role"], u["disabled"], u["locked"]) for u in json.loads(out)] == [
        ("li", "editor", False, False), ("王伟", "admin", False, False)]
    code, out, _ = run(monkeypatch, capsys, "users", "list", "--lang", "en")
    lines = out.splitlines()
    assert lines[0].split() == ["User", "Role", "Created", "(UTC)", "Status"]
    assert lines[2].split()[:2] == ["li", "editor"] and lines[2].endswith("active")
    assert run(monkeypatch, capsys, "users", "passwd", "li", "--password-stdin", stdin="secret-pass3\n") == (
        0, "已为“li”设置新密码。\n", "")
    assert run(monkeypatch, capsys, "users", "remove", "li") == (0, "已删除用户“li”。\n", "")
    code, out, _ = run(monkeypatch, capsys, "audit", "--json")
    assert [(e["action"], e["detail"]) for e in json.loads(out)] == [
        ("account_change", "remove li role=editor"),
        ("account_change", "password li"),
        ("account_change", "add li role=editor"),
        ("account_change", "add 王伟 role=admin"),
    ]
    assert {e["user"] for e in json.loads(out)} <= {"cli", f"cli:{__import__('getpass').getuser()}"}


def test_users_add_prompts_twice(db_path, monkeypatch, capsys):
    typed = iter(["secret-pass1", "secret-pass1"])
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or next(typed))
    assert run(monkeypatch, capsys, "users", "add", "li", "--role", "viewer", "--lang", "en")[0] == 0
    assert prompts == ["Password for li: ", "Repeat the password: "]


def test_users_add_refuses_different_passwords(db_path, monkeypatch, capsys):
    typed = iter(["secret-pass1", "secret-pass2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    assert run(monkeypatch, capsys, "users", "add", "li", "--role", "viewer") == (
        1, "", "两次输入的密码不一致，未做任何更改。\n")
    assert run(monkeypatch, capsys, "users", "list") == (
        0, "还没有任何账号。创建第一位管理员：python -m museum users add 名称 --role admin\n", "")


@pytest.mark.parametrize(
    "argv, stdin, code, err",
    [
        (["users", "add", "li", "--role", "viewer", "--password-stdin"], "", 1,
         "标准输入中没有密码。用法：echo 密码 | python -m museum users add 名称 --role 角色 --password-stdin\n"),
        (["users", "add", "li", "--role", "viewer", "--password-stdin"], "short\n", 1, "密码太短：至少需要 8 个字符。\n"),
        (["users", "remove", "nobody"], "", 1, "没有名为“nobody”的用户。查看现有用户：python -m museum users list\n"),
        (["users", "passwd", "nobody", "--password-stdin"], "secret-pass1\n", 1,
         "没有名为“nobody”的用户。查看现有用户：python -m museum users list\n"),
        (["restore", "/nonexistent/backup"], "", 1,
         "/nonexistent/backup 不是本系统的备份（缺少 manifest.json）。请指定 python -m museum backup 写出的目录。\n"),
    ],
)
def test_refusals_exit_1_with_the_reason(db_path, monkeypatch, capsys, argv, stdin, code, err):
    assert run(monkeypatch, capsys, *argv, stdin=stdin) == (code, "", err)


@pytest.mark.parametrize(
    "argv",
    [["users", "add", "li", "--role", "boss"], ["users", "add", "li"], ["users"], ["audit", "--action", "launch"], ["backup"]],
)
def test_usage_errors_exit_2(db_path, monkeypatch, capsys, argv):
    with pytest.raises(SystemExit) as caught:
        run(monkeypatch, capsys, *argv)
    assert caught.value.code == 2


def test_backup_and_restore_commands(db_path, tmp_path, monkeypatch, capsys):
    run(monkeypatch, capsys, "users", "add", "boss", "--role", "admin", "--password-stdin", stdin="secret-pass1\n")
    code, out, err = run(monkeypatch, capsys, "backup", str(tmp_path / "snap"), "--lang", "en")
    assert (code, err) == (0, "Note: the backup is not signed (no backup key is configured: MUSEUM_BACKUP_KEY or "
                              "[museum_backup] key in secrets.toml), so a restore cannot tell whether it was altered.\n")
    tables = len(json.loads((tmp_path / "snap" / "manifest.json").read_text(encoding="utf-8"))["tables"])
    assert out.startswith(f"Backed up to {tmp_path / 'snap'}: {tables} tables, ")
    assert out.endswith(f"rows. To restore: python -m museum restore {tmp_path / 'snap'}\n")
    code, out, err = run(monkeypatch, capsys, "backup", str(tmp_path / "snap"))
    assert code == 1 and "已存在且不为空" in err
    code, out, err = run(monkeypatch, capsys, "restore", str(tmp_path / "snap"), "--db", str(tmp_path / "new.duckdb"))
    assert (code, err) == (0, "备份签名：未校验签名（本服务器没有配置备份密钥）。\n")
    assert out.startswith(f"已从备份恢复数据库 {tmp_path / 'new.duckdb'}（")
    code, out, _ = run(monkeypatch, capsys, "users", "list", "--json", "--db", str(tmp_path / "new.duckdb"))
    assert [u["name"] for u in json.loads(out)] == ["boss"]


def test_busy_database_exits_3(db_path, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(30)", str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = subprocess.run(
            [sys.executable, "-m", "museum", "backup", str(tmp_path / "snap"), "--db", str(db_path)],
            cwd=settings.ROOT, capture_output=True, text=True, env={**__import__("os").environ, "MUSEUM_DB_WAIT_SECONDS": "0.2"},
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3
    assert result.stderr.startswith(f"数据库 {db_path} 正被另一个程序占用")
