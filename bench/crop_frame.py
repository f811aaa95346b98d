#!/usr/bin/python3
"""Writes a 512 x 512 crop of a 16-bit frame, with its header, for the runs that warm the service up: the
frame's reading, stretching and exporting code paths (its JPEG is still encoded in strips, its loops still
split over the cores) at an eighth of the cost.

    crop_frame.py FRAME OUT.fit
"""
import sys

import numpy as np
from astropy.io import fits

SIZE = 512


def main(frame, path):
    with fits.open(frame) as hdus:
        data = hdus[0].data
        header = hdus[0].header.copy()
    if data.dtype != np.uint16:
        raise SystemExit(f"{frame}: expected unsigned 16-bit data, found {data.dtype}")
    top, left = (data.shape[-2] - SIZE) // 2, (data.shape[-1] - SIZE) // 2
    crop = np.ascontiguousarray(data[..., top:top + SIZE, left:left + SIZE])
    for key in ("BZERO", "BSCALE"):
        header.remove(key, ignore_missing=True)
    # astropy writes uint16 as BITPIX 16 with BZERO 32768, as the telescope does
    fits.PrimaryHDU(crop, header=header).writeto(path, overwrite=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
