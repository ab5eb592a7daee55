#!/usr/bin/env bash
# Builds one service's container image as a tar without a Docker daemon, and checks it:
#   docker/build-image.sh SERVICE          SERVICE: evolver, generator, curator, evaluator (or evolver-service, ...)
# 1. the base image tar (Debian + OpenJDK 17 JRE) if it is missing: docker/base-image.sh (debootstrap, needs root);
# 2. ./mvnw -Pimage package for the service: Jib's buildTar writes SERVICE/target/jib-image.tar;
# 3. docker/check-image.sh on that tar.
# Load the tar where a runtime exists: docker load -i ..., kind load image-archive ..., skopeo copy docker-archive:...
# Environment: LONGTAIL_IMAGE_CACHE (base image folder, default ~/.cache/longtail/images), MAVEN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
service="${1:?usage: docker/build-image.sh evolver|generator|curator|evaluator}"
service="${service%-service}-service"
case "$service" in
  evolver-service|generator-service|curator-service|evaluator-service) ;;
  *) echo "error: unknown service $1 (evolver, generator, curator, evaluator)" >&2; exit 2 ;;
esac
cache="${LONGTAIL_IMAGE_CACHE:-$HOME/.cache/longtail/images}"
base="$cache/longtail-jre17-base.tar"

start=$SECONDS
if [ ! -f "$base" ]; then
  docker/base-image.sh "$base"
  echo "base image made in $((SECONDS - start)) s"
fi
step=$SECONDS
echo "== ./mvnw -Pimage package ($service)"
# shellcheck disable=SC2086
./mvnw -B -ntp ${MAVEN_ARGS:-} -Pimage -pl "$service" -am package -DskipTests "-Dlongtail.image.base=tar://$base"
echo "image built in $((SECONDS - step)) s"
docker/check-image.sh "$service/target/jib-image.tar"
