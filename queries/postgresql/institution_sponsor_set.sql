-- The unit that sponsors an institution, replacing any earlier one (PostgreSQL: on conflict for
-- DuckDB's insert or replace).
insert into institution_sponsor (institution_id, sponsor_id) values ($institution_id, $sponsor_id)
on conflict (institution_id) do update set sponsor_id = excluded.sponsor_id
