-- The snapshot of the current (repeatable read) transaction, for `pg_dump --snapshot`: the dump
-- then sees exactly what the manifest's row counts, read in the same transaction, saw.
-- columns: snapshot_id
select pg_export_snapshot() as snapshot_id
