-- The raw bytes of a stored upload, by hash.
-- columns: content
select content from stored_file where sha256 = $sha256
