#!/usr/bin/env bash
# Makes the JRE base image of the service images without a Docker daemon: Debian bookworm (minbase) with Debian's
# OpenJDK 17 JRE, unpacked by debootstrap and packed as a docker-archive tar (what `docker save` writes), which Jib
# reads as its base image (`tar://...`). Needs root (debootstrap chroots) and Debian's package mirror.
#
#   docker/base-image.sh [OUT.tar]     default: $LONGTAIL_IMAGE_CACHE/longtail-jre17-base.tar
#                                      (LONGTAIL_IMAGE_CACHE defaults to ~/.cache/longtail/images)
# Environment: DEBIAN_MIRROR (default: the first URI of /etc/apt/sources.list.d/debian.sources, else deb.debian.org).
set -euo pipefail

cache="${LONGTAIL_IMAGE_CACHE:-$HOME/.cache/longtail/images}"
out="${1:-$cache/longtail-jre17-base.tar}"
suite=bookworm
# uid/gid the services run as; the Deployments' securityContext says the same (k8s/base/*/deployment.yaml)
app_uid=1001

if [ "$(id -u)" != 0 ]; then
  echo "error: debootstrap needs root" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "== installing Debian's debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi
mirror="${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)}"
mirror="${mirror:-http://deb.debian.org/debian}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

echo "== debootstrap $suite (minbase + openjdk-17-jre-headless) from $mirror"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$suite" "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log" >&2; exit 1; }

# What a runtime image never needs: package caches and lists, documentation, and the package manager's logs.
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/log/* "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/tmp/* "$root"/var/tmp/*
# The unprivileged user the services run as, with a home Java can use for user.home.
echo "longtail:x:$app_uid:$app_uid:Longtail service:/deployments:/usr/sbin/nologin" >>"$root/etc/passwd"
echo "longtail:x:$app_uid:" >>"$root/etc/group"
install -d -o "$app_uid" -g "$app_uid" -m 0755 "$root/deployments"
java_home="$(cd "$root" && ls -d usr/lib/jvm/java-17-openjdk-* | head -1)"
[ -x "$root/$java_home/bin/java" ] || { echo "error: no JRE in the image" >&2; exit 1; }

echo "== packing the docker-archive"
image="$work/image"
mkdir -p "$image"
# reproducible layer: sorted, numeric owners, one timestamp
tar --sort=name --numeric-owner --mtime=@0 --xattrs -C "$root" -cf "$image/layer.tar" .
layer_sha="$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
mkdir "$image/$layer_sha"
mv "$image/layer.tar" "$image/$layer_sha/layer.tar"
cat >"$image/config.json" <<JSON
{
  "architecture": "amd64",
  "os": "linux",
  "created": "1970-01-01T00:00:00Z",
  "config": {
    "Env": ["PATH=/$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=/$java_home", "LANG=C.UTF-8"],
    "User": "$app_uid",
    "WorkingDir": "/deployments",
    "Labels": {"org.opencontainers.image.description": "Debian $suite minbase with Debian's OpenJDK 17 JRE (Longtail base)"}
  },
  "rootfs": {"type": "layers", "diff_ids": ["sha256:$layer_sha"]},
  "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "docker/base-image.sh (debootstrap $suite)"}]
}
JSON
config_sha="$(sha256sum "$image/config.json" | cut -d' ' -f1)"
mv "$image/config.json" "$image/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["longtail/jre17-base:%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_sha" "$suite" "$layer_sha" >"$image/manifest.json"
mkdir -p "$(dirname "$out")"
# entries named without a leading ./ (Jib refuses to unpack those)
tar --mtime=@0 -C "$image" -cf "$out.partial" manifest.json "$config_sha.json" "$layer_sha/layer.tar"
mv "$out.partial" "$out"
echo "base image: $out ($(du -h "$out" | cut -f1), JAVA_HOME=/$java_home)"
