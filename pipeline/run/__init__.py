"""Running: one article from text to records, and the batch that runs many."""
