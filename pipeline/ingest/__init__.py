"""Ingest: find the inputs, read text files and scraped pages, decode their encodings."""
