#!/usr/bin/env python3
"""Tag reviews with ShopNLP sentiment on Apache Spark.

    spark-submit scripts/spark/tag_reviews.py INPUT OUTPUT [--id-col id] [--text-col text]
        [--errors PATH] [--master URL] [--aspects] [--partitions N]

INPUT is CSV with a header (.csv), JSON Lines (.jsonl/.json) or Parquet (.parquet or a
folder), by extension. Each partition streams its records through one
`shopnlp sentiment tag` process as JSON Lines carrying the record's id (`--id-field`), and
every result is matched back to its record by that id, never by position. OUTPUT (Parquet)
holds the original columns plus label, score, lang (and aspects with --aspects).

No record is dropped silently: a record without text or id, or one the tagger reports as
bad, goes to the errors table (Parquet, default OUTPUT.errors) with its original columns
and a `reason`; the job checks that tagged + errors = input and fails otherwise.

The tagger travels with the job: the binary and the model files it needs (Models/
sentiment-*, Corpora/aspects, Corpora/segmentation) are staged into one folder and shipped
with SparkContext.addFile, so executors need nothing installed but the few system
libraries the binary links (ICU, libxml2, OpenBLAS, jemalloc; see README, "At scale"). With --no-ship, --shopnlp and
--shopnlp-home name paths that already exist on every node.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUNDLE = "shopnlp-bundle"
# What `sentiment tag` reads under SHOPNLP_HOME.
BUNDLE_FILES = ["Models/sentiment-zh.model", "Models/sentiment-en.model",
                "Models/sentiment-zh.manifest.json", "Models/sentiment-en.manifest.json"]
BUNDLE_DIRS = ["Corpora/aspects", "Corpora/segmentation"]


class JobError(Exception):
    """A failure the job reports in one line (bad arguments, a broken invariant)."""


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", help="reviews: .csv (with header), .jsonl/.json (JSON Lines) or .parquet")
    p.add_argument("output", help="tagged reviews (Parquet folder)")
    p.add_argument("--id-col", default="id", help="column that identifies a record (default: id)")
    p.add_argument("--text-col", default="text", help="column with the review text (default: text)")
    p.add_argument("--errors", help="bad records (Parquet folder; default: OUTPUT.errors)")
    p.add_argument("--master", default=None,
                   help="Spark master (default: local[*]; spark-submit's --master wins when given)")
    p.add_argument("--aspects", action="store_true", help="add aspects (term, aspect, polarity, score)")
    p.add_argument("--partitions", type=int,
                   help="repartition the input into N partitions first (default: the input is split "
                        "into a multiple of the cluster's task slots, at most 128 MB each)")
    p.add_argument("--workers-per-task", type=int, default=1,
                   help="tagging threads per shopnlp process (match spark.task.cpus; default 1)")
    p.add_argument("--shopnlp", default=os.path.join(ROOT, ".build", "release", "shopnlp"),
                   help="the shopnlp binary (default: this checkout's release build)")
    p.add_argument("--shopnlp-home", default=os.environ.get("SHOPNLP_HOME", ROOT),
                   help="folder with Models/ and Corpora/ (default: $SHOPNLP_HOME or this checkout)")
    p.add_argument("--no-ship", action="store_true",
                   help="do not ship the binary and models: --shopnlp/--shopnlp-home exist on every node")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT and the errors table if they exist")
    a = p.parse_args(argv)
    if a.partitions is not None and a.partitions < 1:
        p.error("--partitions must be at least 1")
    if a.workers_per_task < 1:
        p.error("--workers-per-task must be at least 1")
    a.errors = a.errors or a.output.rstrip("/") + ".errors"
    return a


def read_input(spark, path):
    """A DataFrame of the input, its format chosen by the extension."""
    low = path.lower().rstrip("/")
    if low.endswith(".csv"):
        # multiLine: quoted fields may hold newlines (RFC 4180), as in review text.
        return spark.read.csv(path, header=True, multiLine=True, escape='"')
    if low.endswith(".jsonl") or low.endswith(".json") or low.endswith(".ndjson"):
        return spark.read.json(path)
    if low.endswith(".parquet") or os.path.isdir(path):
        return spark.read.parquet(path)
    raise JobError(f"{path}: unknown input format (want .csv, .jsonl/.json or .parquet)")


def input_bytes(spark, path):
    """The input's size through Hadoop's file system (local, HDFS, S3 alike), or None."""
    try:
        jvm = spark.sparkContext._jvm
        hpath = jvm.org.apache.hadoop.fs.Path(path)
        fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
        return int(fs.getContentSummary(hpath).getLength())
    except Exception:   # an unusual file system: keep Spark's own split
        return None


def balanced_partitions(size, slots, cap=128 << 20):
    """How many partitions to split `size` bytes into: a multiple of the task slots (so the
    last wave of tasks keeps every slot busy: 3 partitions on 2 slots leave one slot idle for
    a third of the job), at least two waves (a slow task is evened out), each at most `cap`."""
    slots = max(1, slots)
    waves = max(2, -(-size // (slots * cap)))
    return slots * waves


def read_balanced(spark, path):
    """Reads the input split into a multiple of the task slots (see balanced_partitions).

    Splittable inputs are split at read time by capping spark.sql.files.maxPartitionBytes, so
    there is no shuffle; an input that came back with a count that is not a multiple of the
    slots anyway (multi-line CSV, few Parquet row groups) is repartitioned."""
    slots = spark.sparkContext.defaultParallelism
    size = input_bytes(spark, path)
    if not size:
        return read_input(spark, path)
    target = balanced_partitions(size, slots)
    key = "spark.sql.files.maxPartitionBytes"
    before = spark.conf.get(key, None)
    # One MiB of slack so rounding does not add a tiny extra partition.
    spark.conf.set(key, str(-(-size // target) + (1 << 20)))
    try:
        df = read_input(spark, path)
        n = df.rdd.getNumPartitions()
    finally:
        if before is None:
            spark.conf.unset(key)
        else:
            spark.conf.set(key, before)
    if n % slots != 0:
        df = df.repartition(target)
    return df


def stage_bundle(binary, home, aspects):
    """Copies the binary and the model files it reads into one folder to ship."""
    if not os.path.isfile(binary):
        raise JobError(f"{binary}: no shopnlp binary (build it: swift build -c release --product shopnlp)")
    stage = tempfile.mkdtemp(prefix="shopnlp-spark-")
    root = os.path.join(stage, BUNDLE)
    os.makedirs(os.path.join(root, "bin"))
    shutil.copy2(binary, os.path.join(root, "bin", "shopnlp"))
    found = 0
    for rel in BUNDLE_FILES:
        src = os.path.join(home, rel)
        if os.path.isfile(src):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(root, rel))
            found += rel.endswith(".model")
    if found == 0:
        raise JobError(f"{home}: no Models/sentiment-zh.model or sentiment-en.model to ship")
    for rel in BUNDLE_DIRS:
        src = os.path.join(home, rel)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(root, rel))
        elif rel == "Corpora/aspects" and aspects:
            raise JobError(f"{src}: --aspects needs the aspect lexicons")
    return stage, root


def tagger_command(binary, aspects, workers):
    cmd = [binary, "sentiment", "tag", "--format", "jsonl", "--field", "text", "--id-field", "id",
           "--quiet", "--workers", str(workers)]
    if aspects:
        cmd.append("--aspects")
    return cmd


def make_partition_tagger(cmd_args, shipped, home, id_index, text_index, ncols, aspects, counters):
    """The function each partition runs: rows in, (status, row) pairs out.

    status "ok" rows are the original columns + label, score, lang (+ aspects);
    status "error" rows are the original columns + reason.
    """
    def run(rows):
        from pyspark import SparkFiles
        if shipped:
            base = SparkFiles.get(BUNDLE)
            binary, env_home = os.path.join(base, "bin", "shopnlp"), base
            if not os.access(binary, os.X_OK):
                os.chmod(binary, 0o755)   # fetched files may lose the execute bit
        else:
            binary, env_home = cmd_args[0], home
        cmd = [binary] + cmd_args[1:]
        env = dict(os.environ, SHOPNLP_HOME=env_home)

        pending = {}      # id -> [row, …] sent and not yet answered (a repeated id queues)
        sent_ids = []     # sent line n (1-based) -> id, for the rare result without an id
        early = []        # rows refused before tagging
        state = {"sent": 0, "write_error": None}
        lock = threading.Lock()   # pending is shared by the feeding thread and the reader

        def feed(proc):
            try:
                for row in rows:
                    rid, text = row[id_index], row[text_index]
                    if rid is None:
                        early.append(("error", tuple(row) + ("missing id",)))
                        continue
                    if text is None or (isinstance(text, str) and text.strip() == ""):
                        early.append(("error", tuple(row) + ("missing text",)))
                        continue
                    text = text if isinstance(text, str) else str(text)
                    try:
                        line = json.dumps({"id": str(rid), "text": text}, ensure_ascii=False).encode("utf-8")
                    except UnicodeEncodeError:
                        early.append(("error", tuple(row) + ("text is not valid Unicode",)))
                        continue
                    sid = str(rid)
                    with lock:   # registered before it is sent, so its answer always finds it
                        pending.setdefault(sid, []).append(row)
                        sent_ids.append(sid)
                    state["sent"] += 1
                    proc.stdin.write(line + b"\n")
                proc.stdin.close()
            except BaseException as e:   # surfaced in the task, not lost in a thread
                state["write_error"] = e
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        start = time.time()
        errlog = tempfile.TemporaryFile()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errlog, env=env)
        writer = threading.Thread(target=feed, args=(proc,), daemon=True)
        writer.start()
        answered = 0
        first_result = None   # process start-up (model load) + the first chunk
        for raw in proc.stdout:
            if first_result is None:
                first_result = time.time() - start
            res = json.loads(raw)
            answered += 1
            sid = res.get("id")
            if sid is None:
                # Only a record the tagger could not parse lacks its id; its line number is
                # the position we sent it at, so it is still matched to exactly that record.
                line = res.get("line")
                if not isinstance(line, int) or not 1 <= line <= state["sent"]:
                    raise JobError(f"tagger result without id or valid line: {raw[:200]!r}")
                with lock:
                    sid = sent_ids[line - 1]
            with lock:
                queue = pending.get(sid)
                if not queue:
                    raise JobError(f"tagger returned id {sid!r} that was not sent (or twice)")
                row = queue.pop(0)
                if not queue:
                    del pending[sid]
            if "error" in res:
                yield ("error", tuple(row) + ("tagger: " + str(res["error"]),))
                continue
            out = tuple(row) + (res.get("label"), float(res["score"]), res.get("lang"))
            if aspects:
                out += ([(a["term"], a["aspect"], a["polarity"], float(a["score"])) for a in res.get("aspects", [])],)
            yield ("ok", out)
        writer.join()
        code = proc.wait()
        errlog.seek(0)
        stderr = errlog.read().decode("utf-8", "replace").strip()
        if state["write_error"] is not None and not isinstance(state["write_error"], BrokenPipeError):
            raise state["write_error"]
        # Exit 1 means "some records were bad" (they came back as error lines); anything
        # else, or a stream that stopped early, is a failed task and Spark retries it.
        if code not in (0, 1) or state["write_error"] is not None:
            raise JobError(f"shopnlp exited with {code}: {stderr[-2000:]}")
        if answered != state["sent"] or pending:
            raise JobError(f"shopnlp answered {answered} of {state['sent']} records: {stderr[-2000:]}")
        for e in early:
            yield e
        counters["sent"].add(state["sent"])
        counters["early"].add(len(early))
        counters["partitions"].add(1)
        if first_result is not None:
            counters["first_result_ms"].add(int(first_result * 1000))
        counters["tag_ms"].add(int((time.time() - start) * 1000))
    return run


def session(master, app):
    """The Spark session: --master when given, else spark-submit's (whose default is local[*])."""
    from pyspark.sql import SparkSession
    b = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        b = b.master(master)
    # Run as `python3 script.py` (not spark-submit) a local job talks to itself only: keep
    # it on the loopback. Under spark-submit its own --master/--conf decide.
    if "PYSPARK_GATEWAY_PORT" not in os.environ and (master or "local").startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return b.getOrCreate()


def run(args, spark):
    from pyspark.sql import types as T
    from pyspark.storagelevel import StorageLevel

    df = read_input(spark, args.input) if args.partitions else read_balanced(spark, args.input)
    cols = df.columns
    if args.id_col not in cols:
        raise JobError(f"{args.input}: no id column '{args.id_col}' (columns: {', '.join(cols)})")
    if args.text_col not in cols:
        raise JobError(f"{args.input}: no text column '{args.text_col}' (columns: {', '.join(cols)})")
    added = ["label", "score", "lang"] + (["aspects"] if args.aspects else [])
    clash = [c for c in added + ["reason"] if c in cols]
    if clash:
        raise JobError(f"{args.input}: the input already has column(s) {', '.join(clash)}; rename them first")
    if args.partitions:
        df = df.repartition(args.partitions)

    sc = spark.sparkContext
    if __name__ != "__main__":
        # Imported (e.g. by check_spark.py): executors must import this module too.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
    shipped = not args.no_ship
    stage = None
    if shipped:
        stage, bundle = stage_bundle(args.shopnlp, args.shopnlp_home, args.aspects)
        sc.addFile(bundle, recursive=True)
    elif not os.path.isfile(args.shopnlp):
        print(f"tag_reviews: note: {args.shopnlp} is not on the driver; it must exist on every executor",
              file=sys.stderr)

    counters = {k: sc.accumulator(0) for k in ("sent", "early", "partitions", "first_result_ms", "tag_ms")}
    fn = make_partition_tagger(tagger_command(args.shopnlp, args.aspects, args.workers_per_task), shipped,
                               args.shopnlp_home, cols.index(args.id_col), cols.index(args.text_col), len(cols),
                               args.aspects, counters)
    tagged = df.rdd.mapPartitions(fn).persist(StorageLevel.MEMORY_AND_DISK)

    ok_schema = T.StructType(list(df.schema.fields) + [
        T.StructField("label", T.StringType()), T.StructField("score", T.DoubleType()),
        T.StructField("lang", T.StringType())] + ([T.StructField("aspects", T.ArrayType(T.StructType([
            T.StructField("term", T.StringType()), T.StructField("aspect", T.StringType()),
            T.StructField("polarity", T.StringType()), T.StructField("score", T.DoubleType())])))]
            if args.aspects else []))
    err_schema = T.StructType(list(df.schema.fields) + [T.StructField("reason", T.StringType())])
    mode = "overwrite" if args.overwrite else "errorifexists"
    t0 = time.time()
    good = spark.createDataFrame(tagged.filter(lambda r: r[0] == "ok").map(lambda r: r[1]), ok_schema)
    good.write.mode(mode).parquet(args.output)
    bad = spark.createDataFrame(tagged.filter(lambda r: r[0] == "error").map(lambda r: r[1]), err_schema)
    bad.write.mode(mode).parquet(args.errors)
    seconds = time.time() - t0

    # None silently dropped: what was read = what was written, on both sides.
    total = df.count()
    n_good = spark.read.parquet(args.output).count()
    n_bad = spark.read.parquet(args.errors).count()
    tagged.unpersist()
    if stage:
        shutil.rmtree(stage, ignore_errors=True)
    parts = max(1, counters["partitions"].value)
    summary = {"input": total, "tagged": n_good, "errors": n_bad, "sent_to_tagger": counters["sent"].value,
               "refused_before_tagging": counters["early"].value, "partitions": counters["partitions"].value,
               "mean_first_chunk_s": round(counters["first_result_ms"].value / parts / 1000, 3),
               "mean_partition_s": round(counters["tag_ms"].value / parts / 1000, 3),
               "seconds": round(seconds, 2), "output": args.output, "errors_table": args.errors}
    print(json.dumps(summary), flush=True)
    if n_good + n_bad != total:
        raise JobError(f"count check failed: {total} input records, {n_good} tagged + {n_bad} errors")
    return summary


def main(argv=None, spark=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    own = spark is None
    try:
        if own:
            spark = session(args.master, "shopnlp-tag-reviews")
        return run(args, spark)
    except JobError as e:
        print(f"tag_reviews: error: {e}", file=sys.stderr)
        if own:
            sys.exit(2)
        raise
    finally:
        if own and spark is not None:
            spark.stop()


if __name__ == "__main__":
    main()
