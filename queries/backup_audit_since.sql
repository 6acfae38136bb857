-- What was written after a moment: a restore refuses to replace changes made after it started.
-- columns: changes, first_at
select count(*) as changes, min(occurred_at) as first_at
from audit
where occurred_at >= $since
