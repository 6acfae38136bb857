-- PostgreSQL only: the unit whose rows the current transaction writes (museum.store.db.set_institution);
-- local to the transaction. Migration 0021's row-level security lets the writer role insert,
-- update and delete only rows of this unit.
-- columns: institution
select set_config('museum.institution', $institution, true) as institution
