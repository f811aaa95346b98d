#!/usr/bin/env bash
# Stacking, FitsFlow against Siril, on the same raw subs and cores, in one run: wall time and peak RSS of the
# whole process (/usr/bin/time -v), then the masters' quality by one measure for both (stack_quality.py):
# sky noise relative to sky level (one sub against the master), median FWHM, and the background step where
# coverage changes (multi-night set). A FitsFlow master sharper than Siril's also gets its noise reduction at
# Siril's FWHM (noise_reduction_at_fwhm): the same resolution, so that sharpness is not counted as noise.
#
#   flock /work/bench.lock bench/stack-vs-siril.sh           # sets: m94 nights 32 96 (default)
#   SETS="m94 32" RUNS=3 bench/stack-vs-siril.sh
#   BASELINE=/path/to/other/checkout bench/stack-vs-siril.sh   # also that build's worker (ff-base), same run
#   BILINEAR=1 bench/stack-vs-siril.sh   # also stack_subs with debayer: bilinear (ff-bilin), same run
#   SERVICE=0 bench/stack-vs-siril.sh    # without the warm service (ff-warm)
#
# Sets (made into $WORK, never into the repository): m94 = the 4 shared M 94 subs; nights = 8 subs over
# three nights, two of them rotated by 70 and 35 degrees with other sky levels (make_subs.py nights);
# 32 and 96 = the M 94 subs moved by even pixel shifts with fresh noise (make_subs.py shifted).
# Siril 1.0.6 (apt-get install siril): convert with debayer, register, stack with winsorized rejection,
# additive-with-scale normalisation and noise weights; setfindstar 0.3 0.5 so that every sub registers.
# No -output_norm: it rescales the master to its own min and max, which leaves the noise relative to the
# sky level nowhere near either tool's; without it Siril's master stays in the reference's levels, as
# FitsFlow's does. FitsFlow: the command line worker with the shipped stack_subs (cropped master); for the
# nights set also with framing: keep, whose coverage map gives the step.
# ff-warm is the same stack_subs job in the running service (routes/target/fitsflow.jar started once on its
# embedded defaults, in a folder of its own): the set uploaded as a session of lights, then processed
# SERVICE_WARMUP times (default 2) untimed and once per run timed, from POST .../process to the job seen
# complete (polled every 50 ms by one process, bench/service_job.py). A service stacks every night after its
# first in a JVM whose JIT compilers have already compiled the stacker, which a one-job process (the worker, a
# container) never has. Its MB is the service's peak resident memory since it started (G1 sizes its heap up to
# a quarter of the machine's memory), its cpu_s the service's CPU during the job.
# Needs: siril-cli, /usr/bin/time, python3 with numpy and scipy, curl, the built worker and service
# (mvn -q -DskipTests install).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$repo/../shared}
subs=$shared/data/seestar-subs
WORK=${WORK:-/tmp/fitsflow-stack-bench}
SETS=${SETS:-"m94 nights 32 96"}
RUNS=${RUNS:-1}
python=${PYTHON:-python3}
SERVICE=${SERVICE:-1}
SERVICE_WARMUP=${SERVICE_WARMUP:-2}
PORT=${PORT:-9348}
for tool in siril-cli /usr/bin/time "$python" curl; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
"$python" -c 'import numpy, scipy' || { echo "missing: numpy and scipy for $python" >&2; exit 1; }
worker="$repo/gpu-worker/bin/fitsflow-worker"
for jar in gpu-worker/target/gpu-worker.jar routes/target/fitsflow.jar; do
    [ -f "$repo/$jar" ] || { echo "build first: mvn -q -DskipTests install" >&2; exit 1; }
done
mkdir -p "$WORK"

make_set() {
    local name=$1 dir=$WORK/subs-$1
    [ -d "$dir" ] && return
    case $name in
        m94) mkdir -p "$dir" && cp "$subs"/Light_M_94_*.fit "$dir"/ ;;
        nights) "$python" "$repo/bench/make_subs.py" nights "$subs" 'Light_M_94*' "$dir" ;;
        *) "$python" "$repo/bench/make_subs.py" shifted "$subs" 'Light_M_94*' "$name" "$dir" ;;
    esac
}

# Runs a command under /usr/bin/time -v; prints "seconds peak_MB cpu_seconds".
timed() {
    local log=$1
    shift
    /usr/bin/time -v "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
                /Maximum resident set size/ { mb = $2 / 1024 }
                /User time|System time/ { cpu += $2 }
                END { printf "%.2f %.0f %.1f\n", s, mb, cpu }' "$log"
}

siril() {
    local set=$1 run=$WORK/siril-$1
    rm -rf "$run" && mkdir -p "$run/lights"
    ln -s "$WORK/subs-$set"/*.fit "$run/lights/"
    cat >"$run/stack.ssf" <<'EOF'
requires 1.0.0
setext fit
setfindstar 0.3 0.5
cd lights
convert light -debayer -out=../process
cd ../process
register light_
stack r_light_ rej w 3 3 -norm=addscale -weighted -out=../master
close
EOF
    (cd "$run" && timed "$run/siril.log" siril-cli -s stack.ssf)
    grep -q "Stacking will use registration data" "$run/siril.log" || true
}

fitsflow() {
    local set=$1 pipelines=$2 pipeline=$3 run=$WORK/fitsflow-$1-$3${4:+-base}
    rm -rf "$run" && mkdir -p "$run"
    FITSFLOW_WORKER_JAR=${4:-$repo/gpu-worker/target/gpu-worker.jar} timed "$run/fitsflow.log" "$worker" process "$WORK/subs-$set"/*.fit --pipeline "$pipeline" --out "$run" \
        --pipelines-dir "$pipelines"
}

api=http://127.0.0.1:$PORT/api/process
json() { "$python" -c "import json, sys; print(json.load(sys.stdin)$1)"; }
service_pid=
service_start() {
    local home=$WORK/service
    rm -rf "$home" && mkdir -p "$home"
    (cd "$home" && exec java -jar "$repo/routes/target/fitsflow.jar" --server.port="$PORT" >"$home/service.log" 2>&1) &
    service_pid=$!
    for _ in $(seq 600); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && return; sleep 0.1; done
    echo "the service did not start: $home/service.log" >&2
    exit 1
}
trap '[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null; true' EXIT
# A session of the set's subs as lights, in the service; prints its id.
service_session() {
    local set=$1 id f
    id=$(curl -sf -H 'Content-Type: application/json' -d "{\"session_name\": \"subs-$set\"}" "$api/sessions" | json "['id']")
    for f in "$WORK/subs-$set"/*.fit; do
        curl -sf -F "file=@$f" -F file_type=light "$api/sessions/$id/upload" >/dev/null
    done
    curl -sf -X POST "$api/sessions/$id/finalize" >/dev/null
    echo "$id"
}
service_cpu() { awk '{ print $14 + $15 }' "/proc/$service_pid/stat"; }
# One stack_subs job of the session, timed (service_job.py); prints "seconds peak_MB cpu_seconds".
service_stack() {
    local c0 c1 seconds
    c0=$(service_cpu)
    seconds=$("$python" "$repo/bench/service_job.py" "$api" "$1" stack_subs "$2")
    c1=$(service_cpu)
    awk -v s="$seconds" -v c0="$c0" -v c1="$c1" -v tck="$(getconf CLK_TCK)" \
        '/VmHWM/ { printf "%.2f %.0f %.1f\n", s, $2 / 1024, (c1 - c0) / tck }' "/proc/$service_pid/status"
}
[ "$SERVICE" = 1 ] && service_start

keep_pipelines=$WORK/pipelines
mkdir -p "$keep_pipelines"
builtin=$repo/processors/src/main/resources/org/fitsflow/processors/pipeline/builtin
sed -e 's/^name: stack_subs/name: stack_keep/' -e 's/framing: crop /framing: keep /' \
    "$builtin/stack_subs.yaml" >"$keep_pipelines/stack_keep.yaml"
sed -e 's/^name: stack_subs/name: stack_bilinear/' -e 's/debayer: rcd /debayer: bilinear /' \
    "$builtin/stack_subs.yaml" >"$keep_pipelines/stack_bilinear.yaml"

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -n), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(siril-cli --version 2>/dev/null | head -1), commit $(git -C "$repo" rev-parse --short HEAD)"
printf '%-7s %-9s %8s %8s %8s %5s  %s\n' set tool seconds peak_MB cpu_s load quality
load() { cut -d' ' -f1 /proc/loadavg; }
for set in $SETS; do
    make_set "$set"
    files=("$WORK/subs-$set"/*.fit)
    first=${files[0]}
    session=
    if [ "$SERVICE" = 1 ] && [ "$set" != nights ]; then
        session=$(service_session "$set")
        for ((w = 1; w <= SERVICE_WARMUP; w++)); do
            service_stack "$session" "$WORK/warm-$set.fits" >/dev/null
        done
    fi
    for ((r = 1; r <= RUNS; r++)); do
        l=$(load)
        read -r s mb cpu < <(siril "$set")
        sq=$("$python" "$repo/bench/stack_quality.py" "$WORK/siril-$set/master.fit" "$first" \
            $([ "$set" = nights ] && echo --nights-reference-angle 0))
        printf '%-7s %-9s %8s %8s %8s %5s  %s\n' "$set" siril "$s" "$mb" "$cpu" "$l" "$sq"
        match=(--match-fwhm "$(echo "$sq" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["fwhm_px"])')")
        l=$(load)
        read -r s mb cpu < <(fitsflow "$set" "$keep_pipelines" stack_subs)
        fq=$("$python" "$repo/bench/stack_quality.py" "$WORK/fitsflow-$set-stack_subs/subs-$set.stack_subs.fits" "$first" "${match[@]}")
        printf '%-7s %-9s %8s %8s %8s %5s  %s\n' "$set" fitsflow "$s" "$mb" "$cpu" "$l" "$fq"
        if [ -n "${BASELINE:-}" ]; then
            l=$(load)
            read -r s mb cpu < <(fitsflow "$set" "$keep_pipelines" stack_subs "$BASELINE/gpu-worker/target/gpu-worker.jar")
            bq=$("$python" "$repo/bench/stack_quality.py" "$WORK/fitsflow-$set-stack_subs-base/subs-$set.stack_subs.fits" "$first" "${match[@]}")
            printf '%-7s %-9s %8s %8s %8s %5s  %s\n' "$set" ff-base "$s" "$mb" "$cpu" "$l" "$bq"
        fi
        if [ -n "${BILINEAR:-}" ]; then
            l=$(load)
            read -r s mb cpu < <(fitsflow "$set" "$keep_pipelines" stack_bilinear)
            lq=$("$python" "$repo/bench/stack_quality.py" "$WORK/fitsflow-$set-stack_bilinear/subs-$set.stack_bilinear.fits" "$first" "${match[@]}")
            printf '%-7s %-9s %8s %8s %8s %5s  %s
' "$set" ff-bilin "$s" "$mb" "$cpu" "$l" "$lq"
        fi
        if [ -n "$session" ]; then
            l=$(load)
            read -r s mb cpu < <(service_stack "$session" "$WORK/warm-$set.fits")
            wq=$("$python" "$repo/bench/stack_quality.py" "$WORK/warm-$set.fits" "$first" "${match[@]}")
            printf '%-7s %-9s %8s %8s %8s %5s  %s\n' "$set" ff-warm "$s" "$mb" "$cpu" "$l" "$wq"
        fi
        if [ "$set" = nights ]; then
            l=$(load)
            read -r s mb cpu < <(fitsflow "$set" "$keep_pipelines" stack_keep)
            out=$WORK/fitsflow-$set-stack_keep
            kq=$("$python" "$repo/bench/stack_quality.py" "$out/subs-$set.stack_keep.fits" "$first" \
                --coverage "$out/subs-$set.stack_keep.coverage.fits")
            printf '%-7s %-9s %8s %8s %8s %5s  %s\n' "$set" ff-keep "$s" "$mb" "$cpu" "$l" "$kq"
        fi
    done
done
