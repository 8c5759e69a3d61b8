"""The Spark engine: the same library functions as the local engine, with Spark doing the plumbing.

- Term counts (``candidates.doc_terms``) and term weights (``candidates.term_weights``) run as Python on
  the executors, per article, exactly as on one machine.
- Document frequencies, the rare-term self-join that scores pairs, the keep/top-k rule and the
  connected components (label propagation, no GraphFrames: no JAR is needed) are DataFrame operations.
- Families are judged on the executors by ``judge.judge_component``, as the local engine's workers do.

So both engines give the same pairs and relations, and scores equal to float rounding (a test checks it).
Needs the ``spark`` extra (``pip install -e '.[spark]'``) and Java 17. Executors read the family's
articles from the scan's stage store (``--out DIR/stages/articles.sqlite``): on a multi-machine cluster
``--out`` must be on storage every executor can read (in local mode it always is).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

from storytrace.errors import InputError
from storytrace.scan.candidates import Candidate, candidate_rows, doc_terms, term_weights
from storytrace.scan.judge import PairJudgement, judge_component
from storytrace.scan.stages import StageDir
from storytrace.workers import BLAS_THREAD_VARIABLES


class SparkEngine:
    name = "spark"

    def __init__(self, master: str = "local[*]") -> None:
        self.master = master
        self.spark: Any = None

    def __enter__(self) -> SparkEngine:
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise InputError("--engine spark needs PySpark: pip install -e '.[spark]'") from None
        # Executors must run this interpreter (it has storytrace and its models installed).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = (
            SparkSession.builder.master(self.master)
            .appName("storytrace-scan")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.driver.memory", os.environ.get("STORYTRACE_SPARK_DRIVER_MEMORY", "2g"))
            .config("spark.python.worker.reuse", "true")
            .config("spark.sql.execution.arrow.pyspark.enabled", "false")
        )
        # Each Python worker runs one task on one core: its BLAS gets one thread (workers.blas_threads).
        for name in BLAS_THREAD_VARIABLES:
            builder = builder.config(f"spark.executorEnv.{name}", "1")
        try:
            self.spark = builder.getOrCreate()
        except Exception as err:  # Java missing, port clash: say so in one line
            raise InputError(
                f"could not start Spark ({type(err).__name__}: {str(err).splitlines()[0][:200]})"
            ) from None
        self.spark.sparkContext.setLogLevel("ERROR")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.spark is not None:
            self.spark.stop()
            self.spark = None

    # -- candidates -----------------------------------------------------------------------------------

    def candidates(self, stages: StageDir, config: Any, progress: Any) -> list[dict[str, Any]]:
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        spark, sc = self.spark, self.spark.sparkContext
        cs = config.candidates
        rows = [(pos, article.text) for pos, article in stages.iter_articles()]
        n = len(rows)
        if n < 2:
            return []
        slices = max(2, sc.defaultParallelism * 2)
        terms = sc.parallelize(rows, slices).flatMap(
            lambda r: [(r[0], int(t), int(c)) for t, c in doc_terms(r[1]).items()]
        )
        tdf = spark.createDataFrame(terms, "pos long, term long, cnt long").cache()
        df = tdf.groupBy("term").agg(F.count("*").alias("df"))
        max_df = cs.max_df

        def weigh(item: tuple[int, list[tuple[int, int, int]]]) -> list[tuple[int, int, float]]:
            pos, triples = item
            weights, _ = term_weights({t: c for t, c, _ in triples}, {t: d for t, _, d in triples}, n, max_df)
            return [(pos, t, w) for t, w in weights.items()]

        per_doc = (
            tdf.join(df, "term")
            .rdd.map(lambda r: (r["pos"], (r["term"], r["cnt"], r["df"])))
            .groupByKey()
            .flatMap(lambda kv: weigh((kv[0], list(kv[1]))))
        )
        w = spark.createDataFrame(per_doc, "pos long, term long, w double")
        a, b = w.alias("a"), w.alias("b")
        scored = (
            a.join(b, (F.col("a.term") == F.col("b.term")) & (F.col("a.pos") < F.col("b.pos")))
            .groupBy(F.col("a.pos").alias("a"), F.col("b.pos").alias("b"))
            .agg(F.sum(F.col("a.w") * F.col("b.w")).alias("score"))
            .where(F.col("score") >= cs.min_score)
        )
        # No pair filter: --max-lag and --cross-outlet decide what is reported, after judging (pipeline.run_scan).
        scored = scored.cache()
        both = scored.select(F.col("a").alias("me"), F.col("b").alias("other"), "score").unionByName(
            scored.select(F.col("b").alias("me"), F.col("a").alias("other"), "score")
        )
        # candidates.fair_scores, in column arithmetic: partners ranked with the longer text's length out.
        lengths = tdf.groupBy("pos").agg(F.count("*").cast("double").alias("len"))  # candidates.doc_length
        mine, theirs = lengths.alias("m"), lengths.alias("t")
        both = (
            both.join(mine, F.col("me") == F.col("m.pos"))
            .join(theirs, F.col("other") == F.col("t.pos"))
            .select("me", "other", "score", F.col("m.len").alias("me_len"), F.col("t.len").alias("other_len"))
        )
        ratio = F.greatest("me_len", "other_len") / F.greatest(F.lit(1.0), F.least("me_len", "other_len"))
        floor = float(cs.fair_length_ratio)
        both = both.withColumn(
            "fair", F.when(ratio > floor, F.col("score") * F.sqrt(ratio / floor)).otherwise(F.col("score"))
        )
        ranked = both.withColumn(
            "rank", F.row_number().over(Window.partitionBy("me").orderBy(F.col("fair").desc(), F.col("other"))) - 1
        ).where((F.col("score") >= cs.keep_score) | (F.col("rank") < cs.top_k))
        chosen = (
            ranked.select(F.least("me", "other").alias("a"), F.greatest("me", "other").alias("b"), "score", "rank")
            .groupBy("a", "b")
            .agg(F.first("score").alias("score"), F.min("rank").alias("rank"))
            .cache()
        )
        roots = self._components(chosen)
        progress(f"spark: {chosen.count()} candidate pairs scored")
        candidates = [Candidate(int(r["a"]), int(r["b"]), float(r["score"]), int(r["rank"])) for r in chosen.collect()]
        tdf.unpersist()
        scored.unpersist()
        return candidate_rows(candidates, n, roots=roots)

    def _components(self, edges: Any) -> dict[int, int]:
        """Connected components by label propagation in DataFrames: every article takes the smallest
        label among itself and its neighbours until nothing changes. Gives article -> smallest position."""
        from pyspark.sql import functions as F

        links = edges.select("a", "b").unionByName(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).cache()
        labels = links.select(F.col("a").alias("v")).distinct().withColumn("label", F.col("v")).cache()
        while True:
            proposed = (
                links.join(labels.withColumnRenamed("v", "b").withColumnRenamed("label", "nl"), "b")
                .groupBy(F.col("a").alias("v"))
                .agg(F.min("nl").alias("nl"))
            )
            updated = (
                labels.join(proposed, "v", "left")
                .select("v", F.least("label", F.coalesce("nl", "label")).alias("label"))
                .localCheckpoint()
            )
            changed = updated.join(labels.withColumnRenamed("label", "old"), "v").where(F.col("label") != F.col("old"))
            done = changed.limit(1).count() == 0
            labels.unpersist()
            labels = updated
            if done:
                break
        result = {int(r["v"]): int(r["label"]) for r in labels.collect()}
        links.unpersist()
        return result

    # -- pairs ----------------------------------------------------------------------------------------

    def judge(
        self, stages: StageDir, todo: dict[int, list[tuple[int, int, float, int]]], config: Any, progress: Any
    ) -> Iterator[tuple[int, list[PairJudgement]]]:
        if not todo:
            return
        sc = self.spark.sparkContext
        out = str(stages.out)
        tasks = [(f, pairs) for f, pairs in sorted(todo.items())]

        def run(task: tuple[int, list[tuple[int, int, float, int]]]) -> tuple[int, list[PairJudgement]]:
            # In the executor's Python worker, as in a local worker: one embedding thread per task (the
            # executor runs one task per core), and no PyTorch (~300 MB per worker, never used). Spark
            # manages its workers' signals itself.
            from storytrace.workers import worker_init

            worker_init(1, quiet=False)
            family, pairs = task
            articles = StageDir(out).get_articles({p for a, b, *_ in pairs for p in (a, b)})
            return family, judge_component(articles, pairs, settings=config.settings, scan=config.judge)

        rdd = sc.parallelize(tasks, min(len(tasks), max(2, sc.defaultParallelism * 4))).map(run)
        yield from rdd.toLocalIterator()
