-- Whether review before figures are official is on for an institution (no row: off).
-- columns: review_on
select review_on from review_setting where institution_id = $institution_id
