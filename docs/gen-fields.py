#!/usr/bin/env python3
"""Writes docs/fields.md from crds/*.yaml: every spec field with its type, default, limits and description."""
import pathlib, sys
import yaml  # PyYAML

ROOT = pathlib.Path(__file__).resolve().parent.parent

def constraints(prop):
    limits = []
    for key, label in (("enum", "one of"), ("minimum", "min"), ("maximum", "max"), ("minLength", "min length"),
                       ("maxLength", "max length"), ("minItems", "min items"), ("maxItems", "max items"),
                       ("minProperties", "min entries"), ("maxProperties", "max entries"), ("pattern", "pattern")):
        if key in prop:
            value = ", ".join(map(str, prop[key])) if key == "enum" else prop[key]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            limits.append(f"{label} `{value}`" if key == "pattern" else f"{label} {value}")
    return limits

def rows(schema, path):
    for name, prop in sorted((schema.get("properties") or {}).items()):
        p = f"{path}.{name}"
        kind = prop.get("type", "")
        if kind == "array":
            kind = f"[]{prop.get('items', {}).get('type', '')}"
        if kind == "object" and "additionalProperties" in prop:
            kind = "map[string]string"
        limits = constraints(prop)
        for part, label in (("items", "each item"), ("additionalProperties", "each value")):
            inner = constraints(prop.get(part) or {}) if isinstance(prop.get(part), dict) else []
            if inner:
                limits.append(f"{label}: " + ", ".join(inner))
        required = name in (schema.get("required") or [])
        default = prop.get("default", "")
        desc = " ".join(str(prop.get("description", "")).split())
        rules = "; ".join(r.get("message", r.get("messageExpression", "")) for r in prop.get("x-kubernetes-validations", []))
        cells = [f"`{p}`", f"{kind}{' (required)' if required else ''}", str(default), ", ".join(limits),
                 desc + (f" Rules: {rules}." if rules else "")]
        yield "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
        if prop.get("type") == "object" and "properties" in prop:
            yield from rows(prop, p)

out = ["# Field reference", "",
       "Generated from `crds/` by `python3 docs/gen-fields.py`; the CRDs are generated from the Java model.", ""]
for crd in sorted((ROOT / "crds").glob("*.yaml")):
    doc = yaml.safe_load(crd.read_text())
    kind = doc["spec"]["names"]["kind"]
    schema = doc["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"]
    out += [f"## {kind} ({doc['spec']['scope']})", "", "| field | type | default | limits | description |",
            "|---|---|---|---|---|", *rows(schema, "spec"), ""]
    rules = schema.get("x-kubernetes-validations", [])
    if rules:
        out += ["Rules across fields:", ""] + [f"- {r.get('message') or r.get('messageExpression')}" for r in rules] + [""]
(ROOT / "docs" / "fields.md").write_text("\n".join(out))
print("wrote docs/fields.md")
