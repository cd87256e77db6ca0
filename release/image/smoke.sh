#!/usr/bin/env bash
# Smoke-tests the operator image from its OCI archive, the way a kubelet would run it: unpacked with umoci,
# started from the image's own entrypoint, user, environment and working directory, with a read-only root
# filesystem, no capabilities and /tmp as the only writable place (the chart's emptyDir). Runtime: runc when it
# can start a container here, else unshare + a read-only bind of the root filesystem + chroot (said which).
#   release/image/smoke.sh IMAGE_TAR WORK_DIR TOOLS_CLASSPATH
set -euo pipefail

archive="$1" work="$2" tools_cp="$3"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
java="$JAVA_HOME/bin/java"
log() { echo "smoke: $*"; }
fail() { echo "smoke FAILED: $*" >&2; exit 1; }

need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing $2 (Debian package) for $1"
    { timeout 300 apt-get install -y -qq "$2" >/dev/null 2>&1 ||
      { timeout 300 apt-get update -qq >/dev/null 2>&1 && timeout 300 apt-get install -y -qq "$2" >/dev/null 2>&1; }; } ||
      fail "could not install $2; install it (apt-get install $2) and run again"
  else
    fail "$1 is missing: install the Debian package $2 (as root) and run again"
  fi
}
[[ "$(id -u)" == 0 ]] || fail "unpacking and running a container needs root here (no rootless runtime is set up)"
need umoci umoci
need jq jq
need curl curl

# 1. Unpack the archive as a runtime bundle: rootfs plus a runtime-spec config derived from the image config.
oci="$work/oci" bundle="$work/bundle"
rm -rf "$oci" "$bundle" && mkdir -p "$oci"
tar -xf "$archive" -C "$oci"
ref="$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$oci/index.json")"
umoci unpack --image "$oci:$ref" "$bundle" >/dev/null
rootfs="$bundle/rootfs"
mapfile -t entrypoint < <(jq -r '.process.args[]' "$bundle/config.json" | head -n -1)
[[ "${entrypoint[*]}" == "java -XX:MaxRAMPercentage=50 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /app/lmi-operator.jar" ]] ||
  fail "unexpected entrypoint: ${entrypoint[*]}"
user="$(jq -r '"\(.process.user.uid):\(.process.user.gid)"' "$bundle/config.json")"
[[ "$user" == "65532:65532" ]] || fail "the image runs as $user, not 65532:65532"
cp "$bundle/config.json" "$work/config.image.json"
log "unpacked $ref: entrypoint ${entrypoint[*]}, user $user, cwd $(jq -r .process.cwd "$bundle/config.json")"

# What each container gets besides the image's own settings (the chart's equivalents in brackets).
mkdir -p "$work/mounts"
mounts=("$repo/examples:/examples")            # manifests to validate, read-only
extra_env=()
host_network=0

runc_config() { # args...
  jq --argjson args "$(printf '%s\n' "${entrypoint[@]}" "$@" | jq -R . | jq -s .)" \
     --argjson env "$(printf '%s\n' "${extra_env[@]}" | grep -v '^$' | jq -R . | jq -s .)" \
     --argjson mounts "$(printf '%s\n' "${mounts[@]}" | jq -R 'split(":") | {destination: .[1], type: "bind",
        source: .[0], options: ["rbind", "ro", "nosuid", "nodev"]}' | jq -s .)" \
     --argjson hostnet "$host_network" '
    .process.terminal = false | .process.args = $args | .process.env += $env
    | .process.capabilities = {bounding: [], effective: [], inheritable: [], permitted: [], ambient: []}
    | .root.readonly = true
    | .mounts += [{destination: "/tmp", type: "tmpfs", source: "tmpfs",
                   options: ["nosuid", "nodev", "mode=1777", "size=64m"]}] + $mounts
    | if $hostnet == 1 then .linux.namespaces |= map(select(.type != "network")) else . end
  ' "$work/config.image.json" >"$bundle/config.json"
}

run_runc() { # id, seconds, args...
  local id="$1" secs="$2"; shift 2
  runc_config "$@"
  runc delete -f "$id" >/dev/null 2>&1 || true
  timeout "$secs" runc run --bundle "$bundle" "$id"
}

run_chroot() { # id, seconds, args... (same user, environment, cwd, read-only root, tmpfs /tmp and binds)
  local secs="$2"; shift 2
  local env_args=() m
  mapfile -t env_args < <(jq -r '.process.env[]' "$work/config.image.json")
  local binds=""
  for m in "${mounts[@]}"; do
    binds+="mkdir -p \"$rootfs${m#*:}\" 2>/dev/null || true; mount --bind -o ro \"${m%%:*}\" \"$rootfs${m#*:}\"; "
  done
  timeout "$secs" env -i "${env_args[@]}" "${extra_env[@]}" unshare --mount --pid --fork --propagation private sh -c "
    mount --bind '$rootfs' '$rootfs' && mount -t proc proc '$rootfs/proc' &&
    mount -t tmpfs -o mode=1777,size=64m tmpfs '$rootfs/tmp' && $binds
    mount -o remount,bind,ro '$rootfs' &&
    exec unshare --root='$rootfs' --wd=/app --setgid 65532 --setuid 65532 \"\$@\"" sh "${entrypoint[@]}" "$@"
}

# 2. Pick the runtime: runc if it starts a container here (it needs namespaces and cgroups), else chroot.
#    SMOKE_RUNTIME=chroot forces the fallback (to test it where runc works).
runtime=chroot
mkdir -p "$rootfs/proc" "$rootfs/examples" 2>/dev/null || true
if [[ "${SMOKE_RUNTIME:-}" == chroot ]]; then
  log "SMOKE_RUNTIME=chroot: not trying runc"
elif command -v runc >/dev/null 2>&1 || (need runc runc); then
  if out="$(run_runc lmi-smoke-probe 120 --version 2>&1)"; then
    runtime=runc
  else
    log "runc cannot start a container here ($(tail -1 <<<"$out")); using unshare + chroot"
  fi
fi
container() { if [[ "$runtime" == runc ]]; then run_runc "$@"; else run_chroot "$@"; fi; }
log "runtime: $runtime"

# 3. The checks.
out="$(container lmi-smoke-version 120 --version 2>&1)" || fail "--version: $out"
log "--version -> $(tr '\n' ' ' <<<"$out")"

out="$(container lmi-smoke-help 120 --help 2>&1)" || fail "--help: $out"
grep -q "Usage: lmi-operator" <<<"$out" && grep -q "validate" <<<"$out" || fail "--help printed: $out"
log "--help -> $(grep -c . <<<"$out") lines; commands: $(sed -n '/^Commands:/,$p' <<<"$out" | grep -oP '^  \K[a-z]+(?=  )' | paste -sd' ')"

out="$(container lmi-smoke-validate 120 validate /examples 2>&1)" || fail "validate /examples: $out"
log "validate /examples -> exit 0: $(tail -1 <<<"$out")"

cat >"$work/mounts/bad.yaml" <<'EOF'
apiVersion: lmi.dev/v1alpha1
kind: LmiFunction
metadata: {name: bad, namespace: orders}
spec:
  capacityProviderRef: {name: orders-pool}
  runtime: java21
  handler: x::y
  code: {s3: {bucket: b, key: k}}
  roleArn: arn:aws:iam::123456789012:role/r
  memoryMiB: 2096
  memoryGiBPerVCpu: 4
EOF
mounts+=("$work/mounts:/bad")
set +e; out="$(container lmi-smoke-invalid 120 validate /bad/bad.yaml 2>&1)"; rc=$?; set -e
[[ $rc == 1 ]] || fail "validate of an invalid manifest exited $rc, not 1: $out"
log "validate of an invalid manifest -> exit 1: $(grep -m1 -i 'memoryMiB' <<<"$out" || tail -1 <<<"$out")"

# run: against the mock API server on loopback (host network, like a pod's own IP), health and metrics on
# free ports; AWS is never called because no object exists.
free_port() { local p; for p in $(shuf -i 20000-60000 -n 50); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
"$java" -cp "$tools_cp" dev.lmi.release.SmokeKubeApi "$repo/crds" "$work/mounts/kubeconfig" >"$work/kube-api.out" 2>&1 &
api_pid=$!
trap 'kill $api_pid 2>/dev/null || true; runc kill lmi-smoke-run KILL >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 60); do [[ -s "$work/mounts/kubeconfig" ]] && break; sleep 1; done
[[ -s "$work/mounts/kubeconfig" ]] || fail "the mock Kubernetes API did not start: $(cat "$work/kube-api.out")"
health="$(free_port)" metrics="$(free_port)"
host_network=1
extra_env=("KUBECONFIG=/bad/kubeconfig" "AWS_REGION=us-east-1" "AWS_ENDPOINT_URL=http://127.0.0.1:9"
           "AWS_ACCESS_KEY_ID=smoke" "AWS_SECRET_ACCESS_KEY=smoke" "POD_NAMESPACE=lmi-system"
           "LMI_HEALTH_PORT=$health" "LMI_METRICS_PORT=$metrics" "LMI_LOG_FORMAT=json")
container lmi-smoke-run 300 run >"$work/run.log" 2>&1 &
run_pid=$!
code=""
for _ in $(seq 1 90); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$health/healthz" || true)"
  [[ "$code" == 200 ]] && break
  kill -0 $run_pid 2>/dev/null || break
  sleep 1
done
[[ "$code" == 200 ]] || fail "/healthz did not answer 200 (last: $code); operator log:
$(tail -20 "$work/run.log")"
for _ in $(seq 1 30); do
  ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$health/readyz" || true)"
  [[ "$ready" == 200 ]] && break; sleep 1
done
# The JVM as the kernel sees it: its user, capabilities and root mount.
jvm=""
[[ "$runtime" == runc ]] && jvm="$(runc state lmi-smoke-run | jq -r .pid)"
[[ -n "$jvm" ]] || for p in /proc/[0-9]*; do
  [[ "$(readlink "$p/root" 2>/dev/null)" == "$rootfs" && "$(cat "$p/comm" 2>/dev/null)" == java ]] && jvm="${p#/proc/}" && break
done
[[ -n "$jvm" ]] || fail "no java process runs in $rootfs"
uid="$(awk '/^Uid:/ {print $2}' "/proc/$jvm/status")" caps="$(awk '/^CapEff:/ {print $2}' "/proc/$jvm/status")"
root_opts="$(awk '$5 == "/" {print $6}' "/proc/$jvm/mountinfo" | tail -1)"
[[ "$uid" == 65532 && "$caps" == 0000000000000000 && "$root_opts" == ro* ]] ||
  fail "the JVM runs as uid $uid with capabilities $caps on a root mounted $root_opts"
log "run -> the JVM runs as uid $uid, no capabilities, root file system mounted $root_opts"
log "run -> /healthz $code, /readyz $ready, /metrics $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$metrics/metrics")"
log "run log (--log-format json): $(grep -m1 '^{' "$work/run.log")"
if [[ "$runtime" == runc ]]; then runc kill lmi-smoke-run TERM; else kill -TERM $run_pid; fi
set +e; wait $run_pid; rc=$?; set -e
log "run stopped on SIGTERM with exit $rc"
kill $api_pid 2>/dev/null || true
trap - EXIT
echo "smoke: passed (runtime $runtime)"
