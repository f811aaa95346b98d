#!/usr/bin/env bash
# Time per job through the docker executor against the in-process executor, on the same file, through
# the real service (packaged jar): N jobs one after another (executor-threads=1) for each setting.
#   in-process       fitsflow.queue=local  fitsflow.executor=local
#   redis+in-process fitsflow.queue=redis  fitsflow.executor=local
#   redis+docker     fitsflow.queue=redis  fitsflow.executor=docker (one gpu-worker container per job)
# Needs: mvn -DskipTests package, redis-server, a Docker daemon with the gpu-worker image (.ci/docker-setup.sh).
# Usage: gpu-worker/docker/compare-executors.sh [fits file] [jobs per setting]
set -euo pipefail
cd "$(dirname "$0")/../.."

FILE="${1:-../shared/data/frames/seestar-rgb-ngc7023.fit}"
JOBS="${2:-5}"
IMAGE="${FITSFLOW_DOCKER_IMAGE:-fitsflow/gpu-worker:latest}"
JAR=routes/target/fitsflow.jar
[ -f "$JAR" ] || { echo "compare-executors: $JAR missing (mvn -DskipTests package)" >&2; exit 1; }
[ -f "$FILE" ] || { echo "compare-executors: $FILE missing" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_setting() {
  local label=$1 queue=$2 executor=$3
  local work; work=$(mktemp -d /tmp/fitsflow-compare.XXXXXX)
  mkdir -p "$work/data" "$work/inbox" "$work/outbox"
  local redis_port; redis_port=$(free_port)
  redis-server --port "$redis_port" --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  local redis_pid=$!
  local port; port=$(free_port)
  java -jar "$JAR" --server.port="$port" --fitsflow.data-dir="$work/data" --fitsflow.inbox.dir="$work/inbox" \
    --fitsflow.outbox.dir="$work/outbox" \
    --fitsflow.queue="$queue" --fitsflow.executor="$executor" --fitsflow.executor-threads=1 \
    --fitsflow.redis.url="redis://127.0.0.1:$redis_port" --fitsflow.docker.image="$IMAGE" >"$work/service.log" 2>&1 &
  local app_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
  local api="http://127.0.0.1:$port/api/process"
  local session; session=$(curl -sf -X POST "$api/sessions" -H 'Content-Type: application/json' \
    -d "{\"session_name\":\"compare $label\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for i in $(seq 1 "$JOBS"); do
    curl -sf -F "file=@$FILE;filename=frame-$i.fit" "$api/sessions/$session/upload" >/dev/null
  done
  curl -sf -X POST "$api/sessions/$session/finalize" >/dev/null
  curl -sf -X POST "$api/sessions/$session/process" -H 'Content-Type: application/json' -d '{"pipeline_name":"quick_dso"}' >/dev/null
  python3 - "$api" "$session" "$label" <<'PY'
import json, sys, time, urllib.request, statistics
from datetime import datetime
api, session, label = sys.argv[1], sys.argv[2], sys.argv[3]
def get(path):
    with urllib.request.urlopen(api + path) as r:
        return json.load(r)
deadline = time.time() + 900
while True:
    jobs = get(f"/sessions/{session}")["jobs"]
    if all(j["status"] not in ("queued", "running") for j in jobs) or time.time() > deadline:
        break
    time.sleep(0.5)
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00"))
jobs = sorted(jobs, key=lambda j: j["id"])
done = [j for j in jobs if j["status"] == "complete"]
secs = [(t(j["completed_at"]) - t(j["started_at"])).total_seconds() for j in done]
span = (t(jobs[-1]["completed_at"]) - t(jobs[0]["created_at"])).total_seconds() if done else float("nan")
later = secs[1:] or secs
print(f"{label:18s} jobs {len(done)}/{len(jobs)} complete; first {secs[0]:.2f} s; median of the rest "
      f"{statistics.median(later):.2f} s (min {min(later):.2f}, max {max(later):.2f}); all {len(jobs)} in {span:.1f} s")
PY
  kill "$app_pid" "$redis_pid" 2>/dev/null || true
  wait "$app_pid" "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}

echo "file: $FILE, $JOBS jobs per setting, quick_dso, one job at a time; started_at -> completed_at per job"
run_setting "in-process" local local
run_setting "redis+in-process" redis local
run_setting "redis+docker" redis docker
