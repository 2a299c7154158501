"""bantin's pipeline, in the order an article flows through it.

- `ingest/`   find the inputs, read files and pages, decode old encodings;
- `text/`     the Document: normalised text, paragraphs, sentences, words, the title,
              dateline and authors, and the data files every later stage reads;
- `bantin.extractors` and `bantin.gazetteer` (top folders beside this one) find the
              records of each kind in a Document and link units to the register;
- `run/`      one article from text to validated records, and the batch around it;
- `records/`  the record schema (one record type per kind: the kinds, their fields, what the
              extractors, outputs, audit, evaluation and database derive from them) and amount roles;
- `outputs/`  JSONL and Parquet, written atomically;
- `check/`    after a run: the audit against the sources and claims, the evaluation against gold;
- `database/` loading a run into DuckDB or PostgreSQL;
- `cli.py`    the `bantin` command.

A stage imports only the stages it builds on (tests/test_layers.py): text first; ingest,
the gazetteer and the record schema on text; the extractors on those; run on the extractors
and outputs; check, database and the CLI last.
"""
