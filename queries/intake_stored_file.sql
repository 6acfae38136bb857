-- The bytes kept for an upload, as stored: zstd-compressed (compression 'zstd') or, for files kept
-- before migration 0008, as they were (compression null); size is the file's own size.
-- columns: content, size, compression
select content, size, compression from stored_file where sha256 = $sha256
