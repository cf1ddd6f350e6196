#!/usr/bin/env bash
# Assembles the container image's base layer without a Docker daemon or registry, and writes it
# as a `docker save`-format tarball that Jib takes as its base image (tar://...).
#
#   assemble-base.sh OUT_DIR JAVA_HOME UID
#
# The layer holds, besides what ayb's own layers add (ayb-image/pom.xml):
#   /opt/java                 a jlink runtime of JAVA_HOME (its jmods), only the modules Payara
#                             Micro, the ayb CLI and the query daemons use
#   /usr/lib/<triplet>, the loader  the shared libraries of the Debian packages libc6, libgcc-s1,
#                             libstdc++6, zlib1g and libsqlite3-0, copied from this (Debian) build
#                             machine: the JDK, libsqlite3 (the daemons bind it through JNA) and
#                             the native libraries the WAR unpacks (sqlite-jdbc, zstd-jni, DuckDB)
#                             need nothing else; /etc/ld.so.cache made for them by ldconfig -r
#   /usr/bin/unshare, /bin/true  util-linux's unshare and coreutils' true: the sandbox gives a
#                             non-root server's daemons a network namespace through
#                             `unshare --user --map-root-user --net` and probes it with /bin/true
#   /etc/passwd, /etc/group   root and the user ayb (UID), /etc/nsswitch.conf (files, dns)
#   /data (ayb's, 0700)       the data folder, /tmp (1777)
#   /usr/share/doc/<package>/copyright  the licences of the copied Debian packages
set -euo pipefail

out="$1"
jdk="$2"
uid="$3"
root="$out/base-rootfs"
packages=(libc6 libgcc-s1 libstdc++6 zlib1g libsqlite3-0)
files() { dpkg-query -L "$1:$(dpkg --print-architecture)" 2>/dev/null || dpkg-query -L "$1"; }
# The multiarch folder (x86_64-linux-gnu, aarch64-linux-gnu...): where libc6 keeps libc.so.6.
triplet="$(basename "$(dirname "$(files libc6 | grep -m1 '/libc\.so\.6$')")")"

rm -rf "$root" "$out/base-layer.tar" "$out/base-image.tar" "$out/base-image"
mkdir -p "$root"

# The Java runtime: the modules of Java SE plus those Payara Micro needs at run time (Unsafe,
# JMX, elliptic-curve TLS, DNS, zip file systems, character sets, locales); no tools, man pages
# or debug symbols. A default CDS archive makes every JVM start faster (the daemons' AppCDS
# archives build on it).
modules="java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.crypto.ec,jdk.crypto.cryptoki"
modules="$modules,jdk.naming.dns,jdk.naming.rmi,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.httpserver"
modules="$modules,jdk.security.auth,jdk.security.jgss,jdk.net,jdk.attach,jdk.jfr"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --generate-cds-archive --output "$root/opt/java" >/dev/null

# Shared libraries of the Debian packages (with their links) under /usr/lib/<triplet>, where the
# dynamic loader and the sandbox (Sqlite3.locateLibrary) look for them.
mkdir -p "$root/usr/lib/$triplet" "$root/usr/bin" "$root/bin" "$root/etc"
for package in "${packages[@]}"; do files "$package"; done | grep -E "/$triplet/[^/]+\.so(\.[0-9]+)*$" | sort -u | while read -r lib; do
  if [ -e "$lib" ]; then cp -P "$lib" "$root/usr/lib/$triplet/"; fi
done
# The dynamic loader at the path compiled into every binary (/lib64/ld-linux-x86-64.so.2,
# /lib/ld-linux-aarch64.so.1).
files libc6 | grep -E '^/lib[^/]*/ld-linux[^/]*\.so\.[0-9]+$' | while read -r loader; do
  mkdir -p "$root$(dirname "$loader")"
  cp -L "$loader" "$root$loader"
done
cp -L /usr/bin/unshare "$root/usr/bin/unshare"
cp -L /bin/true "$root/bin/true"
for package in "${packages[@]}" util-linux coreutils; do
  if [ -f "/usr/share/doc/$package/copyright" ]; then
    mkdir -p "$root/usr/share/doc/$package"
    cp -L "/usr/share/doc/$package/copyright" "$root/usr/share/doc/$package/copyright"
  fi
done

# Every binary's libraries must be in the layer (a missing one would only show when it loads).
missing="$(find "$root/opt/java" "$root/usr/bin" "$root/bin" "$root/usr/lib/$triplet" -type f \
  \( -name '*.so*' -o -perm -u+x \) -exec ldd {} + 2>/dev/null | awk '/=> not found/ {print $1}' \
  | grep -v '^libjvm.so$' | sort -u || true)"
if [ -n "$missing" ]; then
  echo "assemble-base.sh: libraries missing from the base layer: $missing" >&2
  exit 1
fi

printf '%s\n' "/usr/lib/$triplet" >"$root/etc/ld.so.conf"
ldconfig -r "$root"
cat >"$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
ayb:x:$uid:$uid:ayb:/data:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<GROUP
root:x:0:
ayb:x:$uid:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
mkdir -p "$root/tmp" "$root/data" "$root/root" "$root/proc" "$root/dev" "$root/sys"
chmod 1777 "$root/tmp"
chmod 0700 "$root/data" "$root/root"

# The layer: numeric owners (root, except /data), sorted names and a fixed date, so the same
# inputs give the same digest.
tar --sort=name --mtime='@1' --numeric-owner --owner=0 --group=0 --exclude=./data \
  -C "$root" -cf "$out/base-layer.tar" .
tar --numeric-owner --owner="$uid" --group="$uid" --mtime='@1' --no-recursion \
  -C "$root" -rf "$out/base-layer.tar" ./data

# `docker save` format: manifest.json, the image configuration and the layer.
mkdir -p "$out/base-image"
digest="$(sha256sum "$out/base-layer.tar" | cut -d' ' -f1)"
mv "$out/base-layer.tar" "$out/base-image/$digest.tar"
cat >"$out/base-image/config.json" <<CONFIG
{"architecture":"$(dpkg --print-architecture)","os":"linux","created":"1970-01-01T00:00:01Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$digest"]},
 "history":[{"created":"1970-01-01T00:00:01Z","created_by":"ayb-image/src/main/image/assemble-base.sh"}]}
CONFIG
printf '[{"Config":"config.json","RepoTags":["ayb-base:local"],"Layers":["%s.tar"]}]\n' "$digest" \
  >"$out/base-image/manifest.json"
tar --mtime='@1' --numeric-owner -C "$out/base-image" -cf "$out/base-image.tar" \
  manifest.json config.json "$digest.tar"
rm -rf "$out/base-image"
echo "base image: $out/base-image.tar ($(du -sh "$root" | cut -f1) unpacked)"
