#!/usr/bin/env bash
# Processors benchmarks: JMH timings of the quick_dso preset (read + STF stretch + JPEG 95) on the
# Seestar frame and on a generated 6248 x 4176 x 3 float32 frame, with baselines measured in the same
# run; CPU time per frame of the same work; then the smallest -Xmx that runs quick_dso on each frame
# and its peak heap.
#
#   bench/processors-bench.sh                 # everything (about 10 minutes on 2 cores)
#   bench/processors-bench.sh -f 1 -wi 2 -i 3 # extra arguments go to JMH
#
# FITSFLOW_SHARED points at the shared test data (default: ../shared beside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${FITSFLOW_SHARED:-$(cd .. && pwd)/shared}
JAR=bench/jmh/target/benchmarks.jar

mvn -q -Pbench -pl bench/jmh -am package -DskipTests

# Other work on the machine skews timings, so the report names the load.
echo "== JMH: ms per frame (cores: $(nproc), load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
java -jar "$JAR" QuickDsoBenchmark -jvmArgsAppend "-Xmx3g -Dfitsflow.shared=$SHARED" "$@"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
java -cp "$JAR" org.fitsflow.bench.LargeFrame "$TMP/large.fits"

echo "== CPU time per frame (all threads; hardly affected by other load: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "-- seestar"
java -Xmx1g -cp "$JAR" org.fitsflow.bench.CpuCost "$SHARED/data/frames/seestar-rgb-ngc7023.fit"
echo "-- large"
java -Xmx2g -cp "$JAR" org.fitsflow.bench.CpuCost "$TMP/large.fits"

echo "== Smallest -Xmx (MB) that runs quick_dso, and the peak heap it used"
probe() {
    local file=$1; shift
    for mb in "$@"; do
        if java -Xmx${mb}m -cp "$JAR" org.fitsflow.bench.HeapProbe "$file"; then
            return 0
        fi
    done
    echo "no tried -Xmx was enough"
}
echo "-- seestar 1080 x 1920 x 3 (float32 planes: 24 MB)"
probe "$SHARED/data/frames/seestar-rgb-ngc7023.fit" 48 64 80 96 128 160 192 256 384 512
echo "-- large 6248 x 4176 x 3 (float32 planes: 299 MB)"
probe "$TMP/large.fits" 384 448 512 576 640 704 768 896 940 1024 1280 1536 2048
