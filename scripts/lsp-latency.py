#!/usr/bin/env python3
"""How long `charter lsp` takes from a keystroke to the diagnostics it publishes, and whether
its memory stays flat over many edits. Python standard library only.

Usage:
    python3 scripts/lsp-latency.py --charter BIN --root SITE [--file PAGE.md] [--edits N]

It opens one Markdown page (the first under content/, or --file), then edits it N times
without saving, alternately adding a link to a page that does not exist (the server must
publish a broken-link problem for the page) and taking it away (it must publish none). Each
edit's time runs from sending the change to receiving that page's diagnostics. The first four
edits are left out (the server's first check of the whole site runs then). It prints the
median and the 90th percentile of each kind, and the server's resident memory after the
first quarter of the edits and at the end.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, charter: str, root: pathlib.Path):
        self.process = subprocess.Popen([charter, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1
        self.send({"method": "initialize", "params": {"rootUri": root.as_uri(), "capabilities": {}}}, request=True)
        self.wait(lambda m: m.get("id") == 1)
        self.send({"method": "initialized", "params": {}})

    def send(self, message: dict, request: bool = False) -> None:
        message = {"jsonrpc": "2.0", **message}
        if request:
            message["id"] = self.next_id
            self.next_id += 1
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()

    def read(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("error: the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def wait(self, predicate) -> dict:
        while True:
            message = self.read()
            if predicate(message):
                return message

    def memory_kib(self) -> int:
        for line in pathlib.Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> int:
        self.send({"method": "shutdown"}, request=True)
        self.send({"method": "exit"})
        self.process.stdin.close()
        return self.process.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--charter", required=True)
    parser.add_argument("--root", required=True, type=pathlib.Path)
    parser.add_argument("--file", help="the page to edit, relative to the root")
    parser.add_argument("--edits", type=int, default=40)
    arguments = parser.parse_args()
    root = arguments.root.resolve()
    if arguments.file:
        page = root / arguments.file
    else:
        content = root / "content" if (root / "content").is_dir() else root
        page = sorted(p for p in content.rglob("*.md") if p.name not in ("README.md", "index.md"))[0]
    uri = page.as_uri()
    text = page.read_text()
    lines = text.split("\n")
    line = len(lines) - 1 if lines[-1] else len(lines) - 2
    end = len(lines[line].encode("utf-16-le")) // 2

    server = Server(arguments.charter, root)
    server.send({"method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    added, removed, memory = [], [], []
    link = " [gone](no-such-page-%d.md)"
    for edit in range(arguments.edits):
        adding = edit % 2 == 0
        inserted = link % edit if adding else ""
        change = {"range": {"start": {"line": line, "character": end},
                            "end": {"line": line, "character": end if adding else end + len(link % (edit - 1))}},
                  "text": inserted}
        started = time.perf_counter()
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": edit + 2}, "contentChanges": [change]}})
        server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                    and (len(m["params"]["diagnostics"]) > 0) == adding)
        elapsed = (time.perf_counter() - started) * 1000
        if edit >= 4:
            (added if adding else removed).append(elapsed)
        if edit == arguments.edits // 4:
            memory.append(server.memory_kib())
    memory.append(server.memory_kib())
    code = server.stop()

    def describe(values):
        values = sorted(values)
        return f"median {statistics.median(values):.1f} ms, p90 {values[int(len(values) * 0.9) - 1]:.1f} ms"

    print(f"charter lsp on {root} ({arguments.edits} edits of {page.relative_to(root)})")
    print(f"  a problem added:   {describe(added)}")
    print(f"  a problem removed: {describe(removed)}")
    print(f"  resident memory: {memory[0] / 1024:.1f} MiB after {arguments.edits // 4 + 1} edits, "
          f"{memory[-1] / 1024:.1f} MiB after {arguments.edits}")
    print(f"  exit code after shutdown and exit: {code}")
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
