-- One refresh of the comparison's view at a time per database (released at the transaction's end).
select pg_advisory_xact_lock($key)
