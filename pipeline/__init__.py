"""bantin's pipeline: ingest, article metadata, tokenisation, records, writers and the CLI."""
