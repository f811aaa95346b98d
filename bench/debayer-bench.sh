#!/usr/bin/env bash
# The debayer of raw subs against its peers, on the shared Seestar subs:
#   1. star widths: FitsFlow's RCD, Siril's RCD (siril-cli convert -debayer) and the bilinear debayer on the
#      same stars of each sub given (default: the first NGC 7023 10 s sub), median FWHM per plane;
#   2. JMH, ms per 1080 x 1920 sub on this machine's cores: RCD with its bilinear baseline in the same run, the
#      hot-photosite filter, and drizzling one sub's three planes onto a 2x grid;
#   3. the same work's CPU time (all threads), which other work on the machine hardly changes.
#
#   bench/debayer-bench.sh                          # about 3 minutes on 2 cores
#   bench/debayer-bench.sh -f 1 -wi 2 -i 3          # extra arguments go to JMH
#
# Needs siril-cli for part 1 (apt-get install -y siril). FITSFLOW_SHARED points at the shared test data.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
SHARED=${FITSFLOW_SHARED:-$(cd .. && pwd)/shared}

mvn -q ${MVN_FLAGS:-} -pl processors test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
if command -v siril-cli >/dev/null; then
    echo "== star widths ($(siril-cli --version 2>/dev/null | head -1))"
    java -Xmx2g -Dfitsflow.shared="$SHARED" \
        -cp "processors/target/classes:processors/target/test-classes:$(cat processors/target/bench-classpath.txt)" \
        org.fitsflow.processors.analysis.DebayerStarWidths
else
    echo "== star widths skipped: siril-cli not installed (apt-get install -y siril)"
fi

mvn -q ${MVN_FLAGS:-} -Pbench -pl bench/jmh -am package -DskipTests
echo "== JMH: ms per sub (cores: $(nproc), load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
java -jar bench/jmh/target/benchmarks.jar DebayerBenchmark -jvmArgsAppend "-Dfitsflow.shared=$SHARED" "$@"
echo "== CPU time per sub (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
java -Xmx2g -cp bench/jmh/target/benchmarks.jar org.fitsflow.bench.DebayerCpuCost \
    "$SHARED/data/seestar-subs/Light_NGC_7023_10.0s_IRCUT_20240730-224436.fit"
