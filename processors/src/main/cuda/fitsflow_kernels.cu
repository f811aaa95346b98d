// FitsFlow GPU kernels. Compiled two ways, with the same results:
//  - at build time by build-ptx.sh into PTX for an old virtual architecture (what CUDA 12+ drivers accept);
//  - at run time by NVRTC when the driver rejects that PTX.
// Both compile with fused multiply-add off, so that float sums match the Java code's rounding.
// No #include: NVRTC compiles this without the CUDA toolkit headers.

// Maps a float to an unsigned key with the same order (negative values reversed, sign bit flipped),
// so that a radix selection on keys selects the exact float.
__device__ __forceinline__ unsigned int orderedKey(float v)
{
    unsigned int bits = __float_as_uint(v);
    return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

// One pass of a radix selection: counts the finite values (or their distances to `center` when
// `deviations` is set, computed in double and rounded to float) whose key starts with `prefix` (the key's bits above `prefixShift`; 32 = no
// prefix) into `binCount` bins of the key's bits from `binShift` up. Each block counts in shared memory
// first: sky frames put most pixels into a few bins, where global atomics alone would serialise.
extern "C" __global__ void histogramKeys(const float* __restrict__ data, long long n,
                                         int deviations, double center,
                                         unsigned int prefix, int prefixShift,
                                         int binShift, int binCount,
                                         unsigned int* __restrict__ histogram)
{
    extern __shared__ unsigned int blockBins[];
    for (int i = threadIdx.x; i < binCount; i += blockDim.x) {
        blockBins[i] = 0u;
    }
    __syncthreads();
    const unsigned int binMask = (unsigned int) binCount - 1u;
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        float v = data[i];
        if (!isfinite(v)) {
            continue;
        }
        if (deviations) {
            v = (float) fabs((double) v - center);
        }
        const unsigned int key = orderedKey(v);
        if (prefixShift < 32 && (key >> prefixShift) != prefix) {
            continue;
        }
        atomicAdd(&blockBins[(key >> binShift) & binMask], 1u);
    }
    __syncthreads();
    for (int i = threadIdx.x; i < binCount; i += blockDim.x) {
        const unsigned int count = blockBins[i];
        if (count != 0u) {
            atomicAdd(&histogram[i], count);
        }
    }
}

// y = MTF(m, clip((x - c0) / (1 - c0))), in double like the Java code; non-finite pixels become 0.
__device__ __forceinline__ double stfValue(float x, double c0, double m)
{
    if (!isfinite(x)) {
        return 0.0;
    }
    double t = ((double) x - c0) / (1.0 - c0);
    t = fmin(fmax(t, 0.0), 1.0);
    return (m - 1.0) * t / ((2.0 * m - 1.0) * t - m);
}

extern "C" __global__ void stretchInPlace(float* __restrict__ data, long long n, double c0, double m)
{
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        data[i] = (float) stfValue(data[i], c0, m);
    }
}

// The stretch fused with quantisation, so that only the 8- or 16-bit result crosses the bus.
// Levels as export.Quantizer computes them: NaN and values <= 0 give 0, values >= 1 the top level,
// others round half up in double.
__device__ __forceinline__ unsigned int level(float y, unsigned int maxLevel)
{
    if (!(y > 0.0f)) {
        return 0u;
    }
    if (y >= 1.0f) {
        return maxLevel;
    }
    return (unsigned int) ((double) y * (double) maxLevel + 0.5);
}

extern "C" __global__ void stretchTo8Bit(const float* __restrict__ data, unsigned char* __restrict__ out,
                                         long long n, double c0, double m)
{
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const float y = (float) stfValue(data[i], c0, m);
        out[i] = (unsigned char) level(y, 255u);
    }
}

extern "C" __global__ void stretchTo16Bit(const float* __restrict__ data, unsigned short* __restrict__ out,
                                          long long n, double c0, double m)
{
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const float y = (float) stfValue(data[i], c0, m);
        out[i] = (unsigned short) level(y, 65535u);
    }
}

// Mirrors an index across the edge without repeating the edge pixel (-1 -> 1, n -> n - 2), which keeps
// the colour-filter parity of the mirrored neighbour.
__device__ __forceinline__ int mirror(int i, int n)
{
    if (i < 0) {
        return -i;
    }
    if (i >= n) {
        return 2 * n - 2 - i;
    }
    return i;
}

// The colour index (0 R, 1 G, 2 B) of the site at row parity `py`, column parity `px`.
__device__ __forceinline__ int siteColour(int c00, int c01, int c10, int c11, int py, int px)
{
    return py ? (px ? c11 : c10) : (px ? c01 : c00);
}

// Bilinear debayer: a site keeps its own colour; each other colour is the mean of the sites of that
// colour in the 3 x 3 neighbourhood (2 orthogonal, 4 orthogonal or 4 diagonal ones), summed in row order.
// c00..c11 give the pattern's colour at (row parity, column parity).
extern "C" __global__ void debayerBilinear(const float* __restrict__ mosaic, int width, int height,
                                           int c00, int c01, int c10, int c11,
                                           float* __restrict__ red, float* __restrict__ green,
                                           float* __restrict__ blue)
{
    const int x = blockIdx.x * blockDim.x + threadIdx.x;
    const int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= width || y >= height) {
        return;
    }
    float sumR = 0.0f, sumG = 0.0f, sumB = 0.0f;
    int countR = 0, countG = 0, countB = 0;
    for (int dy = -1; dy <= 1; dy++) {
        const long long row = (long long) mirror(y + dy, height) * width;
        for (int dx = -1; dx <= 1; dx++) {
            if (dx == 0 && dy == 0) {
                continue;
            }
            const float v = mosaic[row + mirror(x + dx, width)];
            const int c = siteColour(c00, c01, c10, c11, (y + dy) & 1, (x + dx) & 1);
            if (c == 0) {
                sumR += v;
                countR++;
            } else if (c == 1) {
                sumG += v;
                countG++;
            } else {
                sumB += v;
                countB++;
            }
        }
    }
    const long long at = (long long) y * width + x;
    const float centre = mosaic[at];
    const int own = siteColour(c00, c01, c10, c11, y & 1, x & 1);
    red[at] = own == 0 ? centre : sumR / (float) countR;
    green[at] = own == 1 ? centre : sumG / (float) countG;
    blue[at] = own == 2 ? centre : sumB / (float) countB;
}

// One direction of a separable convolution with edge pixels repeated: out(x) = sum_k w[k] in(x + k - r),
// summed from k = 0 up. `horizontal` picks the axis.
extern "C" __global__ void convolveAxis(const float* __restrict__ in, float* __restrict__ out,
                                        int width, int height,
                                        const float* __restrict__ weights, int taps, int horizontal)
{
    const int x = blockIdx.x * blockDim.x + threadIdx.x;
    const int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= width || y >= height) {
        return;
    }
    const int radius = taps / 2;
    float sum = 0.0f;
    if (horizontal) {
        const long long row = (long long) y * width;
        for (int k = 0; k < taps; k++) {
            const int xx = min(max(x + k - radius, 0), width - 1);
            sum += weights[k] * in[row + xx];
        }
    } else {
        for (int k = 0; k < taps; k++) {
            const int yy = min(max(y + k - radius, 0), height - 1);
            sum += weights[k] * in[(long long) yy * width + x];
        }
    }
    out[(long long) y * width + x] = sum;
}
