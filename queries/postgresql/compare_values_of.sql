-- PostgreSQL only: the current values of several institutions up to a year, in one read of the
-- comparison's materialized view (migration 0020): per institution the rows and order of its
-- metric_values frame (museum.compare.sources splits them).
-- columns: institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms, batch_kind, batch_file, batch_user, batch_time, is_demo
select
    institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms,
    batch_kind, batch_file, batch_user, batch_time, is_demo
from compare_values
where institution_id = any($ids) and year <= $year
order by institution_id, metric_id, year, month nulls first
