-- 0019_postgresql_store (PostgreSQL only; the DuckDB file is empty):
--
-- 1. One current value per (institution, metric, year, month, platform) among the rows no batch
--    has retired. month null is the whole year and platform null the matrix total, so those nulls
--    count as values here. An exclusion constraint rather than a partial unique index: it can be
--    checked at the end of each statement (deferrable), and a rollback revives one row and
--    retires another of the same key in one UPDATE, which a unique index, checked row by row,
--    refuses. Two batches writing the same key at once: the second waits for the first, then fails.
alter table observation add constraint observation_current_key
    exclude using btree (institution_id with =, metric_id with =, year with =, coalesce(month, 0) with =,
                         coalesce(platform, '') with =)
    where (retired_by_batch is null)
    deferrable initially immediate;

-- 2. DuckDB functions the named queries call, with DuckDB's meaning, so that those queries need
--    no PostgreSQL copy of their own. (A polymorphic SQL function needs a quoted body.)
create function year(value timestamp) returns integer
    language sql immutable parallel safe return extract(year from value)::integer;
create function year(value date) returns integer
    language sql immutable parallel safe return extract(year from value)::integer;
create function month(value timestamp) returns integer
    language sql immutable parallel safe return extract(month from value)::integer;
create function month(value date) returns integer
    language sql immutable parallel safe return extract(month from value)::integer;

-- contains(text, part): whether part occurs in text
create function contains(value text, part text) returns boolean
    language sql immutable parallel safe return strpos(value, part) > 0;

-- hash(id): a 64-bit hash of an id (fingerprints of row sets; any good spread will do)
create function hash(value bigint) returns bigint
    language sql immutable parallel safe return hashint8extended(value, 0);

-- list(x): the aggregate of values into an array (nulls kept, as DuckDB keeps them)
create aggregate list(anycompatible) (sfunc = array_append, stype = anycompatiblearray, initcond = '{}');

-- list_distinct(xs): the distinct values, nulls dropped, as DuckDB's
create function list_distinct(value anyarray) returns anyarray
    language sql immutable parallel safe
    as 'select array(select distinct x from unnest(value) as x where x is not null)';

-- list_sort(xs): ascending, nulls last (DuckDB's default order)
create function list_sort(value anyarray) returns anyarray
    language sql immutable parallel safe
    as 'select array(select x from unnest(value) as x order by x nulls last)';

-- 3. The data version (issue 25): what every dashboard process checks before trusting its cache
--    (museum.store.db.data_version; on DuckDB the file's identity, size and time). A sequence, not
--    a row that each write updates: under repeatable read two units' simultaneous batches would
--    conflict on that one row, and a sequence never waits nor conflicts. Every statement that
--    changes a table draws a number (the trigger below, inside the writing transaction), and
--    museum.store.db.transaction draws one more just after a commit that wrote, so that a reader who
--    cached the old rows under a number drawn before the commit sees a newer number afterwards.
create sequence data_version_seq;

create function data_version_bump() returns trigger language plpgsql as '
begin
    perform nextval(''data_version_seq'');
    return null;
end';

-- Gives every table of the schema that lacks it the trigger above; museum.store.db.migrate calls
-- it after each PostgreSQL migration (queries/postgresql/data_version_track.sql), so a table a
-- later migration creates is tracked without that migration saying so.
create function data_version_track() returns integer language plpgsql as '
declare
    found record;
    added integer := 0;
begin
    for found in
        select c.relname from pg_class as c
        where c.relnamespace = current_schema()::regnamespace and c.relkind in (''r'', ''p'')
          and c.relname <> ''schema_migrations''
          and not exists (select 1 from pg_trigger as t where t.tgrelid = c.oid and t.tgname = ''data_version'')
    loop
        execute format(''create trigger data_version after insert or update or delete or truncate on %I ''
                       ''for each statement execute function data_version_bump()'', found.relname);
        added := added + 1;
    end loop;
    return added;
end';
