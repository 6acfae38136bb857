"""The PostgreSQL store's roles (issue 25, "Tenancy"; docs/deployment.md §5b).

Three roles, made and kept by one admin command (`python -m museum db roles --db <admin URL>`,
idempotent: run it once at set-up and again after each upgrade):

- `museum_owner` (NOLOGIN): owns the schema's tables, sequences and functions. Migrations run as
  it (`SET ROLE` from the admin's connection); nobody logs in as it, so the app never holds DDL
  rights or bypasses row-level security (an owner would).
- `museum_writer` (LOGIN; the dashboard's and the CLI's MUSEUM_DB): select, insert, update and
  delete on the tables, the sequences, the functions. Row-level security (migration 0021) lets it
  write a unit's rows only in a transaction that named that unit (museum.store.db.transaction).
- `museum_reader` (LOGIN; MUSEUM_DB_READER): select only, plus TEMPORARY on the database for the
  temporary tables that hold a page's frames (museum.store.pg.PgConnection.register).

Roles belong to the cluster, grants to the database: the command does both for the database it
is given. Passwords: MUSEUM_WRITER_PASSWORD / MUSEUM_READER_PASSWORD when set (a role made
without one can log in only where pg_hba.conf trusts or maps the connection).
"""

from __future__ import annotations

import os

from museum.store import views

OWNER, WRITER, READER = "museum_owner", "museum_writer", "museum_reader"
PASSWORD_ENV = {WRITER: "MUSEUM_WRITER_PASSWORD", READER: "MUSEUM_READER_PASSWORD"}

# the objects of the schema whose owner becomes museum_owner (a database first built as the admin)
_OWNED = """
select format('alter %s %s owner to museum_owner', kind, name) as statement from (
    select case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                else 'table' end as kind, format('%I', c.relname) as name
    from pg_class as c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'S', 'v', 'm')
      and pg_get_userbyid(c.relowner) <> 'museum_owner'
      and not (c.relkind = 'S' and exists (select 1 from pg_depend as d where d.objid = c.oid and d.deptype in ('a', 'i')))
    union all
    select case p.prokind when 'a' then 'aggregate' else 'function' end, p.oid::regprocedure::text
    from pg_proc as p
    where p.pronamespace = current_schema()::regnamespace and pg_get_userbyid(p.proowner) <> 'museum_owner'
) as owned
"""

def _in_schema(statement: str) -> str:
    """`statement` (constant text, `%I` where the schema's name goes) run for the connection's schema."""
    return f"do 'begin execute format(''{statement}'', current_schema()); end'"


# constant statements only: role names are this module's, never values (a password is bound)
_CREATE = {
    OWNER: "create role museum_owner nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls",
    WRITER: "create role museum_writer login nosuperuser nocreatedb nocreaterole noinherit nobypassrls",
    READER: "create role museum_reader login nosuperuser nocreatedb nocreaterole noinherit nobypassrls",
}
# an existing role is brought back to what it must be: never a login for the owner
_KEEP = {
    OWNER: "alter role museum_owner nologin nosuperuser nobypassrls",
    WRITER: "alter role museum_writer login nosuperuser nobypassrls",
    READER: "alter role museum_reader login nosuperuser nobypassrls",
}
_PASSWORD = {
    WRITER: "alter role museum_writer password $password",
    READER: "alter role museum_reader password $password",
}

_GRANTS = [
    # the database: the two app roles connect; the reader (and the writer) make temporary tables
    "do 'begin execute format(''grant connect, temporary on database %I to museum_writer, museum_reader'', "
    "current_database()); end'",
    _in_schema("grant create, usage on schema %I to museum_owner"),
    _in_schema("grant usage on schema %I to museum_writer, museum_reader"),
    _in_schema("revoke create on schema %I from public, museum_writer, museum_reader"),
]

_TABLE_GRANTS = [
    _in_schema("grant select, insert, update, delete on all tables in schema %I to museum_writer"),
    # the migrations' record is the owner's: the writer only reads which are applied
    "revoke insert, update, delete on schema_migrations from museum_writer",
    _in_schema("grant select on all tables in schema %I to museum_reader"),
    _in_schema("grant usage, select, update on all sequences in schema %I to museum_writer"),
    _in_schema("grant select on all sequences in schema %I to museum_reader"),  # the data version
    _in_schema("grant execute on all functions in schema %I to museum_writer, museum_reader"),
    # what a later migration (run as museum_owner) creates gets the same grants
    _in_schema("alter default privileges for role museum_owner in schema %I "
               "grant select, insert, update, delete on tables to museum_writer"),
    _in_schema("alter default privileges for role museum_owner in schema %I grant select on tables to museum_reader"),
    _in_schema("alter default privileges for role museum_owner in schema %I "
               "grant usage, select, update on sequences to museum_writer"),
    _in_schema("alter default privileges for role museum_owner in schema %I grant select on sequences to museum_reader"),
]


def _exists(con, role: str) -> bool:
    return bool(con.execute("select count(*) from pg_roles where rolname = $role", {"role": role}).fetchall()[0][0])


def ensure_roles(con, passwords: dict[str, str | None] | None = None) -> list[str]:
    """Create the three roles where missing (and set the app roles' passwords when given); the
    names of the roles created."""
    passwords = passwords or {}
    created = []
    for role in (OWNER, WRITER, READER):
        if not _exists(con, role):
            con.execute(_CREATE[role])
            created.append(role)
        con.execute(_KEEP[role])
        if role in _PASSWORD and passwords.get(role):
            con.execute(_PASSWORD[role], {"password": passwords[role]})
    return created


def prepare(con, init, passwords: dict[str, str | None] | None = None) -> dict:
    """The whole admin step on the admin's connection `con` (a superuser, or a role that may create
    roles and owns the database): roles, ownership by museum_owner, `init(con)` as museum_owner
    (museum.seed.init: migrations, catalog, embedded data; a dict), then the app roles' grants.
    Idempotent."""
    created = ensure_roles(con, passwords)
    for statement in _GRANTS:
        con.execute(statement)
    moved = [row[0] for row in con.execute(_OWNED).fetchall()]
    for statement in moved:
        con.execute(statement)  # built by the server (format %I) from the catalog's names
    con.execute("set role museum_owner")
    try:
        result = init(con)
        # the writer's policies, on a database migrated before the role existed (migration 0021)
        con.execute("select row_security_track()")
    finally:
        con.execute("reset role")
    # init's commits started a refresh of the comparison's view (museum.store.views); a grant on every
    # table while it runs fails with "tuple concurrently updated", so the grants come after it
    views.wait()
    for statement in _TABLE_GRANTS:
        con.execute(statement)
    return {"created": created, "owner_changes": len(moved), **result}


def passwords_from_env() -> dict[str, str | None]:
    return {role: os.environ.get(env) or None for role, env in PASSWORD_ENV.items()}
