-- Every institution with its 举办单位 (or none), by name: `institutions list` and the admin page.
-- columns: institution_id, name, sponsor_id, sponsor, created_at
select i.institution_id, i.name, s.sponsor_id, p.name as sponsor, i.created_at
from institution i
left join institution_sponsor s using (institution_id)
left join institution p on p.institution_id = s.sponsor_id
order by i.name
