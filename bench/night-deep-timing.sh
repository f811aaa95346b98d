#!/usr/bin/env bash
# The inbox's pipelines for a night and for a target, through the command-line worker: night_stack on 32 and
# 96 raw subs, each beside stack_subs on the same subs (the difference is the quality report and the post
# steps), full_dso on the 96-sub master alone (the post steps by themselves), then deep_stack over 2 and 5
# night masters. Wall time and peak RSS of each whole process (/usr/bin/time -v), one run each; then
# night_stack on 96 subs once more, with the time from the start to each stage its progress lines name.
#
#   flock /work/bench.lock bench/night-deep-timing.sh
#
# Sets (made into $WORK, never into the repository): 32 and 96 = the shared M 94 subs moved by even pixel
# shifts with fresh noise (make_subs.py shifted); nights 1 to 5 = 8 such subs each, of its own seed
# (independent noise), night k turned by 15 (k - 1) degrees and dated k - 1 days later, each stacked with
# night_stack into the masters deep_stack combines.
# Needs: /usr/bin/time, python3 with numpy, the built worker (mvn -q -pl processors,gpu-worker -am -DskipTests package).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
subs=${SHARED:-$repo/../shared}/data/seestar-subs
WORK=${WORK:-/tmp/fitsflow-night-bench}
worker="$repo/gpu-worker/bin/fitsflow-worker"
[ -f "$repo/gpu-worker/target/gpu-worker.jar" ] || { echo "build the worker first" >&2; exit 1; }
export FITSFLOW_WORKER_JAVA_OPTS=${FITSFLOW_WORKER_JAVA_OPTS:--Dfitsflow.gpu=false}
mkdir -p "$WORK"

# make_set NAME COUNT [make_subs.py options]: the subs in $WORK/NAME, made once
make_set() {
    local dir=$WORK/$1 count=$2
    shift 2
    [ -d "$dir" ] || python3 "$repo/bench/make_subs.py" shifted "$subs" 'Light_M_94*' "$count" "$dir" "$@"
}

# timed LABEL ARGS...: runs the worker's process command; prints a table row with wall seconds and peak MB
timed() {
    local label=$1 log=$WORK/$1.log
    shift
    /usr/bin/time -v "$worker" process "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
    awk -F': ' -v label="$label" '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
        /Maximum resident set size/ { mb = $2 / 1024 }
        END { printf "| %s | %.1f s | %.0f MB |\n", label, s, mb }' "$log"
}

# stages ARGS...: the worker's process command, its progress lines stamped; prints seconds from the start to the
# first line of each stage (stage names as the progress says them)
stages() {
    local start
    start=$(date +%s.%N)
    "$worker" process "$@" 2>&1 >/dev/null | while IFS= read -r line; do
        printf '%s %s\n' "$(date +%s.%N)" "$line"
    done | awk -v start="$start" '$2 ~ /%$/ { t = $1; $1 = ""; $2 = ""; sub(/^ +/, ""); if (!($0 in seen)) { seen[$0] = 1; printf "| %s | %.1f s |\n", $0, t - start } }'
}

echo "| run | wall | peak RSS |"
echo "|---|---|---|"
for count in 32 96; do
    make_set "subs$count" "$count"
    timed "stack_subs $count subs" "$WORK/subs$count"/*.fit --pipeline stack_subs --out "$WORK/out-stack$count"
    timed "night_stack $count subs" "$WORK/subs$count"/*.fit --pipeline night_stack --out "$WORK/out-night$count"
done
timed "full_dso on the 96-sub master" "$WORK/out-night96/subs96.night_stack.fits" --pipeline full_dso \
    --out "$WORK/out-post96"
masters=()
for night in 1 2 3 4 5; do
    make_set "night$night" 8 --seed $((100 + night)) --rotate $((15 * (night - 1))) --days $((night - 1))
    timed "night_stack 8 subs (night $night)" "$WORK/night$night"/*.fit --pipeline night_stack --out "$WORK/masters"
    mv "$WORK/masters/night$night.night_stack.fits" "$WORK/masters/night$night.fits"
    masters+=("$WORK/masters/night$night.fits")
done
timed "deep_stack 2 masters" "${masters[@]:0:2}" --pipeline deep_stack --out "$WORK/out-deep2"
timed "deep_stack 5 masters" "${masters[@]}" --pipeline deep_stack --out "$WORK/out-deep5"
fold -w 80 "$WORK/out-deep5/masters.deep_stack.fits" | head -400 | grep -a "^HISTORY night\|^HISTORY left" || true
echo
echo "| night_stack 96 subs: stage | from the start |"
echo "|---|---|"
stages "$WORK/subs96"/*.fit --pipeline night_stack --out "$WORK/out-stages96"
