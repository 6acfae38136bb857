"""Staff data intake, in steps: decode bytes, read sheets, find each layout, parse and validate values.

`museum.intake.ingest` puts the steps together (analyse, preview, commit); the modules here are pure
(bytes and frames in, frames and problems out) and never touch the database.
"""
