-- Every institution with the years it has data for, newest first.
-- columns: institution_id, name, latest_year, years
with

observed_years as (
    select institution_id, year from observation where retired_by_batch is null
    union
    select institution_id, year from award where retired_by_batch is null
    union
    select institution_id, year from research where retired_by_batch is null
    union
    select institution_id, year from profile_field where retired_by_batch is null
),

final as (
    select
        i.institution_id,
        i.name,
        max(y.year) as latest_year,
        count(distinct y.year) as years
    from institution as i
    left join observed_years as y using (institution_id)
    group by i.institution_id, i.name
)

select * from final
order by name
