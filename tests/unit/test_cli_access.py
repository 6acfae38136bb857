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
    assert lines[0].split() == ["User", "Role", "Created", "(UTC)", "Status", "Units"]  # each account's units (issue 24)
    assert lines[2].split()[:2] == ["li", "editor"] and lines[2].endswith("active  西安市科学技术馆：editor")
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



def test_backup_and_restore_commands(db_path, tmp_path, monkeypatch, capsys, new_database):
    new = new_database("new")
    run(monkeypatch, capsys, "users", "add", "boss", "--role", "admin", "--password-stdin", stdin="secret-pass1\n")
    code, out, err = run(monkeypatch, capsys, "backup", str(tmp_path / "snap"), "--lang", "en")
    assert (code, err) == (0, "Note: the backup is not signed (no backup key is configured: MUSEUM_BACKUP_KEY or "
                              "[museum_backup] key in secrets.toml), so a restore cannot tell whether it was altered.\n")
    tables = len(json.loads((tmp_path / "snap" / "manifest.json").read_text(encoding="utf-8"))["tables"])
    assert out.startswith(f"Backed up to {tmp_path / 'snap'}: {tables} tables, ")
    assert out.endswith(f"rows. To restore: python -m museum restore {tmp_path / 'snap'}\n")
    code, out, err = run(monkeypatch, capsys, "backup", str(tmp_path / "snap"))
    assert code == 1 and "已存在且不为空" in err
    code, out, err = run(monkeypatch, capsys, "restore", str(tmp_path / "snap"), "--db", str(new))
    assert (code, err) == (0, "备份签名：未校验签名（本服务器没有配置备份密钥）。\n")
    assert out.startswith(f"已从备份恢复数据库 {new}（")
    code, out, _ = run(monkeypatch, capsys, "users", "list", "--json", "--db", str(new))
    assert [u["name"] for u in json.loads(out)] == ["boss"]


@pytest.mark.duckdb_only  # the DuckDB file, its lock and modes
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


KEY = "a-backup-key-for-the-tests-0001"


def test_users_unlock(db_path, monkeypatch, capsys):
    from museum.access import auth
    from museum.store import db
    from museum.errors import InputRejected

    run(monkeypatch, capsys, "users", "add", "boss", "--role", "admin", "--password-stdin", stdin="secret-pass1\n")
    monkeypatch.setenv("MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES", "5")
    with db.session(db_path) as con:
        for attempt in range(5):
            with pytest.raises(InputRejected):
                auth.sign_in(con, "boss", "wrong", client="203.0.113.7")
    code, out, _ = run(monkeypatch, capsys, "users", "list", "--json")
    assert [(u["name"], u["locked"]) for u in json.loads(out)] == [("boss", True)]
    assert run(monkeypatch, capsys, "users", "unlock", "boss") == (0, "已解除“boss”的登录锁定。\n", "")
    code, out, _ = run(monkeypatch, capsys, "users", "list", "--json")
    assert [(u["name"], u["locked"]) for u in json.loads(out)] == [("boss", False)]
    code, out, err = run(monkeypatch, capsys, "users", "unlock", "--list", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == ["Address", "Failures", "Locked", "until", "(UTC)"]
    assert out.splitlines()[2].split()[:2] == ["203.0.113.7", "5"]
    assert run(monkeypatch, capsys, "users", "unlock", "--client", "203.0.113.7", "--lang", "en") == (
        0, "Lifted the sign-in lock of the address 203.0.113.7.\n", "")
    assert run(monkeypatch, capsys, "users", "unlock", "--list") == (0, "目前没有被锁定的地址。\n", "")
    assert run(monkeypatch, capsys, "users", "unlock") == (2, "", "请指定要解锁的用户名，或用 --client 地址 / --list。\n")
    assert run(monkeypatch, capsys, "users", "unlock", "ghost") == (
        1, "", "没有名为“ghost”的用户。查看现有用户：python -m museum users list\n")
    code, out, _ = run(monkeypatch, capsys, "audit", "--json", "--action", "account_change")
    assert [e["detail"] for e in json.loads(out)][:2] == ["unlock client 203.0.113.7", "unlock boss"]



def test_signed_backup_and_restore(db_path, tmp_path, monkeypatch, capsys, new_database):
    from museum.backup import manifest as backup_manifest

    monkeypatch.setenv("MUSEUM_BACKUP_KEY", KEY)
    code, out, err = run(monkeypatch, capsys, "backup", str(tmp_path / "snap"))
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == f"备份清单已签名（密钥编号 {backup_manifest.key_id(KEY)}）。"
    code, out, err = run(monkeypatch, capsys, "restore", str(tmp_path / "snap"), "--db", str(new_database("new")))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "备份签名：已签名并校验。"



def test_unsigned_backup_needs_allow_unsigned_while_a_key_is_set(db_path, tmp_path, monkeypatch, capsys, new_database):
    assert run(monkeypatch, capsys, "backup", str(tmp_path / "snap"))[0] == 0  # no key yet: unsigned
    monkeypatch.setenv("MUSEUM_BACKUP_KEY", KEY)
    target = new_database("new")
    code, out, err = run(monkeypatch, capsys, "restore", str(tmp_path / "snap"), "--db", str(target), "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith(f"The backup {tmp_path / 'snap'} is not signed, and this server has a backup key")
    assert not target.exists()
    code, out, err = run(monkeypatch, capsys, "restore", str(tmp_path / "snap"), "--db", str(target), "--allow-unsigned")
    assert (code, err) == (0, "备份签名：未签名（已按 --allow-unsigned 接受）。\n")
    assert target.exists()


def test_a_short_backup_key_is_a_usage_error(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MUSEUM_BACKUP_KEY", "short")
    assert run(monkeypatch, capsys, "backup", str(tmp_path / "snap")) == (
        2, "", '备份密钥太短（5 个字符），至少需要 16 个字符。生成一个：python -c "import secrets; print(secrets.token_hex(32))"\n')
    assert not (tmp_path / "snap").exists()



def test_the_backup_key_may_live_in_the_secrets_file(db_path, tmp_path, monkeypatch, capsys):
    from museum.backup import manifest as backup_manifest

    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[museum_backup]\nkey = "{KEY}"\n', encoding="utf-8")
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(secrets))
    code, out, err = run(monkeypatch, capsys, "backup", str(tmp_path / "snap"), "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == f"The backup's manifest is signed (key id {backup_manifest.key_id(KEY)})."


@pytest.mark.duckdb_only  # the DuckDB file, its lock and modes
def test_files_the_cli_writes_are_private(empty_db_path, tmp_path, monkeypatch, capsys):
    import os
    import stat

    assert run(monkeypatch, capsys, "init")[0] == 0
    assert run(monkeypatch, capsys, "users", "add", "boss", "--role", "admin", "--password-stdin", stdin="secret-pass1\n")[0] == 0
    assert run(monkeypatch, capsys, "backup", str(tmp_path / "snap"))[0] == 0
    modes = {p.name: stat.S_IMODE(os.stat(p).st_mode) for p in [empty_db_path, *empty_db_path.parent.glob("empty.duckdb.*")]}
    assert set(modes.values()) == {0o600}, modes
    assert stat.S_IMODE(os.stat(tmp_path / "snap").st_mode) == 0o700
    assert {stat.S_IMODE(os.stat(p).st_mode) for p in (tmp_path / "snap").iterdir()} == {0o600}


HOLD_READ_ONLY = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('ready', flush=True); time.sleep(30)"


@pytest.mark.duckdb_only  # the DuckDB file, its lock and modes
def test_a_dry_run_takes_no_write_lock(db_path, tmp_path):
    """While another process reads the database, a dry run works; a real import must wait (exit 3)."""
    upload = tmp_path / "small.csv"
    upload.write_bytes("年份,指标,数值\r\n2019,posts,123\r\n".encode("utf-8"))
    env = {**__import__("os").environ, "MUSEUM_DB_WAIT_SECONDS": "0.3"}
    command = [sys.executable, "-m", "museum", "ingest", str(upload), "--db", str(db_path), "--json"]
    subprocess.run([sys.executable, "-m", "museum", "init", "--db", str(db_path)], cwd=settings.ROOT, check=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_READ_ONLY, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        dry = subprocess.run([*command, "--dry-run"], cwd=settings.ROOT, capture_output=True, text=True, env=env)
        real = subprocess.run(command, cwd=settings.ROOT, capture_output=True, text=True, env=env)
    finally:
        holder.kill()
        holder.wait()
    assert (dry.returncode, json.loads(dry.stdout)["status"], json.loads(dry.stdout)["inserted"]) == (0, "valid", 1)
    assert real.returncode == 3
    assert real.stderr.startswith(f"数据库 {db_path} 正被另一个程序占用（")
    assert real.stderr.endswith(f"(PID {holder.pid})）。请稍后重试，或先关闭该程序。\n")


def test_a_write_credited_to_an_unknown_account_is_refused(db_path, tmp_path, monkeypatch, capsys):
    upload = tmp_path / "small.csv"
    upload.write_bytes("年份,指标,数值\r\n2019,posts,123\r\n".encode("utf-8"))
    code, out, err = run(monkeypatch, capsys, "ingest", str(upload), "--user", "王伟")
    assert (code, out, err) == (2, "", "没有名为“王伟”的账号：--user 只能写已有账号（python -m museum users list）；"
                                       "不写则记为当前系统用户。\n")
    code, out, _ = run(monkeypatch, capsys, "batches", "--json")
    assert len(json.loads(out)) == 1  # the embedded data only
