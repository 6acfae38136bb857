-- PostgreSQL only: one more data version, drawn just after a commit (museum.store.db.transaction).
-- columns: version
select nextval('data_version_seq') as version
