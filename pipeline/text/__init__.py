"""Text analysis shared by every stage: the Document, its sentences and words, and the data files."""
