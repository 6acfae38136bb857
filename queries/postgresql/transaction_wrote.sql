-- PostgreSQL only: whether the current transaction has written anything (it then has an id), so
-- that only a transaction that wrote draws a new data version after its commit.
-- columns: wrote
select txid_current_if_assigned() is not null as wrote
