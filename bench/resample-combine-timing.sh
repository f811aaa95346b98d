#!/usr/bin/env bash
# Timings of the stacker's resampling (bicubic and bilinear, ms per 1080 x 1920 x 3 sub), of writing a sub's
# 16-bit codes, and of combining 32 and 96 frames with the default rejection (ResampleCombineTiming);
# medians of 5 runs after 2 warm-up runs.
#
#   bench/resample-combine-timing.sh            # timings
#   bench/resample-combine-timing.sh DIR        # and the outputs as raw float32 in DIR, to compare builds
#
# JAVA_FLAGS go to the JVM: -Dtiming.only=resample or combine, -Dtiming.rejection=SIGMA (default WINSORIZED).
# MVN_FLAGS (e.g. -o) is passed to Maven, which builds the processors module and its test classes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
mvn -q ${MVN_FLAGS:-} -pl processors test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/timing-classpath.txt -Dmdep.includeScope=test
java -Xmx3g ${JAVA_FLAGS:-} -Dfitsflow.shared="$repo/../shared" \
    -cp "processors/target/classes:processors/target/test-classes:$(cat processors/target/timing-classpath.txt)" \
    org.fitsflow.processors.stacking.ResampleCombineTiming "$@"
