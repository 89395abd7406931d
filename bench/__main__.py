"""`make bench`: every benchmark, one after the other, printed as figures for the README."""

from __future__ import annotations

import argparse
import json
import platform
import sys


def machine() -> str:
    """A one-line description of the machine the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--only",
        choices=["extraction", "highlight", "limits", "pages", "ingest", "reliability"],
        help="run one benchmark",
    )
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    results: dict[str, object] = {"machine": machine()}
    print(f"machine: {results['machine']}", flush=True)
    if args.only in (None, "extraction"):
        from bench import extraction

        results["extraction"] = extraction.run()
    if args.only in (None, "highlight"):
        from bench import highlight

        results["highlight"] = highlight.run()
    if args.only in (None, "limits"):
        from bench import limits

        results["limits"] = limits.run()
    if args.only in (None, "pages"):
        from bench import pages

        results["pages"] = pages.run()
    if args.only in (None, "ingest"):
        from bench import ingest

        results["ingest"] = ingest.run()
    if args.only in (None, "reliability"):
        from bench import reliability

        results["reliability"] = reliability.run()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2, default=str)


if __name__ == "__main__":
    sys.exit(main())
