-- 0008_stored_file_compression: uploads' raw bytes are kept compressed.
--
-- Writing a 30 MB upload's bytes uncompressed was a quarter of a million-row commit (DuckDB
-- writes the value to its log and then again to the file). From here on each file is stored as
-- zstd (level 1) and read back exactly (museum.store.batches.stored_file_bytes); `size` stays the size
-- of the file itself. Rows written before this migration keep their bytes as they were
-- (compression null).
alter table stored_file add column compression varchar;
