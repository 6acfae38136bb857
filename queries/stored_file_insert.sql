insert into stored_file (sha256, size, content) values ($sha256, $size, $content)
on conflict (sha256) do nothing
