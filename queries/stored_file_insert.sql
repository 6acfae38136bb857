-- Keep an upload's raw bytes (relation `frame`: one row of sha256, size, content), once per hash.
-- A registered Arrow table, not a bound parameter: binding a 30 MB blob costs twice as long.
insert into stored_file (sha256, size, content)
select sha256, size, content from frame
on conflict (sha256) do nothing
