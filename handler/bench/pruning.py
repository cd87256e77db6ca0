#!/usr/bin/env python3
"""How many rows each first-pass variant leaves to re-rank: the measurement behind the handler's
choice of first pass. Reads the files `similarity-bench.jar --save-data DIR` writes:
  /usr/bin/python3 handler/bench/pruning.py --data DIR/gaussian-data.f32 \
      --queries DIR/gaussian-queries.f32 --dim 384 [--k 10]
For int8 and int4 codes (one scale per row, max-abs), with and without centring on the mean and a
random orthogonal rotation (signs, Walsh-Hadamard runs, a random orthogonal mix of the runs, as in
Rotation.java), it applies the same rigorous bound as the handler (|residual| |q|, Cauchy-Schwarz;
float rounding left out, it is tiny) and prints the rows whose upper bound reaches the k-th best
lower bound: median, 90th percentile and max over the queries.
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


def survivors(x, q, k, bits, centre, rotate):
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
    approx = q @ mean[:, None] + qq @ (scale * codes).T
    slack = np.linalg.norm(q, axis=1)[:, None] * residual[None, :]
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
    for bits in (8, 4):
        for centre, rotate in ((False, False), (True, False), (True, True)):
            n = survivors(x, q, args.k, bits, centre, rotate)
            name = f"int{bits}" + ("-centred" if centre else "") + ("-rotated" if rotate else "")
            print(f"  {name:24s} {int(np.median(n)):6d} / {int(np.percentile(n, 90)):6d} / "
                  f"{n.max():6d}  ({np.median(n) / len(x):.2%} of rows)")


if __name__ == "__main__":
    main()
