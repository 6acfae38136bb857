-- 0021_row_security (PostgreSQL only; the DuckDB file is empty): row-level security per
-- institution (issue 25, "Tenancy"; docs/deployment.md §5b).
--
-- Every table with an `institution_id` column holds one unit's rows. For the app's role
-- `museum_writer` a row may be inserted, updated or deleted only when its institution is the one
-- the transaction named with `set_config('museum.institution', ID, true)`
-- (museum.store.db.set_institution); no other role but the tables' owner and superusers (which
-- row-level security does not bind: migrations, the admin step) may write them at all. Reading is not limited here: which units a user sees is
-- decided by museum/access/rights.py, as on DuckDB.
--
-- Left without a policy (grants only): the administration tables `institution` (the list of
-- units: `institutions add` creates a unit, `receive` may too), `membership` and
-- `institution_sponsor` (an admin's grants and 举办单位 links, written for any unit), and the
-- tables without an institution (accounts, audit, sessions, throttles, stored files, metrics).

-- The transaction's unit. Fails loudly when none was named: a write of unit rows without one is
-- a programming error, and a silent "0 rows changed" would hide it.
create function museum_institution() returns integer language plpgsql stable as '
declare
    named text := current_setting(''museum.institution'', true);
begin
    if named is null or named = '''' then
        raise exception using errcode = ''MU001'',
            message = ''no institution is set for this transaction (museum.institution)'',
            hint = ''open the transaction with museum.store.db.transaction(con, institution=ID)'';
    end if;
    return named::integer;
end';

-- Row-level security on every table of the schema with an institution_id (but the administration
-- tables above) that lacks it: every role may read (museum_read), and the writes of `museum_writer`
-- are limited to the transaction's unit. The write policies name that role: another role that is
-- not the owner (museum_reader, or any role an admin adds) has no write policy, so row-level
-- security refuses it every write even where a grant would allow one. The role is made by the
-- admin step (museum.store.pg_roles), possibly after this migration ran: that step calls this
-- function again, so it adds what is missing, policy by policy. museum.store.db.migrate calls it
-- after each PostgreSQL migration from this one on (queries/postgresql/row_security_track.sql),
-- so a table a later migration creates is covered without that migration saying so.
create function row_security_track() returns integer language plpgsql as '
declare
    found record;
    added integer := 0;
    writer boolean := exists (select 1 from pg_roles where rolname = ''museum_writer'');
begin
    for found in
        select c.oid, c.relname, c.relrowsecurity from pg_class as c
        join pg_attribute as a on a.attrelid = c.oid and a.attname = ''institution_id'' and not a.attisdropped
        where c.relnamespace = current_schema()::regnamespace and c.relkind in (''r'', ''p'')
          and c.relname not in (''institution'', ''membership'', ''institution_sponsor'')
    loop
        if not found.relrowsecurity then
            execute format(''alter table %I enable row level security'', found.relname);
            execute format(''create policy museum_read on %I for select using (true)'', found.relname);
            added := added + 1;
        end if;
        if writer and not exists (select 1 from pg_policy as p
                                  where p.polrelid = found.oid and p.polname = ''museum_insert'') then
            execute format(''create policy museum_insert on %I for insert to museum_writer ''
                           ''with check (institution_id = museum_institution())'', found.relname);
            execute format(''create policy museum_update on %I for update to museum_writer ''
                           ''using (institution_id = museum_institution()) ''
                           ''with check (institution_id = museum_institution())'', found.relname);
            execute format(''create policy museum_delete on %I for delete to museum_writer ''
                           ''using (institution_id = museum_institution())'', found.relname);
        end if;
    end loop;
    return added;
end';

select row_security_track();
