insert into review_setting (institution_id, review_on, changed_by, changed_at)
values ($institution_id, $review_on, $changed_by, $changed_at)
