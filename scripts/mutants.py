#!/usr/bin/env python3
"""Mutation testing: proves that the tests notice one-line bugs in production code.

Each mutant of scripts/mutants/catalogue.txt (the format is in scripts/mutants/FORMAT.md) is
applied to the working tree, the package is rebuilt, the suites named for it are run, and the file
is put back. A mutant is killed when those suites fail and survives when they pass.

    scripts/mutants.py                       every mutant, after a baseline run of their suites
    scripts/mutants.py --only M003,M041      those mutants
    scripts/mutants.py --subset 4 --seed X   four mutants chosen by X (CI passes the commit)
    scripts/mutants.py --list                the catalogue, checked, without running anything

Mutants are applied in place, so that each rebuild is incremental, and the original of the file
being mutated is kept in .build/mutants/ until it is put back: a run that is killed outright
leaves it there, and the next run restores it before anything else. Don't edit the files of the
catalogue while a run is going.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "scripts" / "mutants" / "catalogue.txt"
STATE = ROOT / ".build" / "mutants"
JOURNAL = STATE / "journal.json"
TEST_TIMEOUT = 900


@dataclasses.dataclass
class Mutant:
    id: str
    area: str
    title: str
    file: str
    old: str
    new: str
    suites: str | None = None
    run: str | None = None
    harmless: str | None = None
    line: int = 0  # where the block starts in the catalogue

    def key(self, seed: str) -> str:
        return hashlib.sha256(f"{seed}:{self.id}".encode()).hexdigest()


class CatalogueError(Exception):
    pass


def parse(path: Path) -> list[Mutant]:
    mutants: list[Mutant] = []
    current: dict | None = None
    header = re.compile(r"^## (M\d{3}) ([a-z-]+): (.+)$")

    def close() -> None:
        nonlocal current
        if current is None:
            return
        missing = [k for k in ("file", "old", "new") if k not in current]
        if missing or ("suites" in current) == ("run" in current):
            raise CatalogueError(f"{path.name}:{current['line']}: {current['id']} needs file, -, + and one of suites or run")
        mutants.append(Mutant(**current))
        current = None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip():
            close()
            continue
        match = header.match(line)
        if match:
            close()
            current = {"id": match[1], "area": match[2], "title": match[3], "line": number}
            continue
        if line.startswith("#"):
            continue
        if current is None:
            raise CatalogueError(f"{path.name}:{number}: a line outside a mutant block: {line!r}")
        if line.startswith("- "):
            current["old"] = line[2:].strip()
        elif line.startswith("+ ") or line == "+":
            current["new"] = line[2:].strip()
        else:
            key, _, value = line.partition(":")
            if key not in ("file", "suites", "run", "harmless") or not value.strip():
                raise CatalogueError(f"{path.name}:{number}: unknown line {line!r}")
            current[key] = value.strip()
    close()
    seen: set[str] = set()
    for mutant in mutants:
        if mutant.id in seen:
            raise CatalogueError(f"{path.name}:{mutant.line}: {mutant.id} is used twice")
        seen.add(mutant.id)
        target = ROOT / mutant.file
        if not target.is_file():
            raise CatalogueError(f"{path.name}:{mutant.line}: {mutant.id}: no file {mutant.file}")
        count = target.read_text(encoding="utf-8").count(mutant.old)
        if count != 1:
            raise CatalogueError(f"{path.name}:{mutant.line}: {mutant.id}: the text occurs {count} times in {mutant.file}, not once: {mutant.old!r}")
        if mutant.old == mutant.new:
            raise CatalogueError(f"{path.name}:{mutant.line}: {mutant.id}: the replacement is the same text")
    return mutants


def restore_leftover() -> None:
    """Puts back a file that a killed run left mutated."""
    if not JOURNAL.exists():
        return
    entry = json.loads(JOURNAL.read_text())
    original = STATE / "original"
    shutil.copyfile(original, ROOT / entry["file"])
    JOURNAL.unlink()
    print(f"restored {entry['file']}, which an interrupted run left mutated ({entry['id']})")


def run(command: list[str] | str, log: Path, timeout: int | None = None, shell: bool = False) -> int:
    """The command's exit status, with its output in `log`; -1 when it ran out of time."""
    with log.open("w") as out:
        try:
            return subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=timeout, shell=shell).returncode
        except subprocess.TimeoutExpired:
            return -1


def build(log: Path) -> int:
    return run(["swift", "build", "--build-tests"], log)


def test(mutant_or_filter: Mutant | str, log: Path) -> int:
    if isinstance(mutant_or_filter, Mutant) and mutant_or_filter.run:
        return run(mutant_or_filter.run, log, TEST_TIMEOUT, shell=True)
    regex = mutant_or_filter.suites if isinstance(mutant_or_filter, Mutant) else mutant_or_filter
    return run(["swift", "test", "--skip-build", "--disable-xctest", "--filter", regex], log, TEST_TIMEOUT)


def apply(mutant: Mutant) -> None:
    target = ROOT / mutant.file
    STATE.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target, STATE / "original")
    JOURNAL.write_text(json.dumps({"id": mutant.id, "file": mutant.file}))
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace(mutant.old, mutant.new, 1), encoding="utf-8")


def revert(mutant: Mutant) -> None:
    shutil.copyfile(STATE / "original", ROOT / mutant.file)
    JOURNAL.unlink()


def interrupted(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    # A TERM (CI's time limit, a kill) reverts the mutant on the way out, as Ctrl-C does.
    # A run started in the background of a script has SIGINT ignored: take it back.
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated mutant IDs")
    parser.add_argument("--subset", type=int, help="run this many mutants, chosen by --seed")
    parser.add_argument("--seed", default="charter", help="what chooses the subset (CI: the commit)")
    parser.add_argument("--list", action="store_true", help="check and list the catalogue, run nothing")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated run of the suites (CI has just run them)")
    parser.add_argument("--min-score", type=float, default=95.0, help="the killed share, in percent, below which the run fails")
    parser.add_argument("--results", type=Path, default=STATE / "results.json")
    options = parser.parse_args()

    restore_leftover()
    try:
        mutants = parse(CATALOGUE)
    except CatalogueError as error:
        print(f"catalogue: {error}", file=sys.stderr)
        return 2
    if options.only:
        wanted = options.only.split(",")
        unknown = sorted(set(wanted) - {m.id for m in mutants})
        if unknown:
            print(f"no such mutant: {', '.join(unknown)}", file=sys.stderr)
            return 2
        mutants = [m for m in mutants if m.id in wanted]
    if options.subset is not None:
        mutants = sorted(sorted(mutants, key=lambda m: m.key(options.seed))[: options.subset], key=lambda m: m.id)
    if options.list:
        for m in mutants:
            print(f"{m.id} {m.area:12} {m.file}: {m.title}")
        print(f"{len(mutants)} mutants, each applies once")
        return 0

    STATE.mkdir(parents=True, exist_ok=True)
    logs = STATE / "logs"
    logs.mkdir(exist_ok=True)
    print(f"== {len(mutants)} mutants; logs in {logs.relative_to(ROOT)}", flush=True)
    if build(logs / "baseline-build.log") != 0:
        print("the unmutated package does not build; see baseline-build.log", file=sys.stderr)
        return 2
    if not options.no_baseline:
        filters = sorted({m.suites for m in mutants if m.suites})
        if filters:
            status = test("|".join(f"({f})" for f in filters), logs / "baseline-test.log")
            if status != 0:
                print("the unmutated suites fail, so a kill would prove nothing; see baseline-test.log", file=sys.stderr)
                return 2
        for m in mutants:
            if m.run and test(m, logs / f"baseline-{m.id}.log") != 0:
                print(f"{m.id}'s command fails unmutated; see baseline-{m.id}.log", file=sys.stderr)
                return 2

    results = []
    for m in mutants:
        start = time.monotonic()
        apply(m)
        try:
            if m.file.endswith(".swift") and build(logs / f"{m.id}-build.log") != 0:
                outcome = "does not compile"
            else:
                status = test(m, logs / f"{m.id}-test.log")
                outcome = "killed" if status != 0 else ("survived (harmless)" if m.harmless else "survived")
                if status == -1:
                    outcome = "killed (timed out)"
        finally:
            revert(m)
        seconds = time.monotonic() - start
        results.append({"id": m.id, "area": m.area, "title": m.title, "file": m.file, "outcome": outcome,
                        "seconds": round(seconds, 1), "harmless": m.harmless})
        print(f"{m.id} {m.area:12} {outcome:20} {seconds:6.1f} s  {m.title}", flush=True)
    # Leave the build matching the restored sources.
    build(logs / "final-build.log")

    killed = sum(r["outcome"].startswith("killed") for r in results)
    harmless = sum(r["outcome"] == "survived (harmless)" for r in results)
    survived = sum(r["outcome"] == "survived" for r in results)
    broken = [r["id"] for r in results if r["outcome"] == "does not compile"]
    counted = killed + survived
    score = 100.0 * killed / counted if counted else 100.0
    options.results.parent.mkdir(parents=True, exist_ok=True)
    options.results.write_text(json.dumps({"results": results, "killed": killed, "survived": survived,
                                           "harmless": harmless, "score": round(score, 1)}, indent=2) + "\n")
    print(f"mutants: {killed} killed, {survived} survived, {harmless} harmless; score {score:.1f}% (of {counted} that count)")
    for r in results:
        if r["outcome"] == "survived":
            print(f"  survived: {r['id']} {r['title']} ({r['file']})")
    if broken:
        print(f"the catalogue is wrong: {', '.join(broken)} do not compile; fix their replacement", file=sys.stderr)
        return 2
    return 0 if score >= options.min_score else 1


if __name__ == "__main__":
    sys.exit(main())
