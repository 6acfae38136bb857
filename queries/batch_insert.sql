-- columns: batch_id
insert into batch (kind, institution_id, file_name, file_sha256, file_size, user_name, note, is_demo, rolls_back)
values ($kind, $institution_id, $file_name, $file_sha256, $file_size, $user_name, $note, $is_demo, $rolls_back)
returning batch_id
