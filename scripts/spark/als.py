#!/usr/bin/env python3
"""Spark MLlib implicit ALS on the confidence file that `shopnlp recommend features` writes.

    spark-submit scripts/spark/als.py --confidence FILE --test FILE --out DIR
        [--train FILE] [--factors 64] [--iterations 15] [--reg 1] [--alpha 20] [--k 10]

--confidence is `user,item,confidence` with c = 1 + alpha·strength (ShopRecommend's
ConfidenceShaping). MLlib's implicit ALS builds its confidence as 1 + alpha·r, so each
pair is given r = (c − 1)/alpha with the same alpha: both solvers then weigh every pair
with the same c_ui. Duplicate pairs keep the highest confidence, as InteractionMatrix does.

--test is the held-out file of `shopnlp recommend train --holdout-last` (each user's latest
interaction). Training pairs are --train (`recommend train --holdout-train`: exactly the
pairs our ALS trained on, i.e. without the product-variant repeats LeaveLastOut collapses)
or, without it, every confidence pair that is not held out.

Recall@K and NDCG@K are computed as `recommend eval` does (RankingMetrics): held-out pairs
whose user or item is unknown to training are skipped, each user's training items are
excluded from their list, recall = hits / min(K, held-out), NDCG with 1/log2(rank+2) gains.
Writes DIR/topk (Parquet: user, item, rank, score — the top K per user) and
DIR/metrics.json, and prints the metrics as one JSON line.

Regularisation: MLlib scales regParam by each user's (item's) number of ratings
("ALS-WR"); ShopRecommend's λ is unscaled unless `recommend train --reg-per-interaction`.
Compare this job with ours trained with that flag: the same --reg is then the same model.
"""
import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time


class JobError(Exception):
    """A failure the job reports in one line."""


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--confidence", required=True, help="user,item,confidence (from `recommend features`)")
    p.add_argument("--test", required=True, help="held-out user,item[,…] (from `recommend train --holdout-last`)")
    p.add_argument("--out", required=True, help="output folder: topk/ (Parquet) and metrics.json")
    p.add_argument("--train", help="training pairs user,item (from `recommend train --holdout-train`)")
    p.add_argument("--factors", type=int, default=64)
    p.add_argument("--iterations", type=int, default=15)
    p.add_argument("--reg", type=float, default=1.0, help="λ (default 1, as `recommend train`)")
    p.add_argument("--alpha", type=float, default=20.0, help="the alpha the confidence file was written with")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, i.e. local[*])")
    p.add_argument("--overwrite", action="store_true", help="replace DIR/topk if it exists")
    p.add_argument("--checkpoint-dir", help="where ALS checkpoints its lineage (default: a temporary folder on "
                                            "local masters; on a cluster give a shared path, e.g. on HDFS)")
    a = p.parse_args(argv)
    for name in ("factors", "iterations", "k"):
        if getattr(a, name) < 1:
            p.error(f"--{name} must be at least 1")
    if a.alpha <= 0 or a.reg < 0:
        p.error("--alpha must be positive and --reg not negative")
    return a


def read_pairs(spark, path, need_confidence=False):
    """A CSV with a header naming user and item (and confidence)."""
    from pyspark.sql import functions as F
    if not os.path.exists(path) and "://" not in path:
        raise JobError(f"{path}: no such file")
    df = spark.read.csv(path, header=True)
    want = ["user", "item"] + (["confidence"] if need_confidence else [])
    missing = [c for c in want if c not in df.columns]
    if missing:
        raise JobError(f"{path}: no column(s) {', '.join(missing)} in the header ({', '.join(df.columns)})")
    if need_confidence:
        df = df.withColumn("confidence", F.col("confidence").cast("double"))
        bad = df.filter(F.col("confidence").isNull() | F.col("user").isNull() | F.col("item").isNull()).limit(1).collect()
        if bad:
            raise JobError(f"{path}: a row without user, item or a numeric confidence: {bad[0].asDict()}")
    return df.select(*want)


def session(master, app):
    from pyspark.sql import SparkSession
    b = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        b = b.master(master)
    if "PYSPARK_GATEWAY_PORT" not in os.environ and (master or "local").startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return b.getOrCreate()


def ensure_checkpoint_dir(spark, path):
    """MLlib's ALS cuts its RDD lineage every few iterations only when a checkpoint folder is
    set; without one the lineage of 15 iterations can overflow the JVM's stack
    (StackOverflowError, seen intermittently on local[2]). Returns a folder to delete, or None."""
    sc = spark.sparkContext
    if path:
        sc.setCheckpointDir(path)
        return None
    if not sc.master.startswith("local"):
        return None   # a cluster needs a shared folder: --checkpoint-dir, or the session's own
    made = tempfile.mkdtemp(prefix="shopnlp-als-checkpoints-")
    sc.setCheckpointDir(made)
    return made


def ranking_metrics(top, held_out, k):
    """RankingMetrics.evaluate: top = user -> [item, …] best first; held_out = user -> {item}."""
    recall = ndcg = 0.0
    for user, items in held_out.items():
        hits, dcg = 0, 0.0
        for rank, item in enumerate(top.get(user, [])[:k]):
            if item in items:
                hits += 1
                dcg += 1 / math.log2(rank + 2)
        ideal = sum(1 / math.log2(r + 2) for r in range(min(k, len(items))))
        recall += hits / min(k, len(items))
        ndcg += dcg / ideal if ideal > 0 else 0
    n = len(held_out)
    return {"users": n, f"recall@{k}": recall / n if n else 0.0, f"ndcg@{k}": ndcg / n if n else 0.0}


def run(args, spark):
    """The job; a temporary checkpoint folder (see ensure_checkpoint_dir) is removed at the end."""
    scratch = ensure_checkpoint_dir(spark, args.checkpoint_dir)
    try:
        return run_job(args, spark)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def run_job(args, spark):
    from pyspark.ml.recommendation import ALS
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    if __name__ != "__main__":
        # Imported (e.g. by check_spark.py): executors must import this module too.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
    conf = read_pairs(spark, args.confidence, need_confidence=True)
    test = read_pairs(spark, args.test)
    if args.train:
        train_pairs = read_pairs(spark, args.train).distinct()
        train = conf.join(train_pairs, ["user", "item"], "inner")
    else:
        train = conf.join(test.select("user", "item"), ["user", "item"], "left_anti")
    # One entry per pair, the highest confidence (InteractionMatrix merges the same way).
    train = train.groupBy("user", "item").agg(F.max("confidence").alias("confidence"))

    # Dense ids in a fixed order, so a run reproduces.
    users = train.select("user").distinct().orderBy("user").rdd.zipWithIndex() \
        .map(lambda r: (r[0][0], r[1])).toDF(["user", "uid"])
    items = train.select("item").distinct().orderBy("item").rdd.zipWithIndex() \
        .map(lambda r: (r[0][0], r[1])).toDF(["item", "iid"])
    # r = (c − 1)/alpha, so MLlib's 1 + alpha·r is our c; a tiny floor keeps r > 0, since
    # MLlib reads r ≤ 0 as "not observed" while ours counts every pair (c ≥ 1).
    data = train.join(users, "user").join(items, "item") \
        .withColumn("r", F.greatest((F.col("confidence") - 1) / args.alpha, F.lit(1e-6))) \
        .select("uid", "iid", "r").cache()
    n_users, n_items, n_pairs = users.count(), items.count(), data.count()
    if n_pairs == 0:
        raise JobError(f"{args.confidence}: no training pairs left")
    reg = args.reg

    t0 = time.time()
    als = ALS(rank=args.factors, maxIter=args.iterations, regParam=reg, alpha=args.alpha, implicitPrefs=True,
              userCol="uid", itemCol="iid", ratingCol="r", seed=args.seed, nonnegative=False,
              coldStartStrategy="drop", checkpointInterval=5)
    model = als.fit(data)
    train_seconds = time.time() - t0

    # Top K unseen items per user: ask for K + the most items any user has, drop the seen.
    most_seen = data.groupBy("uid").count().agg(F.max("count")).first()[0]
    recs = model.recommendForAllUsers(min(n_items, args.k + most_seen)) \
        .select("uid", F.posexplode("recommendations").alias("pos", "rec")) \
        .select("uid", "pos", F.col("rec.iid").alias("iid"), F.col("rec.rating").alias("score")) \
        .join(data.select("uid", "iid"), ["uid", "iid"], "left_anti")
    w = Window.partitionBy("uid").orderBy(F.col("score").desc(), F.col("iid"))
    topk = recs.withColumn("rank", F.row_number().over(w)).filter(F.col("rank") <= args.k) \
        .join(users, "uid").join(items, "iid").select("user", "item", "rank", "score")
    topk_path = os.path.join(args.out, "topk")
    topk.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(topk_path)

    # Held-out pairs of users and items known to training (as RankingMetrics skips the rest).
    held = test.join(users, "user").join(items, "item").select("user", "item").collect()
    held_out = {}
    for r in held:
        held_out.setdefault(r["user"], set()).add(r["item"])
    wanted = spark.createDataFrame([(u,) for u in held_out], ["user"]) if held_out else None
    top = {}
    if wanted is not None:
        for r in spark.read.parquet(topk_path).join(wanted, "user").collect():
            top.setdefault(r["user"], []).append((r["rank"], r["item"]))
    top = {u: [i for _, i in sorted(v)] for u, v in top.items()}
    m = ranking_metrics(top, held_out, args.k)
    n_test = test.count()
    m.update({"model": "spark-mllib-als", "train_users": n_users, "train_items": n_items, "train_pairs": n_pairs,
              "test_rows": n_test, "factors": args.factors, "iterations": args.iterations, "reg": args.reg,
              "alpha": args.alpha, "seed": args.seed, "train_seconds": round(train_seconds, 2),
              "topk": topk_path})
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(m, f, indent=1)
    print(json.dumps(m), flush=True)
    data.unpersist()
    return m


def main(argv=None, spark=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    own = spark is None
    try:
        if own:
            spark = session(args.master, "shopnlp-als")
        return run(args, spark)
    except JobError as e:
        print(f"als: error: {e}", file=sys.stderr)
        if own:
            sys.exit(2)
        raise
    finally:
        if own and spark is not None:
            spark.stop()


if __name__ == "__main__":
    main()
