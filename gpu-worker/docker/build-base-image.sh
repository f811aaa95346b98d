#!/usr/bin/env bash
# Builds fitsflow/jre-base:17 without any container registry: a Debian bookworm minbase root file
# system made by debootstrap, plus a headless OpenJDK 17, imported with `docker import`.
# The gpu-worker image builds on it with --build-arg BASE_IMAGE=fitsflow/jre-base:17.
# Idempotent: does nothing when the image already exists (FITSFLOW_REBUILD_BASE=1 forces a rebuild).
set -euo pipefail

IMAGE="${FITSFLOW_BASE_IMAGE:-fitsflow/jre-base:17}"
SUITE="${FITSFLOW_BASE_SUITE:-bookworm}"
MIRROR="${FITSFLOW_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [ "${FITSFLOW_REBUILD_BASE:-0}" != "1" ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "build-base-image: $IMAGE already present, nothing to do"
  exit 0
fi

for tool in debootstrap docker; do
  command -v "$tool" >/dev/null || { echo "build-base-image: ERROR: $tool is not installed" >&2; exit 1; }
done

arch="$(dpkg --print-architecture)"
work="$(mktemp -d /var/tmp/fitsflow-base.XXXXXX)"
cleanup() {
  # debootstrap mounts /proc and /sys inside the root; unmount before deleting it
  for m in proc sys dev/pts; do umount "$work/root/$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "build-base-image: debootstrap $SUITE from $MIRROR"
debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$work/root" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log" >&2; echo "build-base-image: ERROR: debootstrap failed" >&2; exit 1; }

echo "build-base-image: installing openjdk-17-jre-headless in the root"
# the JRE's post-install script runs java, which needs /proc
mount -t proc proc "$work/root/proc"
chroot "$work/root" /bin/sh -c '
  set -e
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  apt-get clean
  rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc/* /usr/share/man/* /usr/share/locale/*
  java -version
'
for m in proc sys dev/pts; do umount "$work/root/$m" 2>/dev/null || true; done

echo "build-base-image: importing as $IMAGE"
tar -C "$work/root" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change "ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch" \
  --change 'CMD ["/bin/bash"]' \
  - "$IMAGE" >/dev/null
docker image inspect "$IMAGE" --format 'build-base-image: {{.RepoTags}} {{.Size}} bytes'
