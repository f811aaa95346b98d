#!/usr/bin/env bash
# What the service spends on a batch through its inbox: the seconds of each batch of N Seestar frames
# (first copy to last JPEG, as in run-bench.sh) and the CPU time of the service's process per frame, all
# threads (jobs, compute pool, inbox, JIT compilers, garbage collector), then per thread group.
# CPU time hardly changes with other work on the machine, so it is the figure to compare builds by.
#
#   bench/inbox-cpu.sh                       # routes/target/fitsflow.jar, 8 batches of 16
#   JAR=/tmp/old.jar bench/inbox-cpu.sh      # another build, for a before/after in one sitting
#   JAVA_OPTS=-XX:+UseSerialGC bench/inbox-cpu.sh
#
# Environment: JAR, JAVA_OPTS, N (16), BATCHES (8; the first two warm the service up and are not in the
# CPU figures), FITSFLOW_SHARED (test data, default ../shared).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(realpath "${JAR:-$repo/routes/target/fitsflow.jar}")
N=${N:-16}
BATCHES=${BATCHES:-8}
SHARED=${FITSFLOW_SHARED:-$repo/../shared}
FRAME="$SHARED/data/frames/seestar-rgb-ngc7023.fit"
[ "$BATCHES" -ge 3 ] || { echo "BATCHES must be at least 3" >&2; exit 2; }

work=$(mktemp -d /tmp/fitsflow-inbox-cpu.XXXXXX)
service_pid=""
cleanup() {
    [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/inbox" "$work/outbox" "$work/data"
ln -s "$repo/config" "$work/config"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# exec: the background job's pid is the JVM's
(cd "$work" && exec java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" --fitsflow.inbox.dir="$work/inbox" \
    --fitsflow.outbox.dir="$work/outbox" --fitsflow.data-dir="$work/data" --fitsflow.inbox.stable-seconds=1 \
    --fitsflow.inbox.poll-delay-ms=100 > "$work/service.log" 2>&1) &
service_pid=$!
until curl -fs "http://127.0.0.1:$port/api/process/pipelines" > /dev/null; do
    kill -0 "$service_pid" 2>/dev/null || { tail -20 "$work/service.log" >&2; exit 1; }
    sleep 0.2
done

ticks_per_ms=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print hz / 1000 }')
process_ticks() { awk '{ print $14 + $15 }' "/proc/$service_pid/stat"; }
# "name ticks" per thread group: trailing numbers dropped, so that the job threads or GC threads add up
thread_ticks() {
    for task in /proc/"$service_pid"/task/*; do
        printf '%s %s\n' "$(tr ' ' '_' < "$task/comm")" "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)"
    done | awk '{ sub(/[-_#]?[0-9]+$/, "", $1); t[$1] += $2 } END { for (k in t) print k, t[k] }' | sort
}

times=()
for batch in $(seq "$BATCHES"); do
    if [ "$batch" -eq 3 ]; then
        start_ticks=$(process_ticks)
        thread_ticks > "$work/threads-before"
    fi
    times+=("$(python3 "$repo/bench/inbox_batch.py" "$work/inbox" "$work/outbox" "$FRAME" "$N" --run "$batch")")
done
frames=$(( (BATCHES - 2) * N ))
thread_ticks > "$work/threads-after"

echo "inbox batches of $N on $(nproc) cores, $(basename "$JAR") ${JAVA_OPTS:-}"
echo "seconds per batch: ${times[*]}"
printf '%s\n' "${times[@]:2}" | sort -g | awk '{ v[NR] = $1 } END { printf "median of batches 3-%d: %.3f s\n", NR + 2, NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
awk -v t="$(( $(process_ticks) - start_ticks ))" -v f="$frames" -v r="$ticks_per_ms" \
    'BEGIN { printf "service CPU per frame, batches 3-%d: %.0f ms\n", 2 + f / '"$N"', t / r / f }'
echo "per thread group (ms per frame):"
join -a 2 -e 0 -o 0,1.2,2.2 "$work/threads-before" "$work/threads-after" \
    | awk -v f="$frames" -v r="$ticks_per_ms" '{ ms = ($3 - $2) / r / f; if (ms >= 1) printf "  %-24s %4.0f\n", $1, ms }' | sort -k2 -rn
