#!/usr/bin/env python3
"""How many rows each first-pass variant leaves to re-rank: the measurement behind the handler's
choice of first pass. Reads the files `similarity-bench.jar --save-data DIR` writes:
  /usr/bin/python3 handler/bench/pruning.py --data DIR/gaussian-data.f32 \
      --queries DIR/gaussian-queries.f32 --dim 384 [--k 10]
For int8 and int4 codes (one scale per row, max-abs), with and without centring on the mean and a
random orthogonal rotation (signs, Walsh-Hadamard runs, a random orthogonal mix of the runs, as in
Rotation.java), it applies the same rigorous bound as the handler (|residual| |q|, Cauchy-Schwarz;
float rounding left out, it is tiny) and prints the rows whose upper bound reaches the k-th best
lower bound: median, 90th percentile and max over the queries. The variants with an n-bit query
quantise the rotated query too (what an integer-only first pass would need) and add what it loses,
|e| s|c| (Cauchy-Schwarz), to each row's bound.
"""
import argparse

import numpy as np


def rotation(dim, seed=7):
    rng = np.random.default_rng(seed)
    width = dim & -dim
    runs = dim // width
    signs = rng.choice([-1.0, 1.0], dim)
    mix = np.linalg.qr(rng.standard_normal((runs, runs)))[0] if runs > 1 else None

    def apply(x):
        y = (x * signs).reshape(len(x), runs, width)
        h = 1
        while h < width:
            y = y.reshape(len(x), runs, width // (2 * h), 2, h)
            a, b = y[:, :, :, 0, :].copy(), y[:, :, :, 1, :].copy()
            y[:, :, :, 0, :], y[:, :, :, 1, :] = a + b, a - b
            h *= 2
        y = y.reshape(len(x), runs, width) / np.sqrt(width)
        if mix is not None:
            y = np.einsum("ij,njw->niw", mix, y)
        return y.reshape(len(x), dim)
    return apply


def quantise_query(qq, qbits):
    """Queries to integers of `qbits` bits (one scale each, max-abs) and the norm of what is lost."""
    levels = 2 ** (qbits - 1) - 1
    scale = np.abs(qq).max(axis=1, keepdims=True) / levels
    scale[scale == 0] = 1
    codes = np.clip(np.round(qq / scale), -levels, levels)
    return scale * codes, np.linalg.norm(qq - scale * codes, axis=1)


def survivors(x, q, k, bits, centre, rotate, qbits=None):
    mean = x.mean(axis=0) if centre else np.zeros(x.shape[1])
    y = x - mean
    qq = q
    if rotate:
        turn = rotation(x.shape[1])
        y, qq = turn(y), turn(q)
    levels = 2 ** (bits - 1) - 1
    scale = np.abs(y).max(axis=1, keepdims=True) / levels
    scale[scale == 0] = 1
    codes = np.clip(np.round(y / scale), -levels, levels)
    residual = np.linalg.norm(y - scale * codes, axis=1)
    slack = np.linalg.norm(q, axis=1)[:, None] * residual[None, :]
    if qbits:
        # A quantised query e = Tq - t b adds |e . (s c)| <= |e| s|c| (Cauchy-Schwarz).
        qq, lost = quantise_query(qq, qbits)
        slack = slack + lost[:, None] * (scale[:, 0] * np.linalg.norm(codes, axis=1))[None, :]
    approx = q @ mean[:, None] + qq @ (scale * codes).T
    kth = np.sort(approx - slack, axis=1)[:, -k][:, None]
    return ((approx + slack) >= kth).sum(axis=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--dim", type=int, required=True)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    x = np.fromfile(args.data, dtype="<f4").reshape(-1, args.dim).astype(np.float64)
    q = np.fromfile(args.queries, dtype="<f4").reshape(-1, args.dim).astype(np.float64)
    print(f"{len(x)} x {args.dim}, {len(q)} queries, k={args.k}: rows re-ranked (median / p90 / max)")
    variants = [(bits, centre, rotate, None) for bits in (8, 4)
                for centre, rotate in ((False, False), (True, False), (True, True))]
    variants += [(8, True, True, 6), (8, True, True, 5), (7, True, True, 7), (7, True, True, 6)]
    for bits, centre, rotate, qbits in variants:
            n = survivors(x, q, args.k, bits, centre, rotate, qbits)
            name = f"int{bits}" + ("-centred" if centre else "") + ("-rotated" if rotate else "")
            name += f", {qbits}-bit query" if qbits else ""
            print(f"  {name:24s} {int(np.median(n)):6d} / {int(np.percentile(n, 90)):6d} / "
                  f"{n.max():6d}  ({np.median(n) / len(x):.2%} of rows)")


if __name__ == "__main__":
    main()
