#!/usr/bin/env python3
"""numpy and faiss IndexFlatIP, one thread each, on the similarity benchmark's data.

Run by `java -jar handler/target/similarity-bench.jar --compare`; standalone:
  OMP_NUM_THREADS=1 /usr/bin/python3 handler/bench/compare.py --data D --queries Q --dim 384 \
      --ids JAVA_IDS [--java-single-ms X --java-qps Y]
Prints per-query latency, the ratios to the Java run and whether the top-k ids agree.
"""
import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def median_ms(fn, queries, rounds=3):
    samples = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - start) * 1e3)
    return float(np.median(samples))


def agreement(name, found, java):
    exact = sum(1 for a, b in zip(found, java) if list(a) == list(b))
    same_set = sum(1 for a, b in zip(found, java) if set(a) == set(b))
    print(f"compare {name}: top-k ids identical (same order) for {exact}/{len(java)} queries, "
          f"same set for {same_set}/{len(java)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--dim", type=int, required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--ids")
    parser.add_argument("--java-single-ms", type=float)
    parser.add_argument("--java-qps", type=float)
    args = parser.parse_args()
    k = args.k
    x = np.fromfile(args.data, dtype="<f4").reshape(-1, args.dim)
    queries = np.fromfile(args.queries, dtype="<f4").reshape(-1, args.dim)
    java = [[int(v) for v in line.split()] for line in open(args.ids)] if args.ids else None

    def numpy_search(q):
        scores = x @ q
        top = np.argpartition(-scores, k)[:k]
        return top[np.lexsort((top, -scores[top]))]

    numpy_ms = median_ms(numpy_search, queries)
    print(f"compare numpy (x @ q + argpartition, 1 thread): single median={numpy_ms:.3f} ms")
    if java:
        agreement("numpy", [numpy_search(q) for q in queries], java)
    try:
        import faiss
    except ImportError:
        print("compare faiss: not installed (apt-get install -y python3-faiss)")
        report(args, numpy_ms, None, None)
        return
    faiss.omp_set_num_threads(1)
    index = faiss.IndexFlatIP(args.dim)
    index.add(x)
    faiss_ms = median_ms(lambda q: index.search(q.reshape(1, -1), k), queries)
    batch = queries[:32]
    index.search(batch, k)
    start = time.perf_counter()
    index.search(batch, k)
    faiss_qps = len(batch) / (time.perf_counter() - start)
    print(f"compare faiss {faiss.__version__} IndexFlatIP (1 thread): single median={faiss_ms:.3f} ms, "
          f"{len(batch)} queries in one batch call: {faiss_qps:.1f} queries/s")
    if java:
        _, ids = index.search(queries, k)
        agreement("faiss", ids, java)
    report(args, numpy_ms, faiss_ms, faiss_qps)


def report(args, numpy_ms, faiss_ms, faiss_qps):
    if args.java_single_ms is None:
        return
    print(f"compare ratio java/numpy single-query latency = {args.java_single_ms / numpy_ms:.3f}")
    if faiss_ms is not None:
        print(f"compare ratio java/faiss single-query latency = {args.java_single_ms / faiss_ms:.3f} "
              f"(target <= 0.5)")
    if faiss_qps is not None and args.java_qps is not None:
        print(f"compare ratio java/faiss throughput = {args.java_qps / faiss_qps:.2f}")


if __name__ == "__main__":
    main()
