#!/usr/bin/python3
"""Writes the benchmark's large frame: 6248 x 4176 x 3 float32 in [0, 1] (a full-frame stacked size):
sky background with a gradient and noise, and a few thousand stars, seeded so every run gets the same file.

    make_large_frame.py OUT.fits
"""
import sys

import numpy as np
from astropy.io import fits

WIDTH, HEIGHT = 6248, 4176


def main(path):
    rng = np.random.default_rng(42)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    gradient = np.float32(0.02) * (x / WIDTH) + np.float32(0.01) * (y / HEIGHT)
    cube = np.empty((3, HEIGHT, WIDTH), dtype=np.float32)
    for c, level in enumerate((0.08, 0.09, 0.07)):
        cube[c] = np.float32(level) + gradient + rng.normal(0.0, 0.004, size=(HEIGHT, WIDTH)).astype(np.float32)
    stars_x = rng.integers(4, WIDTH - 4, 4000)
    stars_y = rng.integers(4, HEIGHT - 4, 4000)
    peaks = rng.uniform(0.05, 0.9, 4000).astype(np.float32)
    for dy in range(-3, 4):
        for dx in range(-3, 4):
            profile = peaks * np.float32(np.exp(-(dx * dx + dy * dy) / 3.0))
            cube[:, stars_y + dy, stars_x + dx] += profile
    np.clip(cube, 0.0, 1.0, out=cube)
    header = fits.Header()
    header["OBJECT"] = "synthetic large frame"
    fits.PrimaryHDU(cube, header=header).writeto(path, overwrite=True)


if __name__ == "__main__":
    main(sys.argv[1])
