-- Rows in one table, named by a bound value. PostgreSQL has no query_table: the count runs as
-- a query of its own (format %I quotes the name as an identifier, so a value is never SQL).
-- columns: count_star()
select (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', $table_name::text), false, true, '')))[1]::text::bigint
    as "count_star()"
