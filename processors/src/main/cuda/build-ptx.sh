#!/bin/sh
# Rebuilds the shipped PTX from fitsflow_kernels.cu. Needs nvcc (any version that targets compute_75).
# The PTX is declared as ISA 6.3 (CUDA 10.0) instead of the compiler's own version, so that every CUDA 12
# driver accepts it; ptxas then checks that the code is valid under that declaration.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
source_file="$here/fitsflow_kernels.cu"
target="$here/../resources/org/fitsflow/processors/backend/gpu/fitsflow_kernels.ptx"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

nvcc -ptx -arch=compute_75 -fmad=false -o "$work/raw.ptx" "$source_file"
{
    echo "// source-sha256: $(sha256sum "$source_file" | cut -d' ' -f1)"
    sed -E 's/^\.version [0-9]+\.[0-9]+$/.version 6.3/' "$work/raw.ptx"
} > "$work/fitsflow_kernels.ptx"
ptxas -arch=sm_75 -o "$work/check.cubin" "$work/fitsflow_kernels.ptx"
mv "$work/fitsflow_kernels.ptx" "$target"
echo "wrote $target"
