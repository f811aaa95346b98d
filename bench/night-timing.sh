#!/usr/bin/env bash
# A night of raw subs through the packaged service, timed: N subs made by make_subs.py (M 94, even shifts, fresh
# noise) are dropped into a Seestar sub folder of an empty inbox; the night closes after a short quiet period.
# Reported per night: last sub in the inbox -> night closed (quiet period + intake), closed -> JPEG in the outbox
# (the stack job: report, stack, gradient, colour, SCNR, stretch, exports, delivery), and the whole.
# Then a second night of the same subs a day later (DATE-OBS moved by 24 h) and the deep stack's update:
# second night done -> "all nights" JPEG in the outbox.
#
#   flock /work/bench.lock bench/night-timing.sh [N ...]      (default: 32 96; run under the bench lock)
#
# Needs routes/target/fitsflow.jar (mvn -pl routes -am -DskipTests package). QUIET_MINUTES (default 0.05, 3 s),
# HEAP (default 3g) and PORT (default 9347) may be set.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
jar="$repo/routes/target/fitsflow.jar"
subs_src="${SHARED:-$repo/../shared}/data/seestar-subs"
quiet=${QUIET_MINUTES:-0.05}
port=${PORT:-9347}
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(32 96)
[ -f "$jar" ] || { echo "build the jar first: mvn -pl routes -am -DskipTests package" >&2; exit 1; }

now() { python3 -c 'import time; print(f"{time.time():.3f}")'; }
api() { curl -sf "http://127.0.0.1:$port$1"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)" 2>/dev/null || true; }
wait_for() { # wait_for DESCRIPTION COMMAND...: until the command succeeds (20 min at most)
  local what=$1; shift
  for _ in $(seq 1 12000); do "$@" && return 0; sleep 0.1; done
  echo "timed out waiting for $what" >&2; exit 1
}
night_state() { [ "$(api "/api/process/targets/m-94--ircut/nights/$1" | field "['state']")" = "$2" ]; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${counts[@]}"; do
  work=$(mktemp -d /tmp/night-timing-XXXX)
  python3 "$repo/bench/make_subs.py" shifted "$subs_src" 'Light_M_94_*' "$n" "$work/night1" >/dev/null
  mkdir -p "$work/night2"
  for f in "$work"/night1/*.fit; do # the same subs a day later: a second night of the target
    python3 - "$f" "$work/night2/$(basename "${f%.fit}")_n2.fit" <<'PY'
import datetime, sys
raw = bytearray(open(sys.argv[1], "rb").read())
at = raw.find(b"DATE-OBS= '")
value = raw[at + 11:at + 34].decode()
moved = (datetime.datetime.fromisoformat(value) + datetime.timedelta(days=1)).isoformat(timespec="milliseconds")
raw[at + 11:at + 34] = moved.encode()
open(sys.argv[2], "wb").write(raw)
PY
  done
  mkdir -p "$work/home/inbox/MyWorks/M 94_sub"
  (cd "$work/home" && exec java -Xmx${HEAP:-3g} -jar "$jar" --server.port=$port \
      --fitsflow.nights.quiet-minutes=$quiet --fitsflow.nights.check-interval=250ms \
      --fitsflow.inbox.stable-seconds=1 --fitsflow.inbox.poll-delay-ms=250 >"$work/service.log" 2>&1) &
  pid=$!
  wait_for "the service" api /actuator/health >/dev/null
  drop() { # drop NIGHT DATE: copy the night's subs in as a sync tool does; time the last one and the night's stages
    local dir=$1 date=$2 sub stem
    for sub in "$work/$dir"/*.fit; do
      cp "$sub" "$work/home/inbox/MyWorks/M 94_sub/.$(basename "$sub").tmp"
      mv "$work/home/inbox/MyWorks/M 94_sub/.$(basename "$sub").tmp" "$work/home/inbox/MyWorks/M 94_sub/$(basename "$sub")"
    done
    t_last=$(now)
    wait_for "night $date closed" night_state "$date" stacking; t_closed=$(now)
    stem="M 94 $date ${n}x10s"
    wait_for "$stem.jpg" test -f "$work/home/outbox/M 94/$stem.jpg"; t_jpg=$(now)
    wait_for "night $date done" night_state "$date" done
    printf '%3d subs, night %s: last sub -> closed %6.1f s, closed -> JPEG %6.1f s, last sub -> JPEG %6.1f s (quiet %s min)\n' \
      "$n" "$date" "$(echo "$t_closed - $t_last" | bc)" "$(echo "$t_jpg - $t_closed" | bc)" "$(echo "$t_jpg - $t_last" | bc)" "$quiet"
  }
  drop night1 2025-03-26
  drop night2 2025-03-27
  t_done=$(now)
  deep_ended() { api /api/process/targets/m-94--ircut | field "['deep_stack']['state']" | grep -qE 'done|failed'; }
  wait_for "the deep stack" deep_ended; t_deep=$(now)
  if [ -f "$work/home/outbox/M 94/M 94 all nights.jpg" ]; then
    printf '%3d subs: second night done -> "all nights" JPEG %6.1f s\n' "$n" "$(echo "$t_deep - $t_done" | bc)"
  else
    echo "deep stack failed: $(api /api/process/targets/m-94--ircut | field "['deep_stack']['error']")"
  fi
  kill "$pid"; wait "$pid" || true
  rm -rf "$work"
done
echo "machine after: load $(cut -d' ' -f1-3 /proc/loadavg)"
