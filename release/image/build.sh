#!/usr/bin/env bash
# ./dev image [--push] [--base REF] [--repository REPO] [--no-smoke]
#   (default)  the image as an OCI archive, operator/target/lmi-operator-image.tar, for this machine's
#              architecture, on a local base assembled here (no registry, no Docker engine); then its SBOM and
#              a smoke test that runs it (release/image/smoke.sh).
#   --push     the release: amd64 + arm64 on the release base (a registry image, pinned by digest), pushed to
#              REPO:<version> with the credentials of ~/.docker/config.json; then its SBOM. No smoke test.
# JAVA_HOME is a JDK >= 21 (./dev finds one); the jars are built first.
set -euo pipefail
cd "$(dirname "$0")/../.."

push=0 smoke=1 base="" repository="" platforms="linux/amd64,linux/arm64"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --push) push=1 ;;
    --no-smoke) smoke=0 ;;
    --base) base="$2"; shift ;;
    --repository) repository="$2"; shift ;;
    --platform) platforms="$2"; shift ;;
    *) echo "usage: ./dev image [--push] [--base REF] [--repository REPO] [--platform LIST] [--no-smoke]" >&2; exit 2 ;;
  esac
  shift
done

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
[[ "$revision" == unknown || -z "$(git status --porcelain 2>/dev/null)" ]] || revision="$revision-dirty"
# The commit's time, so that the same commit gives the same image.
created="$(TZ=UTC git log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd 2>/dev/null || echo 1970-01-01T00:00:00Z)"
target=operator/target work=operator/target/image-build
mkdir -p "$work"

echo "== building the jars"
mvn -B -ntp -q -DskipTests package -pl operator,release -am
tools_cp="release/target/classes:$(cat release/target/tools.classpath)"
tool() { "$JAVA_HOME/bin/java" -cp "$tools_cp" "$@"; }
args=(--jar "$target/lmi-operator.jar" --version "$version" --revision "$revision" --created "$created"
      --result "$work/build-result.json" --cache "$work/jib-cache")
[[ -n "$repository" ]] && args+=(--repository "$repository")

if [[ $push == 1 ]]; then
  [[ -n "$base" ]] || { echo "error: --push needs --base IMAGE@sha256:... (the release base, pinned by digest)" >&2; exit 2; }
  [[ "$base" == *@sha256:* ]] || { echo "error: the release base must be pinned by digest (got $base)" >&2; exit 2; }
  echo "== pushing $version for $platforms on $base"
  tool dev.lmi.release.ImageBuild "${args[@]}" --base "$base" --platform "$platforms" --push
  tool dev.lmi.release.ImageSbom "$work/build-result.json" "$target/lmi-operator.cdx.json" - \
    "$target/lmi-operator-image.cdx.json"
  exit 0
fi

if [[ -n "$base" ]]; then
  echo "== image on $base (from a registry)"
  tool dev.lmi.release.ImageBuild "${args[@]}" --base "$base" --platform "linux/$(dpkg --print-architecture)" \
    --tar "$target/lmi-operator-image.tar"
  base_json=-
else
  echo "== local base (jlink runtime of $JAVA_HOME plus this machine's libraries)"
  release/image/base.sh "$JAVA_HOME" "$PWD/$work"
  tool dev.lmi.release.ImageBuild "${args[@]}" --base "tar://$PWD/$work/base.tar" \
    --base-name "lmi-operator-smoke-base:local" --tar "$target/lmi-operator-image.tar"
  base_json="$work/base-components.json"
fi
tool dev.lmi.release.ImageSbom "$work/build-result.json" "$target/lmi-operator.cdx.json" "$base_json" \
  "$target/lmi-operator-image.cdx.json"

echo "== the image"
tar -xOf "$target/lmi-operator-image.tar" index.json >"$work/index.json"
manifest="$(jq -r '.manifests[0].digest' "$work/index.json")"
tar -xOf "$target/lmi-operator-image.tar" "blobs/${manifest/://}" >"$work/manifest.json"
echo "  archive   $target/lmi-operator-image.tar ($(du -h "$target/lmi-operator-image.tar" | cut -f1), OCI, $(dpkg --print-architecture))"
echo "  manifest  $manifest"
jq -r '.layers | to_entries[] | "  layer \(.key + 1)   \(.value.digest[7:19])  \(.value.size / 1048576 * 10 | round / 10) MiB compressed  \(if .key == 0 then "base" else "operator jar (/app/lmi-operator.jar)" end)"' "$work/manifest.json"
echo "  SBOMs     $target/lmi-operator.cdx.json (jar), $target/lmi-operator-image.cdx.json (image)"

if [[ $smoke == 1 ]]; then
  echo "== smoke test"
  release/image/smoke.sh "$PWD/$target/lmi-operator-image.tar" "$PWD/$work" "$tools_cp"
fi
