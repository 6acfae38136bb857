insert into app_secret (name, value) values ($name, $value)
on conflict (name) do update set value = excluded.value
