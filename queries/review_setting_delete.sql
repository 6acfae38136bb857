delete from review_setting where institution_id = $institution_id
