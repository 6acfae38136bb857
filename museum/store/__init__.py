"""The store: connections, the shared read path, file locks, database errors, versioned batches, the audit trail.

`db` connects (waiting for a busy file), migrates and runs the named queries of `queries/*.sql`;
`pool` keeps one DuckDB instance per file per process; `files` holds the lock and the modes of
the files beside a database; `errors` turns DuckDB's and the system's failures into the project's
own; `batches` writes every change as one versioned batch; `audit` records who did it, in the
same transaction. The migrations stay in `queries/migrations/`, beside the queries they serve.
"""
