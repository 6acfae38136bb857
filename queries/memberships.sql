-- Every membership with its institution's name, by account and name (users list, the admin page).
-- columns: user_name, institution_id, institution, role
select m.user_name, m.institution_id, i.name as institution, m.role
from membership m join institution i using (institution_id)
order by m.user_name, i.name
