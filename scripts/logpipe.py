#!/usr/bin/env python3
"""Copies a service's output (stdin) to its log file, rotating it so no log grows without bound.

usage: logpipe.py LOG [MAX_BYTES] [KEEP]
When LOG passes MAX_BYTES (default 50 MiB, or LMS_LOG_MAX_BYTES) it becomes LOG.1, LOG.1 becomes LOG.2, ...
and the oldest beyond KEEP (default 3) is removed. Reads in blocks, so it costs next to nothing per line.
"""
import os
import sys


def rotate(log: str, keep: int) -> None:
    for n in range(keep, 0, -1):
        older = f"{log}.{n}"
        if n == keep and os.path.exists(older):
            os.remove(older)
        newer = log if n == 1 else f"{log}.{n - 1}"
        if os.path.exists(newer):
            os.replace(newer, older)


def main() -> None:
    log = sys.argv[1]
    max_bytes = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("LMS_LOG_MAX_BYTES", 50 * 1024 * 1024))
    keep = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    out = open(log, "ab", buffering=0)
    size = out.tell()
    source = sys.stdin.buffer.raw
    while True:
        block = source.read(65536)
        if not block:
            break
        out.write(block)
        size += len(block)
        if size >= max_bytes:
            out.close()
            rotate(log, keep)
            out = open(log, "ab", buffering=0)
            size = 0
    out.close()


if __name__ == "__main__":
    main()
