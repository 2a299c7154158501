"""The database: loading a run into DuckDB or PostgreSQL, near-duplicate articles."""
