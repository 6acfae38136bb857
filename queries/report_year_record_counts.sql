-- How many current records each event table holds for one institution and year.
-- columns: records, stored
with

counts as (
    select 'awards' as records, count(*) as stored from award
    where institution_id = $institution_id and year = $year and retired_by_batch is null
    union all
    select 'honors', count(*) from honor
    where institution_id = $institution_id and year = $year and retired_by_batch is null
    union all
    select 'research', count(*) from research
    where institution_id = $institution_id and year = $year and retired_by_batch is null
    union all
    select 'profile', count(*) from profile_field
    where institution_id = $institution_id and year = $year and retired_by_batch is null
),

final as (select * from counts)

select * from final
