-- How many rows batch $target wrote in each versioned table (a rollback retires them all: the
-- values it changes back are the larger of these and the rows it revives, per table).
-- columns: table_name, written
select 'observation' as table_name, count(*) as written from observation where batch_id = $target
union all
select 'award' as table_name, count(*) as written from award where batch_id = $target
union all
select 'honor' as table_name, count(*) as written from honor where batch_id = $target
union all
select 'research' as table_name, count(*) as written from research where batch_id = $target
union all
select 'profile_field' as table_name, count(*) as written from profile_field where batch_id = $target
union all
select 'target' as table_name, count(*) as written from target where batch_id = $target
union all
select 'budget_figure' as table_name, count(*) as written from budget_figure where batch_id = $target
union all
select 'key_task' as table_name, count(*) as written from key_task where batch_id = $target
union all
select 'timeline_event' as table_name, count(*) as written from timeline_event where batch_id = $target
union all
select 'platform_item' as table_name, count(*) as written from platform_item where batch_id = $target
union all
select 'platform_daily' as table_name, count(*) as written from platform_daily where batch_id = $target
union all
select 'column_alias' as table_name, count(*) as written from column_alias where batch_id = $target
union all
select 'volunteer_record' as table_name, count(*) as written from volunteer_record where batch_id = $target
union all
select 'draft_field' as table_name, count(*) as written from draft_field where batch_id = $target
