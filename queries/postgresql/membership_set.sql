-- An account's role in one institution, replacing any it had there (PostgreSQL: on conflict for
-- DuckDB's insert or replace).
insert into membership (user_name, institution_id, role) values ($user_name, $institution_id, $role)
on conflict (user_name, institution_id) do update set role = excluded.role
