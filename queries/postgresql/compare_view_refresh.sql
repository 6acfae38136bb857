-- Bring the comparison's view up to date without blocking its readers (its unique index allows it).
refresh materialized view concurrently compare_values
