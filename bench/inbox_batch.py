#!/usr/bin/python3
"""Batch throughput of the FitsFlow inbox: copies N copies of a frame
(one target folder each, Seestar layout) into the watched folder and waits until N JPEGs have appeared in the outbox.

    inbox_batch.py INBOX OUTBOX FRAME N [--timeout 600] [--run ID]

Prints the seconds from the first copy to the last output seen on stdout.
"""
import argparse
import os
import shutil
import sys
import time


def outputs(outbox):
    found = 0
    for folder, _, files in os.walk(outbox):
        found += sum(1 for f in files if f.lower().endswith((".jpg", ".jpeg")) and not f.startswith("."))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("inbox")
    parser.add_argument("outbox")
    parser.add_argument("frame")
    parser.add_argument("n", type=int)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--run", default="0", help="distinguishes repeated batches: every file is new to the inbox")
    args = parser.parse_args()
    # one target per file: the service previews only the newest stack of a target and session
    targets = [os.path.join(args.inbox, "MyWorks", f"Bench_{args.run}_{i:03d}") for i in range(args.n)]
    for target in targets:
        os.makedirs(target, exist_ok=True)
    already = outputs(args.outbox)
    start = time.perf_counter()
    for i, target in enumerate(targets):
        name = f"Stacked_100_Bench_{args.run}_{i:03d}_10.0s_IRCUT_20240730-224436.fit"
        shutil.copyfile(args.frame, os.path.join(target, name))
    while outputs(args.outbox) - already < args.n:
        if time.perf_counter() - start > args.timeout:
            raise SystemExit(f"only {outputs(args.outbox) - already} of {args.n} outputs after {args.timeout} s")
        time.sleep(0.01)
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
