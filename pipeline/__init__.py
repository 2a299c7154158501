"""bantin's pipeline, in the order an article flows through it.

- `ingest/`   find the inputs, read files and pages, decode old encodings;
- `text/`     the Document: normalised text, paragraphs, sentences, words, the title,
              dateline and authors, and the data files every later stage reads;
- `bantin.extractors` and `bantin.gazetteer` (top folders beside this one) find the
              records of each kind in a Document and link units to the register;
- `run/`      one article from text to validated records, and the batch around it;
- `records/`  the record schema (one Pydantic model per kind) and amount roles;
- `outputs/`  JSONL and Parquet, written atomically;
- `check/`    after a run: the audit against the sources and claims, the evaluation against gold;
- `database/` loading a run into DuckDB or PostgreSQL;
- `cli.py`    the `bantin` command.

A lower stage never imports a later one (tests/test_layers.py).
"""
