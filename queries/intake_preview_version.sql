-- Which stored rows are current for the keys of a staged upload (relation `frame`): their number
-- and a fingerprint of their ids. Any commit or rollback that touches one of those keys since a
-- preview changes it, so a commit made from that preview can be refused as stale.
-- columns: matched, fingerprint
select
    count(*) as matched,
    coalesce(bit_xor(hash(o.observation_id)), 0) as fingerprint
from frame as f
join observation as o
    on o.metric_id = f.metric_id
    and o.year = f.year
    and o.month is not distinct from f.month
    and o.platform is not distinct from f.platform
where o.institution_id = $institution_id and o.retired_by_batch is null
