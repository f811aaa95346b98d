#!/usr/bin/env bash
# Sub-frame timings on the shared Seestar subs (SubsTiming): quality analysis of the eight subs, stacking
# the three NGC 7023 10 s subs and all eight; medians of 5 runs after 2 warm-up runs; then the 3-sub
# stack's noise and FWHM figures.
#
#   bench/subs-timing.sh
#
# MVN_FLAGS (e.g. -o) is passed to Maven, which builds the processors module and its test classes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
mvn -q ${MVN_FLAGS:-} -pl processors test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/timing-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -Dfitsflow.shared="$repo/../shared" \
    -cp "processors/target/classes:processors/target/test-classes:$(cat processors/target/timing-classpath.txt)" \
    org.fitsflow.processors.subs.SubsTiming "$@"
