#!/usr/bin/env bash
# Makes a Docker daemon available for the *DockerIT tests and builds the images they use, without any
# container registry:
#   1. installs Debian's docker.io and debootstrap when missing,
#   2. reuses a running daemon, or starts dockerd in the background (log: $FITSFLOW_DOCKERD_LOG),
#      first with its defaults (overlay2, bridge network), then with a fallback that works in more
#      restricted containers (vfs storage in its own data root, since dockerd refuses to switch the
#      driver of an existing one; no iptables, no bridge: jobs and builds run with network none),
#   3. builds fitsflow/jre-base:17 (debootstrap + JRE 17, docker import; cached),
#   4. packages gpu-worker.jar and builds fitsflow/gpu-worker:latest on that base.
# Fails loudly (exit 1) when no daemon can be started: the Docker tests must not pass without one.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKERD_LOG="${FITSFLOW_DOCKERD_LOG:-/tmp/fitsflow-dockerd.log}"
WORKER_IMAGE="${FITSFLOW_WORKER_IMAGE:-fitsflow/gpu-worker:latest}"
BASE_IMAGE="${FITSFLOW_BASE_IMAGE:-fitsflow/jre-base:17}"

fail() {
  echo "" >&2
  echo "docker-setup: ERROR: $*" >&2
  echo "docker-setup: the Docker integration tests (*DockerIT) cannot run; CI must fail." >&2
  exit 1
}

install_missing() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "docker-setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" || fail "could not install ${missing[*]}"
  fi
}

wait_for_daemon() {
  local pid=$1
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

start_daemon() {
  if docker info >/dev/null 2>&1; then
    echo "docker-setup: using the running Docker daemon"
    return 0
  fi
  # containerd and runc come with docker.io; dockerd starts its own containerd when none runs
  local attempt
  for attempt in default fallback; do
    local args=()
    [ "$attempt" = fallback ] && args=(--storage-driver=vfs --iptables=false --bridge=none --data-root=/var/lib/docker-vfs)
    echo "docker-setup: starting dockerd ($attempt: ${args[*]:-overlay2, bridge})"
    dockerd "${args[@]}" >>"$DOCKERD_LOG" 2>&1 &
    local pid=$!
    if wait_for_daemon "$pid"; then
      echo "docker-setup: dockerd is up (pid $pid, log $DOCKERD_LOG)"
      return 0
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f /var/run/docker.pid
    echo "docker-setup: dockerd ($attempt) did not come up; last log lines:" >&2
    tail -15 "$DOCKERD_LOG" >&2 || true
  done
  fail "no Docker daemon could be started (see $DOCKERD_LOG)"
}

build_images() {
  FITSFLOW_BASE_IMAGE="$BASE_IMAGE" gpu-worker/docker/build-base-image.sh || fail "building $BASE_IMAGE failed"
  echo "docker-setup: packaging gpu-worker.jar"
  mvn -B -ntp -q -Dstyle.color=never -pl gpu-worker -am package -DskipTests || fail "mvn package of gpu-worker failed"
  echo "docker-setup: building $WORKER_IMAGE on $BASE_IMAGE"
  # --network none: the local base image already has the JRE, nothing is downloaded
  DOCKER_BUILDKIT=0 docker build -q --network none --build-arg BASE_IMAGE="$BASE_IMAGE" \
    -t "$WORKER_IMAGE" gpu-worker || fail "docker build of $WORKER_IMAGE failed"
  local java_version
  java_version=$(docker run --rm --network none --entrypoint java "$WORKER_IMAGE" -version 2>&1) \
    || fail "the image $WORKER_IMAGE does not run java"
  echo "docker-setup: $WORKER_IMAGE runs ${java_version%%$'\n'*}"
}

install_missing
start_daemon
build_images
echo "docker-setup: ready ($(docker version --format 'server {{.Server.Version}}'), images $BASE_IMAGE and $WORKER_IMAGE)"
