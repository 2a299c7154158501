"""Outputs: the run's JSONL and Parquet files."""
