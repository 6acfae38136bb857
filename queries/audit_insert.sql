insert into audit (occurred_at, user_name, action, detail, file_sha256)
values ($occurred_at, $user_name, $action, $detail, $file_sha256)
