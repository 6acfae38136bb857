-- Whether an account holds the sponsor role on the 举办单位 of an institution (0 or 1).
-- columns: sponsored
select count(*) as sponsored
from membership m join institution_sponsor s on s.sponsor_id = m.institution_id
where m.user_name = $user_name and m.role = 'sponsor' and s.institution_id = $institution_id
