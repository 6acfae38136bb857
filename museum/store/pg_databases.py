"""Whole databases of the PostgreSQL store's server: create, drop, and swap by name (the pg_dump
backup's restore, museum.backup.pg).

CREATE/ALTER/DROP DATABASE take identifiers, never bound values, so these statements are
composed here with psycopg.sql.Identifier (quoted, injection-proof), in the store layer, as the
DuckDB backup's EXPORT statement is composed in museum.backup. They run on a connection to the
server's `postgres` database: a database cannot be renamed or dropped from inside itself.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from museum.store import views
from museum.store.pg import close_version_connections, database_error

def database_url(url: str, name: str) -> str:
    """`url` naming another database of the same server (same user, host and options)."""
    parts = urlsplit(str(url))
    return urlunsplit(parts._replace(path="/" + name))


def database_name(url: str) -> str:
    return urlsplit(str(url)).path.lstrip("/") or "postgres"


def _maintenance(url: str):
    """A connection to the server's `postgres` database, from which others are made and renamed."""
    try:
        return psycopg.connect(database_url(url, "postgres"), autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        raise database_error(exc, url) from exc


def create_database(url: str, name: str) -> str:
    """A new, empty database `name` (any leftover of that name dropped first); its URL."""
    with _maintenance(url) as raw:
        try:
            raw.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
            raw.execute(sql.SQL("create database {} template template0").format(sql.Identifier(name)))
        except psycopg.Error as exc:
            raise database_error(exc, url) from exc
    return database_url(url, name)


def drop_database(url: str, name: str) -> None:
    with _maintenance(url) as raw:
        try:
            raw.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
        except psycopg.Error as exc:
            raise database_error(exc, url) from exc


def swap_databases(url: str, current: str, kept: str, staging: str) -> str | None:
    """In one transaction: `current` (if it exists) renamed to `kept` (`kept_2`, … when taken),
    `staging` renamed to `current` — at no moment is there no database of that name. Returns
    the name `current` is kept under ("" when there was none); None (nothing changed) while any
    session is connected to `current` or `staging` (PostgreSQL refuses to rename them)."""
    views.wait()  # this process's refresh of the comparison's view is a session too
    close_version_connections()
    with _maintenance(url) as raw:
        try:
            with raw.transaction():
                names = {row[0] for row in raw.execute("select datname from pg_database").fetchall()}
                name, number = "", 2
                if current in names:
                    name = kept
                    while name in names:
                        name, number = f"{kept[:58]}_{number}", number + 1
                    raw.execute(sql.SQL("alter database {} rename to {}").format(sql.Identifier(current), sql.Identifier(name)))
                raw.execute(sql.SQL("alter database {} rename to {}").format(sql.Identifier(staging), sql.Identifier(current)))
        except psycopg.errors.ObjectInUse:
            return None
        except psycopg.Error as exc:
            raise database_error(exc, url) from exc
    return name
