#!/usr/bin/env python3
"""Reads {"patterns": [...], "samples": [...]} on stdin; prints, for each pattern, whether Python's
re.fullmatch accepts each sample (null when Python cannot compile the pattern)."""
import json
import re
import sys

request = json.load(sys.stdin)
rows = []
for pattern in request["patterns"]:
    try:
        compiled = re.compile(pattern)
    except re.error:
        rows.append(None)
        continue
    rows.append([compiled.fullmatch(sample) is not None for sample in request["samples"]])
json.dump(rows, sys.stdout)
