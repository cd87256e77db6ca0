#!/usr/bin/env bash
# Assembles the LOCAL smoke-test base image (not the release base) as a `docker save` archive that Jib reads
# with tar://, with no registry: a jlink'ed JRE from the build's JDK laid out like Temurin's images
# (/opt/java/openjdk, on PATH, JAVA_HOME set) plus the shared libraries it links, copied from this machine.
# Also writes base-components.json, what the image SBOM says the base holds.
#   release/image/base.sh JDK_HOME OUT_DIR
set -euo pipefail

jdk="$1" out="$2"
rootfs="$out/base-rootfs"
rm -rf "$rootfs" "$out/base.tar" "$out/base-layer.tar"
mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp" "$rootfs/app"

# The modules of a JRE (java.se and the jdk.* runtime modules), not the developer tools; taken from what the
# JDK has, since jdk.crypto.ec and others come and go between releases.
wanted="java.se jdk.charsets jdk.crypto.cryptoki jdk.crypto.ec jdk.httpserver jdk.jfr jdk.localedata
  jdk.management jdk.management.jfr jdk.naming.dns jdk.net jdk.security.auth jdk.security.jgss
  jdk.unsupported jdk.zipfs"
have="$("$jdk/bin/java" --list-modules | sed 's/@.*//')"
modules="$(for m in $wanted; do grep -qx "$m" <<<"$have" && echo "$m"; done | paste -sd, -)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$rootfs/opt/java/openjdk"

# Merged /usr like Debian and Ubuntu: /lib -> usr/lib.
mkdir -p "$rootfs/usr/lib"
[[ -L /lib ]] && ln -s usr/lib "$rootfs/lib"
# Shared libraries of every ELF file in the JRE, except the X11/ALSA ones a headless JVM never loads.
export LD_LIBRARY_PATH="$rootfs/opt/java/openjdk/lib/server:$rootfs/opt/java/openjdk/lib"
headless() {
  find "$rootfs/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) ! -name 'libawt_xawt.so' \
    ! -name 'libjawt.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' -print0
}
libs="$(headless | xargs -0 ldd 2>/dev/null |
        awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$rootfs" | sort -u)"
missing="$(headless | xargs -0 ldd 2>/dev/null | grep 'not found' || true)"
[[ -z "$missing" ]] || { echo "error: the JRE needs libraries this machine lacks:" >&2; echo "$missing" >&2; exit 1; }
packages=()
for lib in $libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
  # dpkg records a file under the path its package ships it at: /lib/... or /usr/lib/... (merged /usr).
  owner=""
  for path in "$lib" "/usr$lib" "${lib#/usr}" "$(readlink -f "$lib")"; do
    owner="$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)" && [[ -n "$owner" ]] && break
  done
  [[ -n "$owner" ]] || owner="unknown:$lib"
  packages+=("$owner")
done

printf 'root:x:0:0:root:/root:/usr/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\n' >"$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"

# One layer, reproducible: sorted, epoch times, root-owned.
(cd "$rootfs" && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu \
   -cf "$out/base-layer.tar" *)
diff_id="sha256:$(sha256sum "$out/base-layer.tar" | cut -d' ' -f1)"
arch="$(dpkg --print-architecture 2>/dev/null || uname -m)"
java_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")"
implementor="$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$jdk/release")"

stage="$out/base-archive"
rm -rf "$stage" && mkdir -p "$stage"
mv "$out/base-layer.tar" "$stage/layer.tar"
jq -n --arg arch "$arch" --arg diff "$diff_id" --arg jv "$java_version" '{
  architecture: $arch, os: "linux",
  config: {Env: ["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                 "JAVA_HOME=/opt/java/openjdk", "JAVA_VERSION=\($jv)", "LANG=C.UTF-8"]},
  rootfs: {type: "layers", diff_ids: [$diff]},
  history: [{created: "1970-01-01T00:00:00Z", created_by: "lmi-operator release/image/base.sh (local smoke-test base)"}]
}' >"$stage/config.json"
jq -n '[{Config: "config.json", RepoTags: ["lmi-operator-smoke-base:local"], Layers: ["layer.tar"]}]' \
  >"$stage/manifest.json"
(cd "$stage" && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$out/base.tar" \
   manifest.json config.json layer.tar)
rm -rf "$stage"

# What the SBOM lists for this base: the runtime and the Debian packages the libraries came from.
deb_json="$(printf '%s\n' "${packages[@]}" | grep -v '^$' | sort -u | while read -r p; do
  dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\n' "$p:$arch" 2>/dev/null ||
    dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\n' "$p"
done | jq -R -s 'split("\n") | map(select(length > 0) | split("\t") | {name: .[0], version: .[1], arch: .[2]})')"
distro="$(. /etc/os-release && echo "${ID}-${VERSION_ID}")"
jq -n --arg impl "$implementor" --arg jv "$java_version" --arg mods "$modules" --arg distro "$distro" \
  --arg arch "$arch" --argjson debs "$deb_json" '{
  kind: "local", description: "jlink runtime of the build JDK plus host shared libraries (smoke tests only)",
  architecture: $arch, distro: $distro,
  runtime: {implementor: $impl, version: $jv, modules: ($mods | split(","))},
  debianPackages: $debs
}' >"$out/base-components.json"
echo "base: $(du -h "$out/base.tar" | cut -f1) ($implementor $java_version, modules $modules; libraries from $(jq -r '[.debianPackages[].name] | join(", ")' "$out/base-components.json"))"
