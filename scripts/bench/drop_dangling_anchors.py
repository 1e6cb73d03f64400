#!/usr/bin/env python3
"""Removes the links gen_corpus.py plants with dangling anchors, so that a corpus builds without
errors: `charter serve` keeps serving the last good site while a build has errors, so the live
preview's measurements (serve_latency.py) need a corpus without them.

Usage: drop_dangling_anchors.py CORPUS     (the folder gen_corpus.py wrote with --out)

Each planted link sits alone on its line as a list item and is listed in CORPUS/dangling-anchors.txt
(`SOURCE -> TARGET#FRAGMENT`); that line is removed from its page, and nothing else changes.
"""
import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[3])
    corpus = sys.argv[1]
    removed = 0
    with open(os.path.join(corpus, "dangling-anchors.txt"), encoding="utf-8") as listing:
        for entry in listing:
            if not entry.strip():
                continue
            source, target = entry.strip().split(" -> ")
            fragment = target.split("#", 1)[1]
            path = os.path.join(corpus, "pages", source)
            with open(path, encoding="utf-8") as page:
                lines = page.read().split("\n")
            kept = [line for line in lines if not (line.startswith("- [") and line.endswith(f"#{fragment})"))]
            if len(kept) != len(lines) - 1:
                sys.exit(f"{path}: expected exactly one planted link to #{fragment}")
            with open(path, "w", encoding="utf-8") as page:
                page.write("\n".join(kept))
            removed += 1
    print(f"removed {removed} planted dangling anchors")


if __name__ == "__main__":
    main()
