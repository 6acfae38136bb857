-- Keep an upload's raw bytes (relation `frame`: one row of sha256, size, content), once per hash.
-- `content` is the file compressed with zstd (museum.store.batches.create_batch); `size` is the file's own.
-- A registered Arrow table, not a bound parameter: binding a 30 MB blob costs twice as long.
insert into stored_file (sha256, size, content, compression)
select sha256, size, content, 'zstd' from frame
on conflict (sha256) do nothing
