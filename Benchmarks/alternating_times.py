"""The table of Benchmarks/*-speed.sh: per input and build, the median and best wall time,
the median CPU (user + sys) and, for inputs with a known item count, items per second.

    python3 Benchmarks/alternating_times.py TIMES ITEM "input[=count],..." BUILD_A BUILD_B ...

TIMES has one line per run, `N INPUT WALL USER SYS` (N: the build's 1-based position, as
`/usr/bin/time -f "$n $input %e %U %S"` writes it). ITEM names what the count counts
(products, reviews); an input without `=count` shows – as its rate.
"""
import collections
import statistics
import sys


def main(argv):
    times, item, inputs, builds = argv[1], argv[2], argv[3].split(","), argv[4:]
    runs = collections.defaultdict(list)
    for line in open(times):
        n, name, wall, user, system = line.split()
        runs[(int(n), name)].append((float(wall), float(user) + float(system)))
    counts = dict((i.split("=") + [None])[:2] for i in inputs)
    rate = any(c is not None for c in counts.values())
    head = ["input", "build", "wall s, median (best)"] + ([f"{item}/s, median (best)"] if rate else []) + ["CPU s, median", "runs"]
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for name, count in counts.items():
        for n, build in enumerate(builds, 1):
            v = runs[(n, name)]
            if not v:
                continue
            wall, best = statistics.median(x[0] for x in v), min(x[0] for x in v)
            row = [name, build, f"{wall:.3f} ({best:.2f})"]
            if rate:
                row.append(f"{int(int(count) / wall)} ({int(int(count) / best)})" if count else "–")
            row += [f"{statistics.median(x[1] for x in v):.3f}", str(len(v))]
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main(sys.argv)
