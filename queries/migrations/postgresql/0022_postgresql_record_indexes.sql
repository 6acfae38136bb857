-- 0022_postgresql_record_indexes: one unit's current records found by index, not by a scan of every
-- unit's (bench/scale.py at national size: a unit's platform items 85 ms -> 5 ms, its targets
-- 26 ms -> 2 ms). Partial: only current rows ("retired_by_batch is null") are read by the pages.
create index award_current_by_unit on award (institution_id) where retired_by_batch is null;
create index honor_current_by_unit on honor (institution_id) where retired_by_batch is null;
create index research_current_by_unit on research (institution_id) where retired_by_batch is null;
create index profile_field_current_by_unit on profile_field (institution_id) where retired_by_batch is null;
create index target_current_by_unit on target (institution_id) where retired_by_batch is null;
create index budget_figure_current_by_unit on budget_figure (institution_id) where retired_by_batch is null;
create index key_task_current_by_unit on key_task (institution_id) where retired_by_batch is null;
create index timeline_event_current_by_unit on timeline_event (institution_id) where retired_by_batch is null;
create index platform_item_current_by_unit on platform_item (institution_id) where retired_by_batch is null;
