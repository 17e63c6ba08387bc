#!/usr/bin/env python3
"""`newsline build` on each corpus: wall time (median of runs), peak memory, and the
site it writes (files, largest file, bytes, and what a browser fetches gzipped).

    python3 tests/bench/publish.py [--runs N] NAME=CORPUS [NAME=CORPUS ...]

Run after `bash .ci/page && cargo build --release`; prints a Markdown table. Each run
builds into a fresh folder under target/bench-sites/.
"""
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("NEWSLINE_BIN", os.path.join(ROOT, "target/release/newsline"))


def build(corpus, site):
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([BIN, "build", corpus, "-o", site, "--base", "/newsline/"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"newsline build {corpus} failed:\n{proc.stderr}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kb, before.ru_maxrss


def site_sizes(site):
    files, total, largest, fetched = 0, 0, 0, 0
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = os.path.join(dirpath, name)
            data = open(path, "rb").read()
            files += 1
            total += len(data)
            largest = max(largest, len(data))
            # The marker is for `newsline build`; the worker's files are fetched only when a
            # reader adds articles, never for the explorer's first view.
            if name == "newsline-site.json" or name.startswith("newsline-worker"):
                continue
            # The story is gzipped already; a host sends the rest gzipped too.
            fetched += len(data) if name.endswith("story.bin") else len(gzip.compress(data, 9))
    return files, total, largest, fetched


def main(args):
    runs = 5
    if args[:1] == ["--runs"]:
        runs, args = int(args[1]), args[2:]
    if not args:
        sys.exit(__doc__)
    print("| corpus | build wall time, median of %d (s) | peak memory (MB) | files | largest file (KB) | site (KB) | fetched by a browser, gzipped (KB) |" % runs)
    print("|---|---|---|---|---|---|---|")
    for arg in args:
        name, corpus = arg.split("=", 1)
        site = os.path.join(ROOT, "target/bench-sites", name)
        walls, peak = [], 0
        for _ in range(runs):
            wall, peak_kb, _ = build(corpus, site)
            walls.append(wall)
            peak = max(peak, peak_kb)
        files, total, largest, fetched = site_sizes(site)
        print(f"| {name} | {statistics.median(walls):.2f} ({min(walls):.2f}–{max(walls):.2f}) | {peak / 1024:.0f} | {files} | {largest / 1024:.0f} | {total / 1024:.0f} | {fetched / 1024:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
