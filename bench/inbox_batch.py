#!/usr/bin/python3
"""Batch throughput of the FitsFlow inbox: delivers N copies of a frame (one target folder each, Seestar
layout) into the watched folder and waits until N JPEGs have appeared in the outbox.

    inbox_batch.py INBOX OUTBOX FRAME N [--timeout 600] [--run ID] [--deliver copy|rename]

--deliver copy (the default) writes each file into the inbox under its final name, as a copy tool or an
SMB client does; --deliver rename writes them under hidden temporary names first (not timed) and then
renames them into place, as sync tools deliver a finished file, so that the timed part holds no writing.

Prints the seconds from the first delivery to the last output seen on stdout. Then (not timed) deletes the
delivered files: on a virtual machine, writing into memory the kernel has not used for a while costs more,
and N new frames left behind by every batch made each later copied-in batch slower than the one before.
"""
import argparse
import os
import shutil
import sys
import time


def hidden(path):
    """The temporary name a sync tool writes a file under: hidden, so the inbox leaves it alone."""
    return os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")


def has_output(folder):
    """Whether the outbox folder of one target holds a finished JPEG (partial ones have hidden names)."""
    try:
        return any(f.lower().endswith((".jpg", ".jpeg")) and not f.startswith(".") for f in os.listdir(folder))
    except FileNotFoundError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("inbox")
    parser.add_argument("outbox")
    parser.add_argument("frame")
    parser.add_argument("n", type=int)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--run", default="0", help="distinguishes repeated batches: every file is new to the inbox")
    parser.add_argument("--deliver", choices=("copy", "rename"), default="copy")
    args = parser.parse_args()
    # one target per file: the service previews only the newest stack of a target and session
    targets = [os.path.join(args.inbox, "MyWorks", f"Bench_{args.run}_{i:03d}") for i in range(args.n)]
    for target in targets:
        os.makedirs(target, exist_ok=True)
    # only this batch's folders are looked at: a walk of the whole outbox every 10 ms would take CPU from
    # the service, more with every batch
    pending = {os.path.join(args.outbox, os.path.relpath(target, args.inbox)) for target in targets}
    names = [os.path.join(target, f"Stacked_100_Bench_{args.run}_{i:03d}_10.0s_IRCUT_20240730-224436.fit")
             for i, target in enumerate(targets)]
    if args.deliver == "rename":
        for name in names:
            shutil.copyfile(args.frame, hidden(name))
    start = time.perf_counter()
    for name in names:
        if args.deliver == "rename":
            os.rename(hidden(name), name)
        else:
            shutil.copyfile(args.frame, name)
    while pending:
        pending = {folder for folder in pending if not has_output(folder)}
        if pending and time.perf_counter() - start > args.timeout:
            raise SystemExit(f"only {args.n - len(pending)} of {args.n} outputs after {args.timeout} s")
        time.sleep(0.01)
    print(f"{time.perf_counter() - start:.3f}")
    for name in names:
        os.remove(name)


if __name__ == "__main__":
    main()
