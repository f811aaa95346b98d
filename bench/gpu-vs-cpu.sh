#!/usr/bin/env bash
# GPU against CPU on the large frame's statistics + stretch (GpuVsCpuTiming). On a machine without a
# CUDA device it times the CPU only and says why the GPU was not used.
#
#   bench/gpu-vs-cpu.sh [FRAME.fits]      default: a seeded 6248 x 4176 x 3 float32 sky made in memory
#
# MVN_FLAGS (e.g. -o) is passed to Maven, which builds the processors module and its test classes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
mvn -q ${MVN_FLAGS:-} -pl processors test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/timing-classpath.txt -Dmdep.includeScope=test
java -Xmx4g -cp "processors/target/classes:processors/target/test-classes:$(cat processors/target/timing-classpath.txt)" \
    org.fitsflow.processors.backend.gpu.GpuVsCpuTiming "$@"
