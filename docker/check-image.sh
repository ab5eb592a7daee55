#!/usr/bin/env bash
# Checks a service image tar (docker-archive, as Jib's buildTar writes it) without a container runtime: its config
# runs the Quarkus fast-jar as a non-root user from /deployments, and its layers hold the fast-jar layout, a JRE and
# nothing of Jib's default classpath layout; the application's files belong to root and are not world-writable.
#   docker/check-image.sh SERVICE/target/jib-image.tar
# Prints one line per check and closes with "image: N passed, M failed"; exits non-zero on a failure.
set -euo pipefail
tar_file="${1:?usage: docker/check-image.sh IMAGE.tar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xf "$tar_file" -C "$work" manifest.json
config_name="$(jq -r '.[0].Config' "$work/manifest.json")"
tar -xf "$tar_file" -C "$work" "$config_name"
config="$work/$config_name"

passed=0 failed=0
check() { # description, then a command that succeeds when the check holds
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok    $what"
  else failed=$((failed + 1)); echo "FAIL  $what"; fi
}

# every entry of every layer, with its mode and owner (one listing, read by the checks below)
listing="$work/layers.txt"
for layer in $(jq -r '.[0].Layers[]' "$work/manifest.json"); do
  tar -xOf "$tar_file" "$layer" | tar -tvz --warning=no-unknown-keyword 2>/dev/null | sed "s|^|$layer |" >>"$listing" \
    || tar -xOf "$tar_file" "$layer" | tar -tv --warning=no-unknown-keyword | sed "s|^|$layer |" >>"$listing"
done
has_path() { grep -Eq " \.?/?$1\$" "$listing"; }
layer_of() { grep -E " \.?/?$1\$" "$listing" | head -1 | cut -d' ' -f1; }

user="$(jq -r '.config.User // ""' "$config")"
check "runs as a non-root user (User=$user)" test -n "$user" -a "${user%%:*}" != 0 -a "${user%%:*}" != root
check "entrypoint runs the fast-jar" test "$(jq -c '.config.Entrypoint' "$config")" = '["java","-jar","/deployments/quarkus-run.jar"]'
check "working directory is /deployments" test "$(jq -r '.config.WorkingDir' "$config")" = /deployments
check "JVM sizes its heap from the container's memory limit" grep -q 'MaxRAMPercentage' <(jq -r '.config.Env[]' "$config")
java_home="$(jq -r '.config.Env[] | select(startswith("JAVA_HOME=")) | sub("JAVA_HOME=/"; "")' "$config")"
check "a JRE at JAVA_HOME (/$java_home)" has_path "$java_home/bin/java"
passwd_layer="$(layer_of etc/passwd)"
uid="${user%%:*}"
check "user $uid has an /etc/passwd entry (Java's user.home)" \
  grep -Eq "^[^:]*:[^:]*:$uid:" <(tar -xOf "$tar_file" "$passwd_layer" | tar -xzO --wildcards '*etc/passwd' 2>/dev/null \
    || tar -xOf "$tar_file" "$passwd_layer" | tar -xO --wildcards '*etc/passwd')
for path in deployments/quarkus-run.jar deployments/lib/boot/ deployments/lib/main/ deployments/app/ deployments/quarkus/; do
  check "holds /$path" has_path "$path"
done
check "no Jib classpath layout (/app)" bash -c "! grep -Eq ' \\.?/?app/' '$listing'"
own_jar="$(grep -Eo 'deployments/lib/main/dev\.longtail\.[^ ]*\.jar' "$listing" | head -1 || true)"
third_party="$(grep -Eo 'deployments/lib/main/io\.quarkus\.quarkus-core-[^ ]*\.jar' "$listing" | head -1 || true)"
check "third-party libraries and Longtail's jars in separate layers" \
  test -n "$own_jar" -a -n "$third_party" -a "$(layer_of "$own_jar")" != "$(layer_of "$third_party")"
check "the application's files belong to root" bash -c "! grep ' deployments/' '$listing' | awk '{print \$3}' | grep -qv '^0/0\$'"
check "no world-writable application file" bash -c "! grep ' deployments/' '$listing' | awk '{print \$2}' | grep -q '^.\{8\}w'"

echo "image $(basename "$tar_file"): $(jq -r '.[0].RepoTags[0]' "$work/manifest.json"), $(jq '.[0].Layers | length' "$work/manifest.json") layers"
echo "image: $passed passed, $failed failed"
[ "$failed" = 0 ]
