#!/usr/bin/python3
"""The quick_dso job with astropy and numpy, as a peer for the benchmark: read a FITS frame, normalise it
(shared/data/SOURCES.md), PixInsight STF auto-stretch per channel (unlinked, shadows -2.8, background 0.25),
write an 8-bit JPEG (quality 95) with Pillow, or a PNG when Pillow is missing.

    stf_astropy.py FRAME.fit OUT_STEM           writes OUT_STEM.jpg (or .png)
    stf_astropy.py --linked-params FRAME.fit    prints "c0 m" of the linked STF (for Siril's mtf command)
"""
import sys

import numpy as np
from astropy.io import fits

SHADOWS_CLIP = -2.8
TARGET_BACKGROUND = 0.25


def read_normalised(path):
    with fits.open(path, memmap=False) as hdul:
        hdu = next(h for h in hdul if h.data is not None)
        bitpix = hdu.header["BITPIX"]
        data = hdu.data.astype(np.float32, copy=False)
    if data.ndim == 2:
        data = data[np.newaxis]
    if bitpix == 16:
        data = data / np.float32(65535.0)
    elif bitpix == 8:
        data = data / np.float32(255.0)
    elif bitpix < 0:
        top = np.nanmax(np.where(np.isfinite(data), data, np.nan))
        if top > 65535.0:
            data = data / np.float32(top)
        elif top > 1.0:
            data = data / np.float32(65535.0)
    return data


def mtf(m, x):
    return (m - 1.0) * x / ((2.0 * m - 1.0) * x - m)


def stf_params(median, mad):
    sigma = 1.4826 * mad
    c0 = min(max(median + SHADOWS_CLIP * sigma, 0.0), 1.0) if sigma > 0 else 0.0
    m = mtf(TARGET_BACKGROUND, median - c0)
    return c0, m


def channel_stats(plane):
    finite = plane[np.isfinite(plane)]
    median = float(np.median(finite))
    mad = float(np.median(np.abs(finite - median)))
    return median, mad


def stretch(plane, c0, m):
    x = np.where(np.isfinite(plane), plane, 0.0).astype(np.float32)
    x = np.clip((x - np.float32(c0)) / np.float32(1.0 - c0), 0.0, 1.0)
    return mtf(np.float32(m), x)


def main(argv):
    if argv[1] == "--linked-params":
        data = read_normalised(argv[2])
        stats = [channel_stats(p) for p in data]
        c0s, meds = zip(*[(stf_params(md, mad)[0], md) for md, mad in stats])
        c0 = float(np.mean(c0s))
        print(f"{c0:.6f} {mtf(TARGET_BACKGROUND, float(np.mean(meds)) - c0):.6f}")
        return
    data = read_normalised(argv[1])
    out_stem = argv[2]
    planes = []
    for plane in data:
        c0, m = stf_params(*channel_stats(plane))
        planes.append(np.floor(stretch(plane, c0, m) * 255.0 + 0.5).astype(np.uint8))
    rgb = np.stack(planes, axis=-1)[::-1]  # FITS row 0 at the bottom
    if rgb.shape[-1] == 1:
        rgb = rgb[..., 0]
    try:
        from PIL import Image
        Image.fromarray(rgb).save(out_stem + ".jpg", quality=95)
    except ImportError:
        write_png(out_stem + ".png", rgb)


def write_png(path, rgb):
    import struct
    import zlib
    height, width = rgb.shape[:2]
    colour_type = 2 if rgb.ndim == 3 else 0
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(height))

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    main(sys.argv)
