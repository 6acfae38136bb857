-- Whether an institution has any current per-platform value (else there is no breakdown to check).
-- columns: found
select exists (
    select 1 from observation
    where institution_id = $institution_id and retired_by_batch is null and platform is not null
) as found
