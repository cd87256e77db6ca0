#!/usr/bin/env python3
"""Extracts, from the botocore service models installed on this machine, the shapes of the
operations the emulator implements (every input member's constraints: required, min/max, pattern,
enum, list/map sizes, nested shapes; and the output shapes) into the JSON resource the emulator
validates requests and responses against.

Run by hand after a botocore update, never by the build:
    python3 emulator/tools/gen-shapes.py            # rewrites the committed resource
    python3 emulator/tools/gen-shapes.py --stdout   # prints what it would write
"""
import gzip
import hashlib
import json
import os
import sys

import botocore

OPERATIONS = {
    "lambda": [
        "CreateCapacityProvider", "GetCapacityProvider", "UpdateCapacityProvider",
        "DeleteCapacityProvider", "ListCapacityProviders",
        "ListFunctionVersionsByCapacityProvider", "PutFunctionScalingConfig",
        "GetFunctionScalingConfig", "CreateFunction", "ListFunctions", "GetFunction",
        "GetFunctionConfiguration", "UpdateFunctionConfiguration", "UpdateFunctionCode",
        "DeleteFunction", "PublishVersion", "ListVersionsByFunction", "CreateAlias", "GetAlias",
        "UpdateAlias", "DeleteAlias", "ListAliases", "TagResource", "UntagResource", "ListTags",
        "Invoke",
    ],
    "ec2": [
        "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeAvailabilityZones",
        "DescribeRouteTables", "DescribeVpcEndpoints", "CreateVpcEndpoint", "DeleteVpcEndpoints",
    ],
    "sts": ["GetCallerIdentity"],
    "cloudwatch": [
        "PutMetricData", "GetMetricData", "GetMetricStatistics", "ListMetrics", "PutMetricAlarm",
        "DescribeAlarms", "SetAlarmState", "DeleteAlarms",
    ],
}
# Services whose wire details the emulator takes from the model too: each operation's errors, every
# error shape (code, HTTP status), the JSON target prefix and the XML namespace.
WITH_ERRORS = {"cloudwatch"}
PROTOCOL_METADATA = ["targetPrefix", "jsonVersion", "xmlNamespace", "protocols"]
KEPT = ["type", "required", "min", "max", "pattern", "enum", "payload", "error"]
MEMBER_KEPT = ["shape", "location", "locationName", "queryName"]
RESOURCE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "src", "main", "resources", "dev", "lmi", "emulator", "model", "aws-shapes.json")


def model_path(service):
    root = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    version = sorted(os.listdir(root))[-1]
    for name in ("service-2.json", "service-2.json.gz"):
        path = os.path.join(root, version, name)
        if os.path.exists(path):
            return path
    raise SystemExit("no service model for " + service)


def load(path):
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        raw = f.read()
    return json.loads(raw), hashlib.sha256(raw).hexdigest()


def reachable(shapes, roots):
    seen, todo = [], list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        shape = shapes[name]
        todo += [m["shape"] for m in shape.get("members", {}).values()]
        todo += [shape[k]["shape"] for k in ("member", "key", "value") if k in shape]
    return sorted(seen)


def compact(shape):
    out = {k: shape[k] for k in KEPT if k in shape}
    if "members" in shape:
        out["members"] = {
            name: {k: m[k] for k in MEMBER_KEPT if k in m} for name, m in shape["members"].items()
        }
    for k in ("member", "key", "value"):
        if k in shape:
            out[k] = {kk: shape[k][kk] for kk in MEMBER_KEPT if kk in shape[k]}
    return out


def service(name):
    path = model_path(name)
    model, digest = load(path)
    ops, roots = {}, []
    for op in OPERATIONS[name]:
        spec = model["operations"][op]
        entry = {"method": spec["http"]["method"], "uri": spec["http"]["requestUri"]}
        for side in ("input", "output"):
            if side in spec:
                entry[side] = spec[side]["shape"]
                roots.append(spec[side]["shape"])
        if name in WITH_ERRORS:
            entry["errors"] = [e["shape"] for e in spec.get("errors", [])]
            roots += entry["errors"]
        ops[op] = entry
    out = {
        "apiVersion": model["metadata"]["apiVersion"],
        "modelFile": os.path.relpath(path, os.path.dirname(botocore.__file__)),
        "modelSha256": digest,
    }
    if name in WITH_ERRORS:
        roots += [s for s, shape in model["shapes"].items() if "error" in shape]
        out.update({k: model["metadata"][k] for k in PROTOCOL_METADATA if k in model["metadata"]})
    out["operations"] = ops
    out["shapes"] = {s: compact(model["shapes"][s]) for s in reachable(model["shapes"], roots)}
    return out


def generate():
    doc = {
        "generatedBy": "emulator/tools/gen-shapes.py",
        "botocoreVersion": botocore.__version__,
        "services": {name: service(name) for name in OPERATIONS},
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = generate()
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
    else:
        with open(RESOURCE, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", os.path.normpath(RESOURCE), len(text), "bytes")
