#!/usr/bin/env python3
"""Measures `charter serve`: the time from an edit on disk to the `reload` event a page hears,
and the server's memory as edits go on.

Usage: serve_latency.py CHARTER SITE_ROOT [--edits N] [--kind text|title]

Starts `charter serve --port 0` on SITE_ROOT, holds /_charter/events open as a page does, and
makes N edits, one at a time, each saved as editors save (a temporary file renamed over the
page): `text` appends a sentence to a random playbook (the common edit), `title` changes a
page's first heading (which every page's navigation shows). For each edit it takes the time
from the rename to the arrival of `event: reload`. Prints the median, the 90th percentile and
the extremes, and the server's resident memory after 10 edits and after the last.
"""
import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time


def start(charter, root):
    server = subprocess.Popen([charter, "serve", "--root", root, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    began = time.monotonic()
    for line in server.stdout:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            return server, int(found.group(1)), time.monotonic() - began
    sys.exit("charter serve did not start: " + "".join(server.stdout.readlines()[-5:]))


class Events:
    """A client of the event stream, as the live-reload script is."""

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.sendall(b"GET /_charter/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.buffer = b""

    def wait(self, name, timeout=120):
        """Seconds until the next event called `name`, by the monotonic clock."""
        deadline = time.monotonic() + timeout
        marker = f"event: {name}\n".encode()
        while time.monotonic() < deadline:
            position = self.buffer.find(marker)
            if position >= 0:
                self.buffer = self.buffer[position + len(marker):]
                return time.monotonic()
            self.socket.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = self.socket.recv(65536)
            if not chunk:
                break
            self.buffer += chunk
        sys.exit(f"no '{name}' event within {timeout} s")

    def drain(self):
        self.socket.settimeout(0.2)
        try:
            while self.socket.recv(65536):
                pass
        except (socket.timeout, BlockingIOError):
            pass
        self.buffer = b""


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def save(path, text):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("charter")
    parser.add_argument("root")
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--kind", choices=["text", "title"], default="text")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report-every", type=int, default=100, help="print the server's memory every N edits")
    arguments = parser.parse_args()

    pages = []
    for folder, _, names in os.walk(arguments.root):
        if "/." in folder or "/_site" in folder:
            continue
        pages += [os.path.join(folder, name) for name in names
                  if name.endswith(".md") and name not in ("index.md", "README.md") and "/strategies" not in folder]
    pages.sort()
    random.seed(arguments.seed)

    server, port, startup = start(arguments.charter, arguments.root)
    try:
        events = Events(port)
        time.sleep(0.5)
        events.drain()
        times = []
        memory_after_10 = None
        for number in range(1, arguments.edits + 1):
            page = random.choice(pages)
            text = open(page, encoding="utf-8").read()
            if arguments.kind == "text":
                # The page's last edit is replaced, so that the site keeps its size however many
                # edits are made: memory that grows then is memory that leaks.
                base = re.sub(r"\nLatest edit: .*\n$", "", text)
                while True:
                    sentence = "Latest edit: a sentence about the " + " and the ".join(
                        random.sample(["harbour", "signal", "ledger", "tide", "beacon", "keel"], 2)) + ".\n"
                    if base + "\n" + sentence != text:
                        break
                text = base + "\n" + sentence
            else:
                text = re.sub(r"(?m)^# (.*)$", lambda m: f"# {m.group(1).split(' (')[0]} ({number})", text, count=1)
            saved = time.monotonic()
            save(page, text)
            heard = events.wait("reload")
            times.append(heard - saved)
            # Let the status event that follows the reload arrive before the next edit.
            time.sleep(0.05)
            events.drain()
            if number == 10:
                memory_after_10 = resident_kib(server.pid)
            if number % arguments.report_every == 0:
                print(f"  after {number} edits: resident memory {resident_kib(server.pid) / 1024:.1f} MiB", flush=True)
        memory_after_all = resident_kib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    times.sort()
    milliseconds = [t * 1000 for t in times]
    p90 = milliseconds[max(0, int(len(milliseconds) * 0.9) - 1)]
    print(f"first build and listening: {startup:.2f} s")
    print(f"{arguments.kind} edit -> reload event, {len(times)} edits: median {statistics.median(milliseconds):.0f} ms, "
          f"p90 {p90:.0f} ms, min {milliseconds[0]:.0f} ms, max {milliseconds[-1]:.0f} ms")
    if memory_after_10 is not None:
        print(f"resident memory after 10 edits: {memory_after_10 / 1024:.1f} MiB; "
              f"after {len(times)}: {memory_after_all / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
