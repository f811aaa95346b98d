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

// MidtonesTransfer.apply: MTF(m, x) = (m - 1) x / ((2m - 1) x - m), x clipped to [0, 1], with the
// same special cases and operation order as the Java code, so that results are bit-identical.
__device__ __forceinline__ double midtonesTransfer(double m, double x)
{
    if (!(x > 0.0)) {
        return 0.0;
    }
    if (x >= 1.0) {
        return 1.0;
    }
    if (m == 0.5) {
        return x;
    }
    if (m <= 0.0) {
        return 1.0;
    }
    if (m >= 1.0) {
        return 0.0;
    }
    return (m - 1.0) * x / ((2.0 * m - 1.0) * x - m);
}

// CpuBackend.stretch for one sample: MTF(m, (x - c0) * scale) with scale = 1 / (1 - c0) from the host;
// non-finite samples become 0.
__device__ __forceinline__ float stfValue(float x, double c0, double scale, double m)
{
    if (!isfinite(x)) {
        return 0.0f;
    }
    return (float) midtonesTransfer(m, ((double) x - c0) * scale);
}

extern "C" __global__ void stretchInPlace(float* __restrict__ data, long long n, double c0, double scale, double m)
{
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        data[i] = stfValue(data[i], c0, scale, m);
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
                                         long long n, double c0, double scale, double m)
{
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const float y = stfValue(data[i], c0, scale, m);
        out[i] = (unsigned char) level(y, 255u);
    }
}

extern "C" __global__ void stretchTo16Bit(const float* __restrict__ data, unsigned short* __restrict__ out,
                                          long long n, double c0, double scale, double m)
{
    const long long stride = (long long) blockDim.x * gridDim.x;
    for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        const float y = stfValue(data[i], c0, scale, m);
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

// The colour index (0 R, 1 G, 2 B) of the site at (row, column), from the pattern's 2 x 2 cell.
__device__ __forceinline__ int siteColour(int c00, int c01, int c10, int c11, int row, int column)
{
    return (row & 1) ? ((column & 1) ? c11 : c10) : ((column & 1) ? c01 : c00);
}

__device__ __forceinline__ float* planeOf(int colour, float* red, float* green, float* blue)
{
    return colour == 0 ? red : (colour == 1 ? green : blue);
}

// Bilinear debayer as BilinearDebayer does it on the CPU (sums in double, in the same order): a missing
// colour is the mean of its 2 or 4 nearest photosites of that colour, edges mirrored.
// c00..c11 give the pattern's colour at (row parity, column parity).
extern "C" __global__ void debayerBilinear(const float* __restrict__ m, int width, int height,
                                           int c00, int c01, int c10, int c11,
                                           float* __restrict__ red, float* __restrict__ green,
                                           float* __restrict__ blue)
{
    const int x = blockIdx.x * blockDim.x + threadIdx.x;
    const int row = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= width || row >= height) {
        return;
    }
    const long long here = (long long) row * width;
    const long long up = (long long) mirror(row - 1, height) * width;
    const long long down = (long long) mirror(row + 1, height) * width;
    const int left = mirror(x - 1, width);
    const int right = mirror(x + 1, width);
    const long long i = here + x;
    const int colour = siteColour(c00, c01, c10, c11, row, x);
    planeOf(colour, red, green, blue)[i] = m[i];
    if (colour == 1) {
        const double horizontal = ((double) m[here + left] + m[here + right]) / 2.0;
        const double vertical = ((double) m[up + x] + m[down + x]) / 2.0;
        const int rowNeighbour = siteColour(c00, c01, c10, c11, row, x + 1);
        planeOf(rowNeighbour, red, green, blue)[i] = (float) horizontal;
        planeOf(2 - rowNeighbour, red, green, blue)[i] = (float) vertical;
    } else {
        const double cross = ((double) m[up + x] + m[down + x] + m[here + left] + m[here + right]) / 4.0;
        const double diagonal = ((double) m[up + left] + m[up + right] + m[down + left] + m[down + right]) / 4.0;
        green[i] = (float) cross;
        planeOf(2 - colour, red, green, blue)[i] = (float) diagonal;
    }
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
