#!/usr/bin/env python3
"""The first step of a distributed ingest under Spark: every line of a JSONL corpus (one
article a line) goes through `newsline extract` with RDD.pipe, partition by partition, and
Spark writes the analyses as part-00000, part-00001, ... for the second step:

    python3 examples/spark_extract.py corpus.jsonl analyses/ [--newsline PATH] [--partitions N]
    newsline build --from-analyses analyses/part-* -o site

Runs in local mode here (`local[*]`); on a cluster, submit it with spark-submit and ship
the newsline binary to the workers (`--files`), since `extract` needs nothing else.
Requires PySpark (examples/requirements.txt) and Java 17.
"""
import argparse
import os
import shutil
import sys

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a JSONL corpus: id, text, date, title, outlet, url")
    parser.add_argument("output", help="the folder Spark writes the analyses into (replaced)")
    parser.add_argument("--newsline", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "newsline"))
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    newsline = os.path.abspath(args.newsline)
    if not os.access(newsline, os.X_OK):
        sys.exit(f"{newsline}: no newsline binary there (build it, or pass --newsline)")
    shutil.rmtree(args.output, ignore_errors=True)

    spark = SparkSession.builder.master("local[*]").appName("newsline-extract").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        lines = spark.sparkContext.textFile(os.path.abspath(args.corpus), minPartitions=args.partitions)
        # One `newsline extract` per partition, records in, analyses out, in order.
        analyses = lines.pipe(f"{newsline} extract")
        analyses.saveAsTextFile(os.path.abspath(args.output))
        print(f"{analyses.count()} analyses in {lines.getNumPartitions()} parts written to {args.output}", file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
