-- The institutions an account may see through its memberships: each one it holds a role in, and
-- every institution sponsored by one it holds the sponsor role in.
-- columns: institution_id
select institution_id from membership where user_name = $user_name
union
select s.institution_id
from membership m join institution_sponsor s on s.sponsor_id = m.institution_id
where m.user_name = $user_name and m.role = 'sponsor'
order by institution_id
