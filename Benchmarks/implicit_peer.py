#!/usr/bin/env python3
"""The peer for `shopnlp bench recommend`: the `implicit` library's ALS (C++/Cython core)
on the same user,item,confidence file and settings. Prints one JSON line with the fit time.
Install with `pip install implicit`; the benchmark skips the peer when it is missing."""
import argparse, csv, json, os, sys, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True, help="CSV user,item,confidence (with header)")
    ap.add_argument("--factors", type=int, default=64)
    ap.add_argument("--iterations", type=int, default=15)
    ap.add_argument("--reg", type=float, default=0.01)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--cg", type=int, default=1)
    a = ap.parse_args()
    import numpy as np
    import scipy.sparse as sp
    from implicit.cpu.als import AlternatingLeastSquares
    users, items, rows, cols, vals = {}, {}, [], [], []
    with open(a.input, newline="") as f:
        r = csv.reader(f)
        next(r)
        for u, i, c in r:
            rows.append(users.setdefault(u, len(users)))
            cols.append(items.setdefault(i, len(items)))
            vals.append(float(c))
    m = sp.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(len(users), len(items)))
    m.sum_duplicates()
    model = AlternatingLeastSquares(factors=a.factors, regularization=a.reg, iterations=a.iterations,
                                    use_cg=bool(a.cg), num_threads=a.threads, random_state=42)
    t0 = time.perf_counter()
    model.fit(m, show_progress=False)
    seconds = time.perf_counter() - t0
    print(json.dumps({"peer": "implicit " + __import__("implicit").__version__, "seconds": seconds,
                      "users": m.shape[0], "items": m.shape[1], "nnz": int(m.nnz)}))

if __name__ == "__main__":
    main()
