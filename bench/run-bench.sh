#!/usr/bin/env bash
# FitsFlow against its peers, in one run on this machine (see bench/README.md):
#  (a) the service's inbox on a batch of N Seestar frames, first drop to last JPEG in the outbox (files
#      copied into the inbox, and files renamed into place there);
#  (b) one frame through the REST API on the warm service, upload to JPEG available and session creation
#      to JPEG downloaded (the frame sent as the request body, and once more as a multipart form);
#  (c) the same job by Siril (siril-cli: load, stat, mtf, savejpg) and by astropy/numpy, one file alone,
#      the batch one at a time and two at a time;
#  (d) peak memory of the 6248 x 4176 x 3 float32 frame through the command line worker, run by its
#      launcher gpu-worker/bin/fitsflow-worker with the container's JVM settings.
# It installs nothing: it checks for its tools and says what is missing.
#
#   bench/run-bench.sh            N=16 RUNS=11 BATCH_RUNS=3 LARGE_RUNS=3 by default
#
# Environment: N (batch size), RUNS (repeats of single-file timings, median reported), LARGE_RUNS,
# BATCH_RUNS (repeats of each batch, median reported), PREWARM (REST runs on a 512 x 512 crop of the frame
# before all others, 1500), REST_WARMUP (REST runs on the frame before the timed ones, 60),
# BATCH_WARMUP (untimed inbox batches before the timed ones, 1; the timed ones run copied in, then renamed in),
# STABLE_SECONDS and POLL_MS (inbox settings, 1 s and 100 ms; the service's defaults are 5 s and 2 s),
# FITSFLOW_SHARED (test data, default ../shared), SERVICE_ARGS (extra service arguments), KEEP=1 keeps
# the work folder with logs.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench="$repo/bench"
N=${N:-16}
RUNS=${RUNS:-11}
LARGE_RUNS=${LARGE_RUNS:-3}
BATCH_RUNS=${BATCH_RUNS:-3}
# A warm service has processed many files, and its hot paths are compiled. On 2 cores the JIT compilers
# took 130 ms of CPU per REST job after 30 jobs, about 30 ms after 100 to 700 and under 10 ms only after
# some 1,800 (the request path through Spring, Camel and the database is long and each method reaches the
# optimising compiler's thresholds late). So the warm-up runs first on a 512 x 512 crop of the frame, large
# enough for the frame's parallel code paths (the JPEG in strips, loops split over the cores) at an eighth
# of the cost, then on the frame itself: after 1,500 + 40 such runs the compilers took 0 to 11 ms per run.
PREWARM=${PREWARM:-1500}
REST_WARMUP=${REST_WARMUP:-60}
# the inbox's own path (scan, intake, outbox) is not warmed by the REST jobs
BATCH_WARMUP=${BATCH_WARMUP:-1}
# the inbox takes a whole FITS file at the next scan, any other file once unchanged this long (default 5 s); scanned this often
STABLE_SECONDS=${STABLE_SECONDS:-1}
POLL_MS=${POLL_MS:-100}
SHARED=${FITSFLOW_SHARED:-$repo/../shared}
PY=/usr/bin/python3   # Debian's python3-astropy and python3-numpy live there, not in a pyenv python
FRAME="$SHARED/data/frames/seestar-rgb-ngc7023.fit"
SERVICE_JAR="$repo/routes/target/fitsflow.jar"
WORKER_JAR="$repo/gpu-worker/target/gpu-worker.jar"
WORKER="$repo/gpu-worker/bin/fitsflow-worker"   # the launcher: the jar with the container's JVM settings
FLOAT32_MB=313.1   # 6248 * 4176 * 3 * 4 bytes

missing=()
command -v java >/dev/null || missing+=("java (Java 17)")
command -v siril-cli >/dev/null || missing+=("siril-cli (apt-get install siril)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install time)")
"$PY" -c 'import astropy, numpy' 2>/dev/null || missing+=("astropy and numpy for $PY (apt-get install python3-astropy python3-numpy)")
[ -f "$FRAME" ] || missing+=("the test frame $FRAME (set FITSFLOW_SHARED)")
[ -f "$SERVICE_JAR" ] && [ -f "$WORKER_JAR" ] || missing+=("the jars: run 'mvn -q -DskipTests install' in $repo")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'missing: %s\n' "${missing[@]}" >&2
    exit 2
fi
"$PY" -c 'import PIL' 2>/dev/null && py_output=JPEG || py_output="PNG (no Pillow: apt-get install python3-pil)"

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)   # other work on the machine skews timings, so the table reports it
work=$(mktemp -d /tmp/fitsflow-bench.XXXXXX)
service_pid=""
cleanup() {
    if [ -n "$service_pid" ]; then
        kill "$service_pid" 2>/dev/null || true
        wait "$service_pid" 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---------------------------------------------------------------- inputs (not timed)
mkdir -p "$work/frames" "$work/batch" "$work/out" "$work/siril"
cp "$FRAME" "$work/frames/seestar.fit"
"$PY" "$bench/crop_frame.py" "$work/frames/seestar.fit" "$work/frames/crop.fit"
log "writing the 6248 x 4176 x 3 float32 frame"
"$PY" "$bench/make_large_frame.py" "$work/frames/large.fits"
for i in $(seq -w 1 "$N"); do cp "$FRAME" "$work/batch/frame_$i.fit"; done
# Siril's mtf takes the STF parameters; computed here once (linked: Siril's mtf applies one curve to all channels)
read -r seestar_c0 seestar_m < <("$PY" "$bench/stf_astropy.py" --linked-params "$work/frames/seestar.fit")
read -r large_c0 large_m < <("$PY" "$bench/stf_astropy.py" --linked-params "$work/frames/large.fits")

siril_script() { # frame c0 m output-stem -> script path
    local script="$work/siril/$(basename "$4").ssf"
    printf 'requires 1.0.0\nload %s\nstat\nmtf %s %s 1.0\nsavejpg %s 95\n' "$1" "$2" "$3" "$4" > "$script"
    echo "$script"
}
siril_run() { # script
    siril-cli -d "$work/siril" -s "$1" > "$1.log" 2>&1 || { echo "siril failed on $1:" >&2; tail -5 "$1.log" >&2; return 1; }
}
astropy_run() { # frame output-stem
    "$PY" "$bench/stf_astropy.py" "$1" "$2"
}
export -f siril_run astropy_run
export work PY bench

# ---------------------------------------------------------------- (c) peers, single file
log "Siril and astropy on one Seestar frame, $RUNS runs each"
script=$(siril_script "$work/frames/seestar.fit" "$seestar_c0" "$seestar_m" "$work/out/seestar.siril")
siril_single=$(for r in $(seq "$RUNS"); do t=$(now); siril_run "$script"; since "$t"; echo; done | median)
# what starting siril-cli costs by itself: the peers pay a process start per file, the warm service does not
printf 'requires 1.0.0\n' > "$work/siril/startup.ssf"
siril_startup=$(for r in $(seq "$RUNS"); do t=$(now); siril_run "$work/siril/startup.ssf"; since "$t"; echo; done | median)
astropy_single=$(for r in $(seq "$RUNS"); do t=$(now); astropy_run "$work/frames/seestar.fit" "$work/out/seestar.astropy"; since "$t"; echo; done | median)
[ -s "$work/out/seestar.siril.jpg" ] || { echo "Siril wrote no JPEG" >&2; exit 1; }

log "Siril and astropy on the large frame, $LARGE_RUNS runs each"
script=$(siril_script "$work/frames/large.fits" "$large_c0" "$large_m" "$work/out/large.siril")
siril_large=$(for r in $(seq "$LARGE_RUNS"); do t=$(now); siril_run "$script"; since "$t"; echo; done | median)
astropy_large=$(for r in $(seq "$LARGE_RUNS"); do t=$(now); astropy_run "$work/frames/large.fits" "$work/out/large.astropy"; since "$t"; echo; done | median)

# ---------------------------------------------------------------- (c) peers, batch
log "Siril and astropy on the batch of $N, one and two at a time, $BATCH_RUNS times each"
for f in "$work"/batch/*.fit; do siril_script "$f" "$seestar_c0" "$seestar_m" "$work/out/$(basename "$f" .fit).siril" > /dev/null; done
batch_median() { # command... -> median seconds of BATCH_RUNS runs
    for r in $(seq "$BATCH_RUNS"); do t=$(now); "$@"; since "$t"; echo; done | median
}
siril_one_at_a_time() { for s in "$work"/siril/frame_*.ssf; do siril_run "$s"; done; }
siril_two_at_a_time() { ls "$work"/siril/frame_*.ssf | xargs -P 2 -n 1 bash -c 'siril_run "$0"'; }
astropy_one_at_a_time() { for f in "$work"/batch/*.fit; do astropy_run "$f" "$work/out/$(basename "$f" .fit).astropy"; done; }
astropy_two_at_a_time() { ls "$work"/batch/*.fit | xargs -P 2 -n 1 bash -c 'astropy_run "$0" "$work/out/$(basename "$0" .fit).astropy2"'; }
siril_batch1=$(batch_median siril_one_at_a_time)
siril_batch2=$(batch_median siril_two_at_a_time)
astropy_batch1=$(batch_median astropy_one_at_a_time)
astropy_batch2=$(batch_median astropy_two_at_a_time)

# ---------------------------------------------------------------- (a) and (b) the service
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/service/inbox" "$work/service/outbox" "$work/service/data"
ln -s "$repo/config" "$work/service/config"   # Spring Boot reads ./config/; inbox, outbox and data stay in the temp folder
log "starting the service on port $port"
(cd "$work/service" && exec java -jar "$SERVICE_JAR" --server.port="$port" \
    --fitsflow.inbox.dir="$work/service/inbox" --fitsflow.outbox.dir="$work/service/outbox" \
    --fitsflow.data-dir="$work/service/data" --fitsflow.inbox.stable-seconds="$STABLE_SECONDS" \
    --fitsflow.inbox.poll-delay-ms="$POLL_MS" ${SERVICE_ARGS:-} > "$work/service/service.log" 2>&1) &
service_pid=$!
base="http://127.0.0.1:$port"
deadline=$((SECONDS + 120))
until curl -fs "$base/api/process/pipelines" > /dev/null; do
    if [ $SECONDS -gt $deadline ] || ! kill -0 "$service_pid" 2>/dev/null; then
        echo "the service did not come up; its log:" >&2; tail -30 "$work/service/service.log" >&2; exit 1
    fi
    sleep 0.2
done

jit_ticks() { # CPU ticks the service's JIT compiler threads have used so far
    for task in /proc/"$service_pid"/task/*; do
        case "$(cat "$task/comm" 2>/dev/null)" in
            C1\ CompilerThre*|C2\ CompilerThre*) awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null ;;
        esac
    done | awk '{ s += $1 } END { print s + 0 }'
}
rest() { # frame warm-up-runs timed-runs [--multipart] -> "upload-to-available whole" medians (nothing for 0 runs)
    "$PY" "$bench/rest_latency.py" "$base" "$1" --warmup "$2" --runs "$3" ${4:-}
}
log "REST latency, one Seestar frame: $PREWARM warm-up runs on a 512 x 512 crop, $REST_WARMUP on the frame, then $RUNS"
rest "$work/frames/crop.fit" "$PREWARM" 0
rest "$work/frames/seestar.fit" "$REST_WARMUP" 0
service_ticks() { awk '{ print $14 + $15 }' "/proc/$service_pid/stat"; }
ms_per_run() { # ticks [runs, default RUNS] -> ms per run
    awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="${2:-$RUNS}" 'BEGIN { printf "%.0f", t * 1000 / hz / n }'
}
jit_at_start=$(jit_ticks)
service_at_start=$(service_ticks)
timed=$(rest "$work/frames/seestar.fit" 0 "$RUNS")
read -r rest_available rest_single <<< "$timed"
jit_ms_per_run=$(ms_per_run "$(( $(jit_ticks) - jit_at_start ))")
service_ms_per_run=$(ms_per_run "$(( $(service_ticks) - service_at_start ))")
timed=$(rest "$work/frames/seestar.fit" "$REST_WARMUP" "$RUNS" --multipart)
read -r rest_multipart_available rest_multipart <<< "$timed"
inbox_batch() { # copy|rename run-id -> seconds
    "$PY" "$bench/inbox_batch.py" "$work/service/inbox" "$work/service/outbox" "$FRAME" "$N" --deliver "$1" --run "$1-$2"
}
# copied in: each file written into the inbox under its final name (a copy tool, an SMB client); renamed
# into place: written under a hidden name beforehand and renamed in the timed part (a sync tool finishing
# a download), so that, as for Siril's batch, the files are on disk before the clock starts
log "inbox batch of $N Seestar frames, copied in and renamed into place: $BATCH_WARMUP warm-up batch(es) then $BATCH_RUNS times each"
for r in $(seq "$BATCH_WARMUP"); do
    echo "inbox warm-up batch $r: $(inbox_batch copy "warmup-$r") s" >&2
done
batches() { # copy|rename -> median seconds
    for r in $(seq "$BATCH_RUNS"); do
        t=$(inbox_batch "$1" "$r")
        echo "inbox batch $r, $1: $t s" >&2   # not tee /dev/stderr: that reopens a log file and cuts it short
        echo "$t"
    done | median
}
service_at_start=$(service_ticks)
jit_at_start=$(jit_ticks)
service_batch=$(batches copy)
service_batch_renamed=$(batches rename)
service_ms_per_batch=$(ms_per_run "$(( $(service_ticks) - service_at_start ))" $((2 * BATCH_RUNS)))
jit_ms_per_batch=$(ms_per_run "$(( $(jit_ticks) - jit_at_start ))" $((2 * BATCH_RUNS)))
gpu_line=$(grep -m1 -o "compute backend: .*" "$work/service/service.log" || echo "(the service log names no compute backend)")
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""

# ---------------------------------------------------------------- (d) the large frame through the command line worker
log "large frame through the command line worker (bin/fitsflow-worker, the container's JVM settings), $LARGE_RUNS runs"
worker() { # log-file extra-JVM-options worker-arguments...: the launcher, from the repository root
    local log=$1 options=$2
    shift 2
    (cd "$repo" && FITSFLOW_WORKER_JAR="$WORKER_JAR" FITSFLOW_WORKER_JAVA_OPTS="$options" "$@" > "$log" 2>&1)
}
cli_times=()
for r in $(seq "$LARGE_RUNS"); do
    t=$(now)
    # the launcher execs the JVM, so /usr/bin/time measures the JVM's own process
    worker "$work/cli-$r.log" "-Xlog:gc*:file=$work/cli-gc-$r.log" /usr/bin/time -v -o "$work/cli-time-$r.txt" "$WORKER" \
        process "$work/frames/large.fits" --pipeline quick_dso --out "$work/out/cli-$r" \
        || { echo "the worker failed on the large frame:" >&2; tail -20 "$work/cli-$r.log" >&2; exit 1; }
    cli_times+=("$(since "$t")")
done
cli_large=$(printf '%s\n' "${cli_times[@]}" | median)
rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/cli-time-1.txt")
# the heap in use just before each collection, and at exit (the sum of the generations' or G1's "used"):
# its largest value is the heap's peak
heap_mb=$(awk '/\[gc *\] GC\([0-9]+\) Pause/ { if (match($0, /[0-9]+M->/)) { v = substr($0, RSTART, RLENGTH - 3) + 0; if (v > max) max = v } }
               /gc,heap,exit/ && /total [0-9]+K, used [0-9]+K/ { if (match($0, /used [0-9]+K/)) at_exit += substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
               END { if (at_exit > max) max = at_exit; printf "%.0f", max }' "$work/cli-gc-1.log")
xmx_mb=$(awk -v f="$FLOAT32_MB" 'BEGIN { printf "%d", f * 1.5 }')
if worker "$work/cli-capped.log" "-Xmx${xmx_mb}m" "$WORKER" process "$work/frames/large.fits" --pipeline quick_dso \
        --out "$work/out/cli-capped"; then
    capped="yes"
else
    capped="no ($(grep -m1 -oE 'OutOfMemoryError[^\n]{0,80}|error[^\n]{0,80}' "$work/cli-capped.log" || echo 'see log'))"
fi

# ---------------------------------------------------------------- the table
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == "<=") ? v <= t : v >= t; printf "%s (target %s %s)", ok ? "MET" : "MISSED", op, t }'; }
echo
echo "FitsFlow bench on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average at start $load_at_start, at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "N=$N, medians of $RUNS runs (large frame: $LARGE_RUNS, batches: $BATCH_RUNS); inbox: stable-seconds $STABLE_SECONDS, poll every $POLL_MS ms (included in the batch time)"
echo "Seestar frame: 1920 x 1080 x 3 uint16; large frame: 6248 x 4176 x 3 float32; astropy writes $py_output"
printf '%-44s %10s %14s\n' "job" "seconds" "vs Siril"
printf '%-44s %10s %14s\n' "one Seestar frame: Siril stat+mtf+savejpg" "$siril_single" "1.00"
printf '%-44s %10s %14s\n' "Siril start-up alone (empty script)" "$siril_startup" "$(ratio "$siril_startup" "$siril_single")"
printf '%-44s %10s %14s\n' "one Seestar frame: astropy/numpy" "$astropy_single" "$(ratio "$astropy_single" "$siril_single")"
printf '%-44s %10s %14s\n' "one Seestar frame: FitsFlow REST (warm)" "$rest_available" "$(ratio "$rest_available" "$siril_single")"
printf '%-44s %10s %14s\n' "  the same, session creation to download" "$rest_single" "$(ratio "$rest_single" "$siril_single")"
printf '%-44s %10s %14s\n' "one Seestar frame: FitsFlow REST, multipart" "$rest_multipart_available" "$(ratio "$rest_multipart_available" "$siril_single")"
printf '%-44s %10s %14s\n' "  the same, session creation to download" "$rest_multipart" "$(ratio "$rest_multipart" "$siril_single")"
printf '%-44s %10s %14s\n' "large frame: Siril" "$siril_large" "1.00"
printf '%-44s %10s %14s\n' "large frame: astropy/numpy" "$astropy_large" "$(ratio "$astropy_large" "$siril_large")"
printf '%-44s %10s %14s\n' "large frame: FitsFlow CLI (JVM start incl.)" "$cli_large" "$(ratio "$cli_large" "$siril_large")"
printf '%-44s %10s %14s\n' "batch of $N: Siril one at a time" "$siril_batch1" "$(ratio "$siril_batch1" "$siril_batch2")"
printf '%-44s %10s %14s\n' "batch of $N: Siril two at a time" "$siril_batch2" "1.00"
printf '%-44s %10s %14s\n' "batch of $N: astropy one at a time" "$astropy_batch1" "$(ratio "$astropy_batch1" "$siril_batch2")"
printf '%-44s %10s %14s\n' "batch of $N: astropy two at a time" "$astropy_batch2" "$(ratio "$astropy_batch2" "$siril_batch2")"
printf '%-44s %10s %14s\n' "batch of $N: FitsFlow inbox, copied in" "$service_batch" "$(ratio "$service_batch" "$siril_batch2")"
printf '%-44s %10s %14s\n' "batch of $N: FitsFlow inbox, renamed in" "$service_batch_renamed" "$(ratio "$service_batch_renamed" "$siril_batch2")"
echo
siril_job=$(awk -v a="$siril_single" -v b="$siril_startup" 'BEGIN { printf "%.3f", a - b }')
echo "single-file latency (upload to JPEG available), FitsFlow / Siril: $(ratio "$rest_available" "$siril_single") $(verdict "$(ratio "$rest_available" "$siril_single")" "<=" 0.33)"
echo "  (session creation to JPEG downloaded: $(ratio "$rest_single" "$siril_single"); Siril's job without its start-up: ${siril_job} s, FitsFlow / that: $(ratio "$rest_available" "$siril_job"))"
echo "  CPU of the service per timed REST run: ${service_ms_per_run} ms, of which its JIT compilers ${jit_ms_per_run} ms"
echo "batch throughput, FitsFlow / Siril two at a time: files copied in $(ratio "$siril_batch2" "$service_batch")x $(verdict "$(ratio "$siril_batch2" "$service_batch")" ">=" 3)"
echo "  files renamed into place $(ratio "$siril_batch2" "$service_batch_renamed")x $(verdict "$(ratio "$siril_batch2" "$service_batch_renamed")" ">=" 3)"
echo "  CPU of the service per timed batch: ${service_ms_per_batch} ms, of which its JIT compilers ${jit_ms_per_batch} ms"
echo "large frame peak memory: max RSS ${rss_mb} MB = $(ratio "$rss_mb" "$FLOAT32_MB") x float32 $(verdict "$(ratio "$rss_mb" "$FLOAT32_MB")" "<=" 1.5);" \
     "JVM heap in use at its highest (garbage included) ${heap_mb} MB = $(ratio "$heap_mb" "$FLOAT32_MB") x; runs in a ${xmx_mb} MB heap (-Xmx, 1.5 x float32): $capped"
echo "service GPU: $gpu_line"
