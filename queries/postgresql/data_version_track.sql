-- PostgreSQL only: the data-version trigger on every table that lacks it (after each migration).
-- columns: added
select data_version_track() as added
