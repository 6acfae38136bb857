-- The raw bytes of a stored upload, by hash.
select content from stored_file where sha256 = $sha256
