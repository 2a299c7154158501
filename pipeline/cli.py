"""The `bantin` command line."""

from __future__ import annotations

import difflib
import json
import os
import time
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from typer.core import TyperCommand

from bantin.gazetteer.sites import Sites, SitesFileError, load_sites
from bantin.pipeline.check.audit import AuditInputError, load_outputs, run_audit
from bantin.pipeline.check.audit_report import write_audit
from bantin.pipeline.check.evaluate import evaluate, format_table
from bantin.pipeline.database.load import LoadError, load, parse_target
from bantin.pipeline.ingest.inputs import DEFAULT_MAX_BYTES, IngestError, InputItem, iter_inputs
from bantin.pipeline.run.article import ArticleResult
from bantin.pipeline.run.batch import DEFAULT_TIMEOUT, OutputLocked, RunConfig, default_workers, run_to_dir
from bantin.pipeline.run.spacy_component import item_doc, render_show

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Vietnamese ward bulletins to validated records."
)
# soft_wrap: a message is one line however narrow the terminal, and not cut at 80 columns in a log.
stderr = Console(stderr=True, soft_wrap=True)


class Command(TyperCommand):
    """A command whose unknown-option error suggests options by their names, or lists them all.

    (Click compares the option as written, so every "--x" looks close to "--out".)
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except Exception as exc:  # typer vendors click: its NoSuchOption is not click's
            if type(exc).__name__ != "NoSuchOption":
                raise
            options = sorted(
                {o for p in self.get_params(ctx) for o in [*p.opts, *p.secondary_opts] if o.startswith("--")}
            )
            names = {o.lstrip("-"): o for o in options}
            wrong = str(getattr(exc, "option_name", ""))
            close = difflib.get_close_matches(wrong.lstrip("-"), list(names), n=3, cutoff=0.6)
            exc.possibilities = [names[c] for c in close] or options  # type: ignore[attr-defined]
            raise


def fail(message: str, code: int, cause: BaseException | None = None) -> NoReturn:
    """Print `message` (never read as markup: paths and values may hold brackets) and exit."""
    stderr.print("[red]error:[/red] " + escape(message))
    raise typer.Exit(code) from cause


@app.callback()
def main() -> None:
    """bantin: extract dates, units, officials, campaigns, models, money and counts from ward bulletins."""


# Options shared by `extract` and `show`: the hints that link ambiguous unit names.
RegionOption = Annotated[
    str | None,
    typer.Option(
        help='Where the bulletins are from, to link ambiguous unit names: "Đồng Tháp", "Sa Đéc, Đồng Tháp".'
    ),
]
SitesOption = Annotated[
    Path | None,
    typer.Option(help="YAML file mapping source folders or domains to a region and ward (see README)."),
]


def _read_sites(path: Path | None) -> Sites | None:
    """The sites file, or a usage error (exit 2) that says what is wrong with it."""
    if path is None:
        return None
    try:
        return load_sites(path)
    except SitesFileError as exc:
        fail(str(exc), 2, exc)


@app.command(cls=Command)
def extract(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (folders: every *.txt, *.html, *.htm, *.jsonl, recursively)."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    region: RegionOption = None,
    sites: SitesOption = None,
    db: Annotated[
        str | None,
        typer.Option(help="Also load the outputs into this database (as `bantin load --db`)."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: the machine's cores).", min=1)
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Keep what an earlier (or killed) run into OUT did, and do the rest.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Larger inputs are reported as errors, not processed.", min=1)
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float,
        typer.Option(
            help="Seconds an input may take; a slower one is reported, not processed (0: no limit).", min=0
        ),
    ] = DEFAULT_TIMEOUT,
) -> None:
    """Extract records from INPUT files into OUT: articles, records and errors as JSONL and Parquet."""
    missing = [str(p) for p in inputs if not os.path.lexists(p)]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)} (nothing was written to {out})", 2)
    site_map = _read_sites(sites)
    items = list(iter_inputs(inputs))
    if not items:
        fail(f"no input files found in {', '.join(map(str, inputs))}", 2)

    progress = Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", markup=False),
        console=stderr,
        disable=quiet,
        transient=True,
        # No refresh thread: worker processes are forked, and a fork must not copy a thread
        # that may hold the console's lock. The bar is redrawn after each result instead.
        auto_refresh=False,
    )
    config = RunConfig(
        hints={"region": region} if region else {},
        sites=site_map,
        max_bytes=max_bytes,
        timeout=timeout or None,
    )
    started = time.perf_counter()
    with progress:
        task = progress.add_task("extract", total=len(items), current="", rate="")

        def on_result(item: InputItem, result: ArticleResult) -> None:
            for err in result.errors:
                if (err["stage"] == "ingest" or not result.article) and not quiet:
                    progress.console.print(
                        f"[yellow]skipped[/yellow] {escape(err['source'])}: {escape(err['reason'])}"
                    )
            done = progress.tasks[0].completed + 1
            rate = done / max(1e-9, time.perf_counter() - started)
            progress.update(task, advance=1, current=Path(item.label).name, rate=f"{rate:.1f} articles/s")
            progress.refresh()

        try:
            summary = run_to_dir(
                items, out, config, workers=workers or default_workers(), resume=resume, on_result=on_result
            )
        except OutputLocked as exc:
            fail(str(exc), 2, exc)

    if not quiet:
        table = Table(title=escape(f"bantin extract → {out}"), show_header=True)
        table.add_column("what")
        table.add_column("count", justify="right")
        table.add_row("inputs", str(summary.inputs))
        if summary.skipped:
            table.add_row("already done (--resume)", str(summary.skipped))
        if summary.replaced:
            table.add_row("changed since, replaced (--resume)", str(summary.replaced))
        if summary.dropped:
            table.add_row("no longer given, dropped (--resume)", str(summary.dropped))
        table.add_row("articles", str(summary.articles))
        if summary.duplicates:
            table.add_row("identical copies merged", str(summary.duplicates))
        for kind, n in summary.records.items():
            table.add_row(f"  {kind}", str(n))
        table.add_row("records", str(sum(summary.records.values())))
        table.add_row("errors", str(summary.errors))
        table.add_row("seconds", f"{summary.seconds:.1f}")
        stderr.print(table)
    if summary.kept_earlier:
        reasons = "; ".join(summary.first_errors)
        fail(
            f"no input could be processed ({reasons}); the earlier outputs in {out} were left as they were", 1
        )
    if not summary.articles:
        fail(f"no input could be processed; see {out / 'errors.jsonl'}", 1)
    if db is not None:
        try:
            result = load(out, parse_target(db, out))
        except LoadError as exc:
            fail(str(exc), 1, exc)
        if not quiet:
            stderr.print(f"loaded {result.articles} articles into the database")


@app.command("load", cls=Command)
def load_command(
    out_dir: Annotated[Path, typer.Argument(help="Output folder of `bantin extract`.")],
    db: Annotated[
        str | None,
        typer.Option(
            help="postgresql://user:password@host:port/db, or a DuckDB file (default OUT_DIR/bantin.duckdb)."
        ),
    ] = None,
    prune: Annotated[
        bool, typer.Option(help="Also remove the articles of sources this run no longer contains.")
    ] = False,
) -> None:
    """Load a run's articles and records into DuckDB or PostgreSQL, in one transaction, idempotently."""
    try:
        target = parse_target(db, out_dir)
        result = load(out_dir, target, prune=prune)
    except LoadError as exc:
        fail(str(exc), 1, exc)
    typer.echo(
        f"loaded {result.articles} articles and {sum(result.records.values())} records into "
        f"{target.kind} ({target.shown}); {result.removed} records no longer produced were removed; "
        f"{len(result.replaced)} sources had a new text (old version replaced); "
        f"{result.groups} groups of near-duplicate articles"
    )
    for source in result.pruned:
        typer.echo(f"pruned {source}")
    if prune:
        typer.echo(f"{len(result.pruned)} sources no longer in the run were removed (--prune)")


@app.command(cls=Command)
def audit(
    out_dir: Annotated[Path, typer.Argument(help="Output folder of `bantin extract`.")],
    claims: Annotated[
        Path | None,
        typer.Option(
            help="CSV of reported figures: ward or source, kind, value, \\[unit], \\[date], \\[note]."
        ),
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Where audit.json and audit.html go (default: OUT_DIR).")
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Also exit 1 when a claim is contradicted, not found or invalid.")
    ] = False,
    show_pages: Annotated[
        bool,
        typer.Option(
            "--show/--no-show",
            help="Write each article's show page (show/<article_id>.html beside audit.html) and link it.",
        ),
    ] = True,
) -> None:
    """Check every record against its source text; check claims; flag inconsistent totals and shares.

    Exit code 1 when a record or article fails its check (evidence, value or text changed after
    extraction), 2 when the inputs cannot be read.
    """
    try:
        result = run_audit(out_dir, claims)
        outputs = load_outputs(out_dir) if show_pages else None
    except AuditInputError as exc:
        fail(str(exc), 2, exc)
    json_path, html_path = write_audit(result, report or out_dir, outputs)
    data = result.to_json()
    summary = data["summary"]
    typer.echo(
        f"records: {summary['records']} checked, {summary['records_failed']} failed; "
        f"articles changed: {summary['articles_changed']}; flags: {summary['flags']}"
    )
    for problem in data["article_problems"]:
        typer.echo(f"ARTICLE  {problem}")
    for r in data["records_failed"]:
        typer.echo(f"FAILED   {r['kind']} {r['record_id']} {r['text']!r}: {'; '.join(r['problems'])}")
    for c in data["claims"]:
        typer.echo(f"{c['status'].upper():13} line {c['line']}: {c['kind']} {c['value']} — {c['reason']}")
    for f in data["flags"]:
        typer.echo(f"FLAG     {f['kind']} in {f['source']}: {f['reason']}")
    typer.echo(f"report: {html_path} ({json_path.name})")
    bad_claims = any(c["status"] != "supported" for c in data["claims"])
    if result.failed or (strict and bad_claims):
        raise typer.Exit(1)


@app.command(cls=Command)
def show(
    file: Annotated[
        Path, typer.Argument(help="An article: a .txt or .html file, or a .jsonl file of articles.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the HTML page here (default: print it).")
    ] = None,
    region: RegionOption = None,
    sites: SitesOption = None,
) -> None:
    """Draw an article's records over its words (displaCy's span view, one offline HTML page).

    Each record is a span labelled with its kind, with a table of the records' fields below;
    --region and --sites link units as `bantin extract` does with them."""
    if not file.is_file():
        fail(f"no such file: {file}", 2)
    site_map = _read_sites(sites)
    docs = []
    for item in iter_inputs([file]):
        try:
            docs.append(item_doc(item, {"region": region} if region else None, site_map))
        except IngestError as exc:
            fail(f"cannot read {exc.source}: {exc.reason}", 2, exc)
    page = render_show(docs)
    if out is None:
        typer.echo(page, nl=False)
    else:
        out.write_text(page, encoding="utf-8")
        stderr.print(f"wrote {escape(str(out))}")


@app.command("eval", cls=Command)
def eval_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of gold *.json files (see README, Command line: eval).")
    ],
    out_dir: Annotated[Path, typer.Argument(help="Output folder of a run (articles.jsonl, records.jsonl).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List every missed and extra fact.")] = False,
) -> None:
    """Precision, recall and F1 per kind of a run against gold files, by the annotation guideline."""
    for path, what in ((gold_dir, "gold folder"), (out_dir / "records.jsonl", "run output")):
        if not path.exists():
            fail(f"{what} not found: {path}", 2)
    try:
        result, lines = evaluate(gold_dir, out_dir)
    except (OSError, ValueError, KeyError) as exc:
        fail(f"cannot evaluate: {type(exc).__name__}: {exc}", 2, exc)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        typer.echo(format_table(result, lines if details else None))


if __name__ == "__main__":
    app()
