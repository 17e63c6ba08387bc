#!/usr/bin/env python3
"""`newsline ingest` on real news pages: the article body against Zyte's article-extraction
benchmark, and title, date and outlet against a hand-checked set of 40 of its pages.

    python3 tests/bench/pages.py [BENCH] [--n-bootstrap N] [--keep]

BENCH is a checkout of https://github.com/scrapinghub/article-extraction-benchmark
(default /tmp/htmlbench/bench: html/*.html.gz, ground-truth.json, evaluate.py). Run after
`cargo build --release` (or point NEWSLINE_BIN at a binary); prints Markdown.

1. Decompresses BENCH/html/<id>.html.gz into a temporary folder as <id>.html.
2. Runs `newsline ingest <folder> -o <tmp>/dataset.json`; an article's id is the file stem.
3. Writes the benchmark's prediction format ({id: {"articleBody": text}}, "" for a page
   that gave no article) and runs the benchmark's own evaluate.py on it, in a scratch folder
   holding only ground-truth.json and output/newsline.json.
4. Compares title, date and outlet with tests/bench/page-metadata.jsonl (read from each
   page's visible headline, date line and masthead, not from its meta tags): titles after
   whitespace normalisation, dates exactly (YYYY-MM-DD or null), outlets case-insensitively.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.environ.get("NEWSLINE_BIN", os.path.join(ROOT, "target/release/newsline"))
METADATA = os.path.join(HERE, "page-metadata.jsonl")


def norm_space(s):
    return re.sub(r"\s+", " ", s).strip() if isinstance(s, str) else s


def norm_outlet(s):
    return norm_space(s).casefold() if isinstance(s, str) else s


def md(s):
    """A value for a Markdown table cell."""
    if s is None:
        return "null"
    return str(s).replace("|", "\\|").replace("\n", " ")


def decompress(bench, folder):
    ids = []
    html_dir = os.path.join(bench, "html")
    for name in sorted(os.listdir(html_dir)):
        if not name.endswith(".html.gz"):
            continue
        page_id = name[: -len(".html.gz")]
        with gzip.open(os.path.join(html_dir, name), "rb") as src, \
                open(os.path.join(folder, page_id + ".html"), "wb") as dst:
            shutil.copyfileobj(src, dst)
        ids.append(page_id)
    return ids


def ingest(folder, out):
    if not os.path.exists(BIN):
        sys.exit(f"no binary at {BIN}: run `cargo build --release` first (or set NEWSLINE_BIN)")
    proc = subprocess.run([BIN, "ingest", folder, "-o", out],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"`newsline ingest` failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    with open(out, encoding="utf-8") as f:
        return json.load(f), proc.stderr


def evaluate_body(bench, articles, scratch, n_bootstrap):
    """Run the benchmark's evaluate.py; returns (its metrics for newsline, its stdout)."""
    with open(os.path.join(bench, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    prediction = {}
    for page_id in truth:
        article = articles.get(page_id)
        prediction[page_id] = {"articleBody": (article or {}).get("text") or ""}
    os.makedirs(os.path.join(scratch, "output"))
    shutil.copy(os.path.join(bench, "ground-truth.json"), scratch)
    with open(os.path.join(scratch, "output", "newsline.json"), "w", encoding="utf-8") as f:
        json.dump(prediction, f, ensure_ascii=False)
    metrics_path = os.path.join(scratch, "metrics.json")
    proc = subprocess.run(
        [sys.executable, os.path.join(bench, "evaluate.py"),
         "--n-bootstrap", str(n_bootstrap), "--output", metrics_path],
        cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"evaluate.py failed:\n{proc.stderr[-4000:]}")
    with open(metrics_path, encoding="utf-8") as f:
        return json.load(f)["newsline"], proc.stdout, len(truth)


def compare_metadata(articles):
    expected = []
    with open(METADATA, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                expected.append(json.loads(line))
    fields = {
        "title": norm_space,
        "date": lambda s: s.strip() if isinstance(s, str) else s,
        "outlet": norm_outlet,
    }
    matches = {field: 0 for field in fields}
    mismatches = []
    missing = 0
    for want in expected:
        got = articles.get(want["id"])
        if got is None:
            missing += 1
        for field, norm in fields.items():
            value = None if got is None else got.get(field)
            if got is not None and norm(value) == norm(want[field]):
                matches[field] += 1
            else:
                mismatches.append((want, field, want[field],
                                   "(no article)" if got is None else value))
    return expected, matches, mismatches, missing


def host(url):
    m = re.match(r"https?://([^/]+)", url or "")
    return m.group(1) if m else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", nargs="?", default="/tmp/htmlbench/bench",
                        help="the benchmark checkout (default /tmp/htmlbench/bench)")
    parser.add_argument("--n-bootstrap", type=int, default=1000,
                        help="bootstrap samples for evaluate.py's ± (default 1000)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (pages, dataset.json) and print its path")
    args = parser.parse_args()
    bench = os.path.abspath(args.bench)
    for need in ("html", "ground-truth.json", "evaluate.py"):
        if not os.path.exists(os.path.join(bench, need)):
            sys.exit(f"{bench} has no {need}: is it the article-extraction-benchmark checkout?")

    tmp = tempfile.mkdtemp(prefix="newsline-pages-")
    try:
        pages = os.path.join(tmp, "pages")
        os.makedirs(pages)
        ids = decompress(bench, pages)
        dataset, _ = ingest(pages, os.path.join(tmp, "dataset.json"))
        articles = {}
        for article in dataset.get("articles", []):
            articles.setdefault(article.get("id"), article)
        got_body = sum(1 for i in ids if (articles.get(i) or {}).get("text"))

        metrics, eval_stdout, n_truth = evaluate_body(
            bench, articles, os.path.join(tmp, "eval"), args.n_bootstrap)

        print(f"## Article body: Zyte article-extraction benchmark ({n_truth} pages)\n")
        print(f"`newsline ingest` gave an article with text for {got_body} of {len(ids)} pages; "
              "scored by the benchmark's evaluate.py (4-gram shingles, mean over pages, "
              f"± from {args.n_bootstrap} bootstrap samples).\n")
        print("| extractor | F1 | precision | recall | accuracy |")
        print("|---|---|---|---|---|")
        print("| newsline | " + " | ".join(
            f"{metrics[k]:.3f} ± {metrics[k + '_std']:.3f}"
            for k in ("f1", "precision", "recall", "accuracy")) + " |")
        print("\nevaluate.py printed:\n\n```text\n" + eval_stdout.rstrip() + "\n```\n")

        expected, matches, mismatches, missing = compare_metadata(articles)
        n = len(expected)
        print(f"## Title, date and outlet: {n} hand-checked pages (tests/bench/page-metadata.jsonl)\n")
        if missing:
            print(f"{missing} of the {n} pages gave no article; they count as mismatches.\n")
        print("| field | exact matches | pages | share |")
        print("|---|---|---|---|")
        for field in ("title", "date", "outlet"):
            print(f"| {field} | {matches[field]} | {n} | {matches[field] / n:.0%} |")
        print("\nTitles are compared after whitespace normalisation, outlets case-insensitively, "
              "dates exactly (`null` when the page prints no date).\n")
        if mismatches:
            print(f"### Mismatches ({len(mismatches)})\n")
            print("| page | field | expected | newsline |")
            print("|---|---|---|---|")
            for want, field, exp, got in sorted(mismatches,
                                                key=lambda m: (m[1], host(m[0]["url"]))):
                print(f"| {host(want['url'])} `{want['id'][:10]}` | {field} | {md(exp)} | {md(got)} |")
        if args.keep:
            print(f"\n(kept {tmp})")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
