#!/usr/bin/env python3
"""Quality figures of a stacked master against one of its subs, the same way for every tool (numpy + scipy).

  stack_quality.py MASTER.fit SUB.fit [--coverage COVERAGE.fit | --nights-reference-angle DEG]

Prints one line of JSON:
  noise_reduction  (sky noise / sky level of the sub) over (the same of the master), green plane; the sub is
                   debayered bilinearly as it would be for stacking; sky level = median of 64-pixel cells'
                   medians, noise = median of the cells' 1.4826 MAD (stars and nebulae take few cells)
  fwhm_px          median FWHM of the master's stars, elliptical Gaussian fits (geometric mean of the axes) on
                   the green plane, up to 150 bright unsaturated isolated stars
  noise_reduction_at_fwhm  with --match-fwhm F and a master sharper than F: the noise reduction once the
                   master's green plane is blurred by the Gaussian that widens its stars to F (bisection on
                   the blur, to 1 %), so that two masters compare at the same resolution: interpolation and
                   debayer trade noise for sharpness, and the sharper master looks noisier pixel for pixel
  step_sigma       the background step where coverage changes: for every pair of neighbouring coverage levels,
                   the sigma-clipped medians of the green plane within 25 px on either side of their boundary;
                   the largest difference, over the sky noise of the best-covered area; step_adu the same in ADU
Coverage: a coverage map FITS (FitsFlow's framing: keep writes one), or, for the set made by
`make_subs.py nights`, the coverage computed from its known rotations with the master's reference at the
given angle (the master's rows may be flipped against the subs': the orientation that correlates best with
the sub is taken).
"""
import argparse
import json
import sys

import numpy as np
from scipy import ndimage, optimize

BLOCK = 2880
CELL = 64


def read_fits(path):
    with open(path, "rb") as f:
        raw = f.read()
    values = {}
    offset = 0
    done = False
    while not done:
        block = raw[offset:offset + BLOCK].decode("ascii")
        offset += BLOCK
        for i in range(0, BLOCK, 80):
            card = block[i:i + 80]
            key = card[:8].strip()
            if key == "END":
                done = True
                break
            if card[8:10] == "= ":
                values[key] = card[10:].split("/")[0].strip().strip("'").strip()
    bitpix = int(values["BITPIX"])
    shape = [int(values["NAXIS%d" % k]) for k in range(int(values["NAXIS"]), 0, -1)]
    dtype = {8: ">u1", 16: ">i2", 32: ">i4", -32: ">f4", -64: ">f8"}[bitpix]
    data = np.frombuffer(raw, dtype=dtype, count=int(np.prod(shape)), offset=offset).reshape(shape).astype(np.float64)
    data = data * float(values.get("BSCALE", 1)) + float(values.get("BZERO", 0))
    if bitpix > 0:
        data /= 65535.0 if bitpix == 16 else (255.0 if bitpix == 8 else 1.0)
    elif np.nanmax(data) > 1:
        data /= 65535.0
    return values, data


def green(values, data):
    """The green plane: of a colour image its second plane, of a GRBG mosaic the bilinear interpolation."""
    if data.ndim == 3:
        return data[1]
    h, w = data.shape
    y, x = np.mgrid[0:h, 0:w]
    is_green = (y % 2) == (x % 2)  # GRBG: G at even-even and odd-odd
    padded = np.pad(data, 1, mode="reflect")
    cross = (padded[:-2, 1:-1] + padded[2:, 1:-1] + padded[1:-1, :-2] + padded[1:-1, 2:]) / 4
    return np.where(is_green, data, cross)


def cells(plane):
    h, w = plane.shape
    h, w = h - h % CELL, w - w % CELL
    blocks = plane[:h, :w].reshape(h // CELL, CELL, w // CELL, CELL).transpose(0, 2, 1, 3).reshape(-1, CELL * CELL)
    keep = np.isfinite(blocks).all(axis=1)
    blocks = blocks[keep]
    medians = np.median(blocks, axis=1)
    mads = 1.4826 * np.median(np.abs(blocks - medians[:, None]), axis=1)
    return np.median(medians), np.median(mads)


def fwhm(plane):
    sky, noise = cells(plane)
    finite = np.where(np.isfinite(plane), plane, sky)
    smooth = ndimage.gaussian_filter(finite - sky, 1.0)
    peaks = (smooth == ndimage.maximum_filter(smooth, size=9)) & (smooth > 10 * noise / 2.5)
    ys, xs = np.nonzero(peaks)
    order = np.argsort(-smooth[ys, xs])
    r = 6
    h, w = plane.shape
    y, x = np.mgrid[-r:r + 1, -r:r + 1]
    widths = []
    taken = []
    for k in order:
        cy, cx = ys[k], xs[k]
        if cy < r or cx < r or cy >= h - r or cx >= w - r:
            continue
        if any(abs(cy - ty) < 2 * r and abs(cx - tx) < 2 * r for ty, tx in taken):
            continue
        box = finite[cy - r:cy + r + 1, cx - r:cx + r + 1]
        if box.max() > 0.9:
            continue

        def model(p):
            b, a, x0, y0, sa, sb, sc = p
            e = sa * (x - x0) ** 2 + 2 * sb * (x - x0) * (y - y0) + sc * (y - y0) ** 2
            return (b + a * np.exp(-e) - box).ravel()

        start = [sky, box.max() - sky, 0, 0, 0.3, 0, 0.3]
        try:
            p = optimize.least_squares(model, start, method="lm").x
        except (ValueError, RuntimeError):
            continue
        quad = np.array([[p[4], p[5]], [p[5], p[6]]])
        eig = np.linalg.eigvalsh(quad)
        if p[1] <= 0 or eig.min() <= 0 or abs(p[2]) > 2 or abs(p[3]) > 2:
            continue
        sigmas = np.sqrt(1 / (2 * eig))
        width = 2.3548 * np.sqrt(sigmas[0] * sigmas[1])
        if 1.0 < width < 15:
            widths.append(width)
            taken.append((cy, cx))
        if len(widths) >= 150:
            break
    return float(np.median(widths)) if widths else float("nan"), len(widths)


NIGHTS = ((3, 0.0), (3, 70.0), (2, 35.0))  # make_subs.py nights: subs per night, rotation in degrees


def nights_coverage(shape, reference_angle):
    h, w = shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    py, px = np.mgrid[0:h, 0:w].astype(np.float64)
    # Master pixel p shows the sky at angle 0 rotated by the reference's angle; a sub of angle a shows the
    # sky position s at its pixel q with s = R(-a)(q - c) + c, so q = R(a)(s - c) + c.
    a0 = np.radians(reference_angle)
    sx = np.cos(a0) * (px - cx) + np.sin(a0) * (py - cy) + cx
    sy = -np.sin(a0) * (px - cx) + np.cos(a0) * (py - cy) + cy
    coverage = np.zeros(shape, dtype=np.int32)
    for count, degrees in NIGHTS:
        a = np.radians(degrees)
        qx = np.cos(a) * (sx - cx) - np.sin(a) * (sy - cy) + cx
        qy = np.sin(a) * (sx - cx) + np.cos(a) * (sy - cy) + cy
        inside = (qx >= 0) & (qy >= 0) & (qx <= w - 1) & (qy <= h - 1)
        coverage += count * inside
    return coverage


def clipped_median(values):
    values = values[np.isfinite(values)]
    for _ in range(5):
        m = np.median(values)
        s = 1.4826 * np.median(np.abs(values - m))
        values = values[np.abs(values - m) < 3 * s]
    return np.median(values)


def step(plane, coverage):
    levels = [k for k in np.unique(coverage) if k > 0 and (coverage == k).sum() > 5000]
    best = max(levels)
    _, noise = cells(np.where(coverage == best, plane, np.nan))
    worst = 0.0
    for k in levels:
        for other in levels:
            if other <= k:
                continue
            a = (coverage == k) & ndimage.binary_dilation(coverage == other, iterations=25)
            b = (coverage == other) & ndimage.binary_dilation(coverage == k, iterations=25)
            if a.sum() < 2000 or b.sum() < 2000:
                continue
            worst = max(worst, abs(clipped_median(plane[a]) - clipped_median(plane[b])))
    return worst / noise, worst * 65535


def blurred_to(plane, width, target):
    """The plane blurred by the Gaussian whose median star FWHM comes within 1 % of target (bisection)."""
    low, high = 0.0, 2.0 * np.sqrt(target ** 2 - width ** 2) / 2.3548 + 0.2
    blurred = plane
    for _ in range(8):
        sigma = (low + high) / 2
        blurred = ndimage.gaussian_filter(np.nan_to_num(plane, nan=np.nanmedian(plane)), sigma)
        measured, _ = fwhm(blurred)
        if abs(measured - target) <= 0.01 * target:
            break
        if measured < target:
            low = sigma
        else:
            high = sigma
    return blurred


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("master")
    parser.add_argument("sub")
    parser.add_argument("--coverage")
    parser.add_argument("--nights-reference-angle", type=float)
    parser.add_argument("--match-fwhm", type=float)
    args = parser.parse_args()
    mv, master = read_fits(args.master)
    sv, sub = read_fits(args.sub)
    mg, sg = green(mv, master), green(sv, sub)
    sub_sky, sub_noise = cells(sg)
    master_sky, master_noise = cells(mg)
    result = {"noise_reduction": round((sub_noise / sub_sky) / (master_noise / master_sky), 3)}
    width, stars = fwhm(mg)
    result["fwhm_px"] = round(width, 3)
    result["fwhm_stars"] = stars
    if args.match_fwhm and width < args.match_fwhm:
        blurred = blurred_to(mg, width, args.match_fwhm)
        blurred_sky, blurred_noise = cells(blurred)
        result["noise_reduction_at_fwhm"] = round((sub_noise / sub_sky) / (blurred_noise / blurred_sky), 3)
    coverage = None
    if args.coverage:
        coverage = np.rint(read_fits(args.coverage)[1] * 65535).astype(np.int32)
    elif args.nights_reference_angle is not None:
        coverage = nights_coverage(mg.shape, args.nights_reference_angle)
        small = lambda p: np.nan_to_num(p[::8, ::8] - np.nanmedian(p))
        if mg.shape == sg.shape and np.sum(small(np.flipud(mg)) * small(sg)) > np.sum(small(mg) * small(sg)):
            coverage = np.flipud(coverage)
    if coverage is not None:
        sigma, adu = step(mg, coverage)
        result["step_sigma"] = round(sigma, 3)
        result["step_adu"] = round(adu, 2)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
