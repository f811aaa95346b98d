#!/usr/bin/env python3
"""Makes sets of raw Seestar subs for the stacking benchmark from the shared subs (numpy only).

  make_subs.py shifted SRC_DIR PATTERN COUNT OUT_DIR [--seed S] [--rotate DEGREES] [--days D]
      COUNT subs cycling over the SRC_DIR files matching PATTERN, each moved by an even number of pixels
      (so that the GRBG phase is kept; at most 40 px each way), the uncovered border filled with the sky
      level of each photosite colour plus noise, and fresh Gaussian noise of the sub's own sky noise added
      everywhere, so that no two subs are the same. --rotate turns every sub's field by DEGREES about the
      frame centre first (as in "nights"), as an alt-az mount sees the target on another night; --days
      dates the set D days later. A night of its own per seed: its noise is independent of another seed's.
  make_subs.py nights SRC_DIR PATTERN OUT_DIR [--seed S]
      8 subs over three nights of one target: night 1 three subs as taken, night 2 three subs rotated by
      70 degrees with a brighter, redder sky and 85 % transparency, night 3 two subs rotated by 35 degrees
      with a darker sky. A rotated sub is debayered (bilinear), rotated about the frame centre (bilinear),
      mosaicked again in GRBG order, and its uncovered corners filled with sky and noise; fresh noise of
      the sub's own level then restores the noise the interpolation smoothed.

Values stay 16-bit unsigned (BITPIX 16, BZERO 32768), headers are the source's with DATE-OBS moved on
by the exposure per sub so that a set has a first and a last sub.
"""
import argparse
import datetime
import glob
import os

import numpy as np

BLOCK = 2880


def read_fits(path):
    with open(path, "rb") as f:
        raw = f.read()
    cards = []
    offset = 0
    while True:
        block = raw[offset:offset + BLOCK]
        offset += BLOCK
        for i in range(0, BLOCK, 80):
            cards.append(block[i:i + 80].decode("ascii"))
        if any(c.startswith("END     ") or c.rstrip() == "END" for c in cards[-36:]):
            break
    header = [c for c in cards if c.strip() and c.rstrip() != "END"]
    values = {c[:8].strip(): c[10:].split("/")[0].strip().strip("'").strip() for c in header if c[8:10] == "= "}
    width, height = int(values["NAXIS1"]), int(values["NAXIS2"])
    assert int(values["BITPIX"]) == 16, path
    data = np.frombuffer(raw, dtype=">i2", count=width * height, offset=offset).reshape(height, width)
    return header, values, data.astype(np.float64) + float(values.get("BZERO", 0))


def write_fits(path, header, values_override, pixels):
    cards = []
    replaced = set()
    for card in header:
        key = card[:8].strip()
        if key in values_override:
            cards.append(format_card(key, values_override[key]))
            replaced.add(key)
        else:
            cards.append(card.ljust(80)[:80])
    for key, value in values_override.items():
        if key not in replaced:
            cards.append(format_card(key, value))
    cards.append("END".ljust(80))
    text = "".join(cards)
    text += " " * (-len(text) % BLOCK)
    data = (np.clip(np.rint(pixels), 0, 65535) - 32768).astype(">i2").tobytes()
    data += b"\0" * (-len(data) % BLOCK)
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(text.encode("ascii"))
        f.write(data)
    os.replace(tmp, path)


def format_card(key, value):
    text = "'%s'" % value if isinstance(value, str) else str(value)
    return ("%-8s= %20s" % (key, text)).ljust(80)[:80]


def site_masks(height, width):
    """GRBG: row 0 is G R G R ..., row 1 is B G B G ...; returns the R, G, B photosite masks."""
    y, x = np.mgrid[0:height, 0:width]
    r = (y % 2 == 0) & (x % 2 == 1)
    b = (y % 2 == 1) & (x % 2 == 0)
    return r, ~(r | b), b


def sky_and_noise(mosaic, mask):
    values = mosaic[mask]
    median = np.median(values)
    return median, 1.4826 * np.median(np.abs(values - median))


def debayer(mosaic):
    """Bilinear debayer of a GRBG mosaic with mirrored edges: returns R, G, B planes."""
    h, w = mosaic.shape
    masks = site_masks(h, w)
    padded = np.pad(mosaic, 1, mode="reflect")
    planes = []
    for mask in masks:
        m = np.pad(mask.astype(np.float64), 1, mode="reflect")
        v = padded * m
        s = sum(v[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                if abs(dy) + abs(dx) <= 2)
        n = sum(m[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                if abs(dy) + abs(dx) <= 2)
        if mask.sum() * 2 == mask.size:  # green: the four direct neighbours only
            s = sum(v[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy, dx in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)))
            n = sum(m[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy, dx in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)))
        planes.append(np.where(mask, mosaic, s / np.maximum(n, 1)))
    return planes


def rotate(plane, degrees):
    """Rotates about the frame centre, bilinear; NaN where the source does not cover."""
    h, w = plane.shape
    a = np.radians(degrees)
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    cx, cy = (w - 1) / 2, (h - 1) / 2
    sx = np.cos(a) * (x - cx) + np.sin(a) * (y - cy) + cx
    sy = -np.sin(a) * (x - cx) + np.cos(a) * (y - cy) + cy
    inside = (sx >= 0) & (sy >= 0) & (sx <= w - 1) & (sy <= h - 1)
    x0 = np.clip(np.floor(sx).astype(int), 0, w - 2)
    y0 = np.clip(np.floor(sy).astype(int), 0, h - 2)
    fx, fy = np.clip(sx - x0, 0, 1), np.clip(sy - y0, 0, 1)
    out = (plane[y0, x0] * (1 - fx) * (1 - fy) + plane[y0, x0 + 1] * fx * (1 - fy)
           + plane[y0 + 1, x0] * (1 - fx) * fy + plane[y0 + 1, x0 + 1] * fx * fy)
    return np.where(inside, out, np.nan)


def shifted(mosaic, dx, dy):
    out = np.full_like(mosaic, np.nan)
    h, w = mosaic.shape
    out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] = mosaic[max(-dy, 0):h + min(-dy, 0),
                                                                       max(-dx, 0):w + min(-dx, 0)]
    return out


def fill_and_add_noise(mosaic, reference, rng, sky_offset=(0.0, 0.0, 0.0), transparency=1.0):
    """Per photosite colour: blank pixels take the sky level, the signal above the sky is scaled by the
    transparency, the sky moved by the offset, and fresh noise of the reference's sky noise added."""
    out = mosaic.copy()
    for mask, offset in zip(site_masks(*mosaic.shape), sky_offset):
        sky, noise = sky_and_noise(reference, mask)
        values = out[mask]
        values = np.where(np.isnan(values), sky, sky + transparency * (values - sky)) + offset
        out[mask] = values + rng.normal(0.0, noise, values.shape)
    return out


def dated(values, index):
    start = datetime.datetime.fromisoformat(values["DATE-OBS"])
    exposure = float(values.get("EXPTIME", values.get("EXPOSURE", 10)))
    return (start + datetime.timedelta(seconds=index * (exposure + 1))).isoformat(timespec="milliseconds")


def sources(src_dir, pattern):
    files = sorted(glob.glob(os.path.join(src_dir, pattern)))
    if not files:
        raise SystemExit("no files match %s in %s" % (pattern, src_dir))
    return [read_fits(f) for f in files]


def make_shifted(args):
    rng = np.random.default_rng(args.seed)
    subs = sources(args.src, args.pattern)
    os.makedirs(args.out, exist_ok=True)
    for k in range(args.count):
        header, values, mosaic = subs[k % len(subs)]
        dx, dy = (2 * int(v) for v in rng.integers(-20, 21, size=2))
        source = turned(mosaic, args.rotate) if args.rotate else mosaic
        out = fill_and_add_noise(shifted(source, dx, dy), mosaic, rng)
        name = "Light_%s_%03d.fit" % (values.get("OBJECT", "sub").replace(" ", "_"), k)
        start = datetime.datetime.fromisoformat(dated(values, k)) + datetime.timedelta(days=args.days)
        write_fits(os.path.join(args.out, name), header, {"DATE-OBS": start.isoformat(timespec="milliseconds")}, out)


NIGHTS = (  # subs, rotation in degrees, sky offset per R, G, B in ADU, transparency, days later
    (3, 0.0, (0.0, 0.0, 0.0), 1.0, 0),
    (3, 70.0, (420.0, 300.0, 180.0), 0.85, 1),
    (2, 35.0, (-150.0, -120.0, -90.0), 1.0, 3),
)


def turned(mosaic, degrees):
    """The mosaic's field turned about the frame centre: debayered, rotated, mosaicked again in GRBG order."""
    r, g, b = (rotate(p, degrees) for p in debayer(mosaic))
    rm, gm, bm = site_masks(*mosaic.shape)
    return np.where(rm, r, np.where(bm, b, g))


def make_nights(args):
    rng = np.random.default_rng(args.seed)
    subs = sources(args.src, args.pattern)
    os.makedirs(args.out, exist_ok=True)
    k = 0
    for count, degrees, offset, transparency, days in NIGHTS:
        for i in range(count):
            header, values, mosaic = subs[(k + i) % len(subs)]
            mosaic_out = turned(mosaic, degrees) if degrees else mosaic
            out = fill_and_add_noise(mosaic_out, mosaic, rng, offset, transparency)
            start = datetime.datetime.fromisoformat(dated(values, i)) + datetime.timedelta(days=days)
            name = "Light_%s_night%d_%02d.fit" % (values.get("OBJECT", "sub").replace(" ", "_"), days + 1, i)
            write_fits(os.path.join(args.out, name), header,
                       {"DATE-OBS": start.isoformat(timespec="milliseconds")}, out)
        k += count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("shifted")
    s.add_argument("src")
    s.add_argument("pattern")
    s.add_argument("count", type=int)
    s.add_argument("out")
    s.add_argument("--seed", type=int, default=20)
    s.add_argument("--rotate", type=float, default=0.0)
    s.add_argument("--days", type=int, default=0)
    n = commands.add_parser("nights")
    n.add_argument("src")
    n.add_argument("pattern")
    n.add_argument("out")
    n.add_argument("--seed", type=int, default=70)
    args = parser.parse_args()
    (make_shifted if args.command == "shifted" else make_nights)(args)


if __name__ == "__main__":
    main()
