"""The benchmark: `make bench` (not part of `make test`).

For synthetic projects of 1,000, 5,000 and 10,000 records it times, each as the median of
several runs in fresh processes: `cogov validate`, the generation step (`cogov generate`: load,
validate, render, write), the full build (`cogov build`), the same records built in two languages
(`languages: [fr]`, as a ratio to one) and, in the same run, MkDocs alone building the same
generated folder. It also reports peak memory, site and page sizes, the search
index and what a visitor's search costs (bench/visitor.py), and the preview's incremental
regeneration after editing one meeting. Results go to
bench/out/results.json and bench/out/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "generator"))

from synth import generate as synthesize  # noqa: E402
from visitor import measure as visitor_costs  # noqa: E402

AS_OF = "2026-11-26"
RECORD_SECTIONS = ("meetings", "people", "organizations", "commitments", "bodies", "action-plans")


def run(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Seconds and peak resident memory (MB) of one command and everything it started."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss // 1024


def median_run(command: list[str], runs: int, before: Any = None) -> dict[str, float]:
    times, memory = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak = run(command)
        times.append(seconds)
        memory.append(peak)
    return {"seconds": round(statistics.median(times), 2), "runs": runs, "peak_mb": max(memory)}


def project(size: int, out: Path, seed: int) -> Path:
    target = out / f"project-{size}"
    synthesize(target, size, seed)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - About:\n      - pages/about.md\n      - pages/take-part.md\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "site_theme", target / "site_theme")
    return target


PAGE_LIMIT_KB = 100  # no page may be larger (the list pages are split to stay under it)


def page_type(path: str) -> str:
    """What kind of page a built HTML file is: a record's page, a list (or one of its later pages),
    a year of meetings, the home page..."""
    parts = path.split("/")
    if path in ("index.html", "404.html"):
        return {"index.html": "home", "404.html": "not found"}[path]
    if parts[0] == "actions":
        return "actions tracker"
    if parts[0] == "meetings" and len(parts) >= 3 and re.fullmatch(r"\d{4}", parts[1]):
        return "meetings of a year"
    if len(parts) >= 3 and parts[1] == "pages":
        return f"{parts[0]} list"
    if len(parts) == 2:
        return f"{parts[0]} list" if parts[0] in RECORD_SECTIONS else parts[0]
    if len(parts) == 3 and parts[0] in RECORD_SECTIONS:
        return f"{parts[0]} record"
    return parts[0]


def bilingual(target: Path, copy: Path) -> Path:
    """The synthetic project published in English and French (content/site.yml's `languages`)."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(target, copy, ignore=shutil.ignore_patterns("build", "site"))
    site = copy / "content" / "site.yml"
    with site.open("a", encoding="utf-8") as handle:
        handle.write("languages: [fr]\n")  # beside the default language, English
    return copy


def site_metrics(site: Path) -> dict[str, Any]:
    pages = list(site.rglob("*.html"))
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages}
    # Record pages are <section>/<id>/index.html; a year of meetings (meetings/2024/) is a list.
    records = {
        k: v
        for k, v in sizes.items()
        if k.split("/")[0] in RECORD_SECTIONS
        and k.count("/") == 2
        and not re.fullmatch(r"meetings/\d{4}/index.html", k)
    }
    largest_record = max(records.items(), key=lambda kv: kv[1])
    largest = max(sizes.items(), key=lambda kv: kv[1])
    by_type: dict[str, tuple[str, int]] = {}
    for path, size in sizes.items():
        kind = page_type(path)
        if kind not in by_type or size > by_type[kind][1]:
            by_type[kind] = (path, size)
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "html_pages": len(pages),
        "site_mb": round(total / 1e6, 1),
        "html_mb": round(sum(sizes.values()) / 1e6, 1),
        "avg_page_kb": round(sum(sizes.values()) / len(sizes) / 1e3, 1),
        "largest_record_page": {"path": largest_record[0], "kb": round(largest_record[1] / 1e3, 1)},
        "largest_page": {"path": largest[0], "kb": round(largest[1] / 1e3, 1)},
        "largest_by_type": {k: {"path": p, "kb": round(v / 1e3, 1)} for k, (p, v) in sorted(by_type.items())},
        "pages_over_limit": sum(1 for v in sizes.values() if v > PAGE_LIMIT_KB * 1e3),
        "search_index_mb": round(sum(p.stat().st_size for p in bundle) / 1e6, 1),
        "search_index_files": len(bundle),
    }


QUERIES = ("Person 17", "procurement", "budget transparency")  # a name, a common word, two words


def search_metrics(site: Path) -> dict[str, Any]:
    """The time indexing adds to a build (Pagefind over the built site, run again on its own) and
    what a visitor's search costs (bench/visitor.py)."""
    from cogov.search_index import index_site

    stats = index_site(site)
    return {
        "index_seconds": round(stats.seconds, 2),
        "indexed_pages": stats.pages,
        **visitor_costs(site, list(QUERIES)),
    }


def incremental(target: Path, edits: int = 3) -> dict[str, Any]:
    from cogov.config import Settings
    from cogov.incremental import IncrementalGenerator
    from cogov.schemas import default_schemas

    generator = IncrementalGenerator(
        Settings.for_project(target, as_of=dt.date.fromisoformat(AS_OF)), default_schemas()
    )
    generator.run()
    meeting = sorted((target / "content" / "meetings").rglob("*.md"))[
        len(list((target / "content" / "meetings").rglob("*.md"))) // 2
    ]
    times, pages = [], []
    for i in range(edits):
        text = meeting.read_text(encoding="utf-8")
        meeting.write_text(text.replace("## ", f"## Edited {i} ", 1), encoding="utf-8")
        outcome = generator.run()
        assert outcome.ok
        times.append(outcome.seconds)
        pages.append(len(outcome.written))
    return {"seconds": round(statistics.median(times), 3), "pages_rewritten": max(pages)}


def refresh_metrics(out: Path) -> None:
    """Recompute the site metrics of the last run from its sites (no timing is repeated)."""
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    for size, entry in results["sizes"].items():
        entry["site"] = site_metrics(out / f"site-{size}")
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(table(results), encoding="utf-8")


def _pagefind() -> str:
    """The Pagefind release that makes the index (cogov.search_engine), fetched first if need be."""
    from cogov.search_engine import find

    engine = find()
    if engine.note:
        print(f"bench: {engine.note}", file=sys.stderr)
    return engine.version or "chosen with PAGEFIND_BINARY_PATH"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--metrics-only", action="store_true", help="recompute site metrics of the last run")
    args = parser.parse_args()
    if args.metrics_only:
        refresh_metrics(args.out)
        print((args.out / "results.md").read_text(encoding="utf-8"))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    cogov = [sys.executable, "-m", "cogov"]
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu": _cpu(),
            "cores": os.cpu_count(),
            "pagefind": _pagefind(),
        },
        "date": dt.date.today().isoformat(),
        "sizes": {},
    }
    for size in args.sizes:
        print(f"== {size} records", flush=True)
        target = project(size, args.out, args.seed)
        docs, site, base = target / "build", args.out / f"site-{size}", args.out / f"baseline-{size}"

        def clean(*paths: Path) -> Any:
            return lambda: [shutil.rmtree(p, ignore_errors=True) for p in paths]

        entry: dict[str, Any] = {"records": size}
        entry["validate"] = median_run([*cogov, "validate", str(target), "--as-of", AS_OF], args.runs)
        entry["generate"] = median_run([*cogov, "generate", str(target), "--as-of", AS_OF], args.runs, clean(docs))
        build = [*cogov, "build", str(target), "--site-dir", str(site), "--as-of", AS_OF]
        entry["build"] = median_run(build, args.runs, clean(docs, site))
        mkdocs = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "--strict",
            "-f",
            str(target / "mkdocs.yml"),
            "-d",
            str(base),
        ]
        entry["mkdocs_alone"] = median_run(mkdocs, args.runs, clean(base))
        # The same records published in two languages (a tree per language, every text falling
        # back to the first language: the most marking there can be).
        two = bilingual(target, args.out / f"project-{size}-two-languages")
        two_site = args.out / f"site-{size}-two-languages"
        build_two = [*cogov, "build", str(two), "--site-dir", str(two_site), "--as-of", AS_OF]
        entry["build_two_languages"] = median_run(build_two, args.runs, clean(two / "build", two_site))
        shutil.rmtree(two, ignore_errors=True)
        shutil.rmtree(two_site, ignore_errors=True)
        entry["site"] = site_metrics(site)
        entry["search"] = search_metrics(site)
        entry["incremental_edit"] = incremental(target)
        entry["derived"] = {
            "validate_records_per_s": round(size / entry["validate"]["seconds"]),
            "generation_share_of_build": round(entry["generate"]["seconds"] / entry["build"]["seconds"], 3),
            "build_over_mkdocs_alone": round(entry["build"]["seconds"] / entry["mkdocs_alone"]["seconds"], 2),
            "build_ms_per_page": round(1000 * entry["build"]["seconds"] / entry["site"]["html_pages"], 1),
            "two_languages_over_one": round(entry["build_two_languages"]["seconds"] / entry["build"]["seconds"], 2),
        }
        results["sizes"][str(size)] = entry
        print(json.dumps(entry, indent=2), flush=True)
        shutil.rmtree(base, ignore_errors=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(table(results), encoding="utf-8")
    print(table(results))
    return 0


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def table(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    cols = list(sizes)
    rows = [
        ("Records", lambda e: f"{e['records']:,}"),
        ("`cogov validate` (s)", lambda e: f"{e['validate']['seconds']}"),
        ("Validation rate (records/s)", lambda e: f"{e['derived']['validate_records_per_s']:,}"),
        ("Generation: load, validate, render, write (s)", lambda e: f"{e['generate']['seconds']}"),
        ("Full `cogov build` (s)", lambda e: f"{e['build']['seconds']}"),
        (
            "Full build in two languages (s; ratio to one)",
            lambda e: (
                f"{e['build_two_languages']['seconds']} ({e['derived']['two_languages_over_one']}×)"
                if "build_two_languages" in e
                else "n/a"
            ),
        ),
        ("MkDocs alone on the same folder (s)", lambda e: f"{e['mkdocs_alone']['seconds']}"),
        ("Full build / MkDocs alone", lambda e: f"{e['derived']['build_over_mkdocs_alone']}"),
        ("Generation share of the full build", lambda e: f"{e['derived']['generation_share_of_build']:.1%}"),
        ("Full build per page (ms)", lambda e: f"{e['derived']['build_ms_per_page']}"),
        ("Peak memory, full build (MB)", lambda e: f"{e['build']['peak_mb']}"),
        ("HTML pages", lambda e: f"{e['site']['html_pages']:,}"),
        ("Site size (MB)", lambda e: f"{e['site']['site_mb']}"),
        ("Average page (KB)", lambda e: f"{e['site']['avg_page_kb']}"),
        ("Largest record page (KB)", lambda e: f"{e['site']['largest_record_page']['kb']}"),
        ("Largest page (KB)", lambda e: f"{e['site']['largest_page']['kb']} ({e['site']['largest_page']['path']})"),
        (f"Pages over {PAGE_LIMIT_KB} KB", lambda e: f"{e['site'].get('pages_over_limit', 'n/a')}"),
        (
            "Search index on disk (MB, files)",
            lambda e: f"{e['site']['search_index_mb']} ({e['site']['search_index_files']:,})",
        ),
        ("Indexing for search, within the full build (s)", lambda e: f"{e['search']['index_seconds']}"),
        ("Search page itself, first visit (KB)", lambda e: f"{e['search']['search_page_kb']}"),
        ("First search, most of 3 queries (KB)", lambda e: f"{e['search']['max_first_search_kb']}"),
        ("Opening a result (KB)", lambda e: f"{e['search']['max_open_result_kb']}"),
        ("First result after Enter, Slow 4G (ms)", lambda e: f"{e['search']['max_typed_ms']:,}"),
        ("First result after the last key, Slow 4G (ms)", lambda e: f"{e['search']['max_last_key_ms']:,}"),
        (
            "First result after the last key, 3 keys a second, Slow 4G (ms)",
            lambda e: f"{e['search']['max_phone_ms']:,}" if "max_phone_ms" in e["search"] else "n/a",
        ),
        ("First result from a cold page, Slow 4G (ms)", lambda e: f"{e['search']['max_cold_ms']:,}"),
        ("Preview: one meeting edited (s)", lambda e: f"{e['incremental_edit']['seconds']}"),
        ("Preview: pages rewritten", lambda e: f"{e['incremental_edit']['pages_rewritten']}"),
    ]
    m = results["machine"]
    out = [
        f"Measured {results['date']} on {m['cpu']}, {m['cores']} cores, Python {m['python']}, "
        f"Pagefind {m.get('pagefind', 'unknown')}; "
        f"median of {next(iter(sizes.values()))['build']['runs']} runs in fresh processes.",
        "",
        "| | " + " | ".join(f"{int(c):,} records" for c in cols) + " |",
        "|---|" + "---|" * len(cols),
    ]
    for label, cell in rows[1:]:
        out.append(f"| {label} | " + " | ".join(cell(sizes[c]) for c in cols) + " |")
    kinds = sorted({k for e in sizes.values() for k in e["site"].get("largest_by_type", {})})
    if kinds:
        out += ["", "Largest page of each type (KB):", ""]
        out += ["| Page type | " + " | ".join(f"{int(c):,} records" for c in cols) + " |", "|---|" + "---|" * len(cols)]
        for kind in kinds:
            cells = [sizes[c]["site"].get("largest_by_type", {}).get(kind, {}).get("kb", "") for c in cols]
            out.append(f"| {kind} | " + " | ".join(str(x) for x in cells) + " |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
