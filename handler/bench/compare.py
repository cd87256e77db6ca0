#!/usr/bin/env python3
"""numpy (on the BLAS it links) and faiss IndexFlatIP, one thread each, on the similarity
benchmark's data. similarity-bench.jar starts it with --serve, OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE unset and one BLAS thread, and sends one command per line; every answer is one
line of key=value pairs:
  info                 versions, the BLAS library, the kernel (core type) it runs and its threads
  numpy-single R       median ms of `x @ q` + argpartition, every query, R rounds
  numpy-gemm R         median ms of one `X @ Q.T` (sgemm) for the first 32 queries, R calls,
                       and the CPU time it used per query
  faiss-single R       median ms of IndexFlatIP.search for one query
  faiss-batch R        median ms of one IndexFlatIP.search call for the first 32 queries
  check FILE           Java's answers (a line per query: row:score ...), numpy's and faiss's
                       compared with a float64 brute force by score: ties in any order
  quit
Standalone (no --serve) it runs them all once and prints the answers.
"""
import argparse
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

BATCH = 32


def median_ms(fn, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
    return float(np.median(samples))


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            p = pools[0]
            return (f"blas={p.get('internal_api')}-{p.get('version')} kernel={p.get('architecture')} "
                    f"threads={p.get('num_threads')} library={p.get('filepath')}")
    except ImportError:
        pass
    libs = sorted({line.split()[-1] for line in open(f"/proc/{os.getpid()}/maps")
                   if "blas" in line and line.split()[-1].endswith(tuple(".so.%d" % i for i in range(10)))})
    return "blas=unknown kernel=unknown (no threadpoolctl) library=" + ",".join(libs)


class Peer:
    def __init__(self, data, queries, dim, k):
        self.x = np.fromfile(data, dtype="<f4").reshape(-1, dim)
        self.q = np.fromfile(queries, dtype="<f4").reshape(-1, dim)
        self.k = k
        self.faiss = None
        try:
            import faiss
            faiss.omp_set_num_threads(1)
            self.faiss = faiss.IndexFlatIP(dim)
            self.faiss.add(self.x)
            self.faiss_version = faiss.__version__
        except ImportError:
            self.faiss_version = None

    def numpy_top(self, q):
        scores = self.x @ q
        k = min(self.k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        return top[np.argsort(-scores[top], kind="stable")]

    def info(self):
        env = ",".join(f"{v}={os.environ[v]}" for v in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
                       if v in os.environ) or "unset"
        faiss = self.faiss_version or "not-installed(apt-get install python3-faiss)"
        return (f"numpy={np.__version__} {blas_info()} OPENBLAS_CORETYPE/L2_SIZE={env} "
                f"faiss={faiss} python={sys.version.split()[0]}")

    def numpy_single(self, rounds):
        per_query = []
        for _ in range(rounds):
            for q in self.q:
                start = time.perf_counter()
                self.numpy_top(q)
                per_query.append((time.perf_counter() - start) * 1e3)
        return f"ms={np.median(per_query):.4f}"

    def numpy_gemm(self, rounds):
        batch = np.ascontiguousarray(self.q[:BATCH].T)
        cpu = time.process_time()
        ms = median_ms(lambda: self.x @ batch, rounds)
        cpu_ms = (time.process_time() - cpu) * 1e3 / rounds / batch.shape[1]
        return (f"ms={ms:.4f} queries={batch.shape[1]} qps={batch.shape[1] / ms * 1e3:.1f} "
                f"cpu_ms_per_query={cpu_ms:.4f}")

    def faiss_single(self, rounds):
        if self.faiss is None:
            return "ms=nan"
        per_query = []
        for _ in range(rounds):
            for q in self.q:
                start = time.perf_counter()
                self.faiss.search(q.reshape(1, -1), self.k)
                per_query.append((time.perf_counter() - start) * 1e3)
        return f"ms={np.median(per_query):.4f}"

    def faiss_batch(self, rounds):
        if self.faiss is None:
            return "ms=nan qps=nan"
        batch = np.ascontiguousarray(self.q[:BATCH])
        ms = median_ms(lambda: self.faiss.search(batch, self.k), rounds)
        return f"ms={ms:.4f} qps={len(batch) / ms * 1e3:.1f}"

    def check(self, path):
        java = [[(int(r), float(s)) for r, s in (p.split(":") for p in line.split())]
                for line in open(path)] if path != "-" else None
        x64 = self.x.astype(np.float64)
        row_norm = float(np.sqrt((x64 * x64).sum(axis=1)).max())
        counts = {"java": 0, "numpy": 0, "faiss": 0}
        faiss_ids = self.faiss.search(self.q, self.k)[1] if self.faiss is not None else None
        for i, q in enumerate(self.q):
            ref = x64 @ q.astype(np.float64)
            tol = 2 * 1.01 * self.x.shape[1] * 2.0 ** -24 * row_norm * float(np.linalg.norm(q)) + 1e-30
            best = np.sort(ref)[::-1][:min(self.k, len(ref))]
            if java is not None and exact([r for r, _ in java[i]], ref, best, tol) and all(
                    abs(s - ref[r]) <= tol for r, s in java[i]):
                counts["java"] += 1
            if exact(list(self.numpy_top(q)), ref, best, tol):
                counts["numpy"] += 1
            if faiss_ids is not None and exact(list(faiss_ids[i]), ref, best, tol):
                counts["faiss"] += 1
        n = len(self.q)
        faiss = f"{counts['faiss']}/{n}" if faiss_ids is not None else "n/a"
        java = f"{counts['java']}/{n}" if java is not None else "n/a"
        return f"java_exact={java} numpy_exact={counts['numpy']}/{n} faiss_exact={faiss}"


def exact(rows, ref, best, tol):
    """Distinct rows whose float64 scores, sorted, are the k best ones up to float32 rounding."""
    if len(rows) != len(best) or len(set(rows)) != len(rows) or min(rows, default=0) < 0:
        return False
    found = np.sort(ref[np.array(rows, dtype=np.int64)])[::-1]
    return bool(np.all(np.abs(found - best) <= tol))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--dim", type=int, required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    peer = Peer(args.data, args.queries, args.dim, args.k)
    commands = {"info": lambda: peer.info(),
                "numpy-single": lambda r: peer.numpy_single(int(r)),
                "numpy-gemm": lambda r: peer.numpy_gemm(int(r)),
                "faiss-single": lambda r: peer.faiss_single(int(r)),
                "faiss-batch": lambda r: peer.faiss_batch(int(r)),
                "check": lambda path: peer.check(path)}
    if not args.serve:
        for line in ("info", "numpy-single 3", "numpy-gemm 5", "faiss-single 3", "faiss-batch 5", "check -"):
            name, *rest = line.split()
            print(name, commands[name](*rest), flush=True)
        return
    print("ready", flush=True)
    for line in sys.stdin:
        name, *rest = line.split()
        if name == "quit":
            return
        print(commands[name](*rest), flush=True)


if __name__ == "__main__":
    main()
