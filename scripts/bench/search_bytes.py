#!/usr/bin/env python3
"""What a search costs the reader: bytes and requests a query loads, in headless Chromium.

For a Charter site: serves it over HTTP on the loopback address, counting the bytes of every
response; opens its home page in a fresh browser and types a first word into the search box
(counting everything under search/ until the results are on screen; the box's script,
search.js, comes with every page and is reported apart), then a
second word with another first letter (counting what it adds), then measures, with the index
loaded, the time from the last keystroke of a third query to its results. Also prints the
index's size on disk.

For Pagefind (--pagefind SITE, a site Pagefind has indexed): the same first query through
Pagefind's own API, as its UI makes it (its script, worker, wasm and metadata, the index
chunks the word needs, and five result fragments), counting everything under pagefind/.

Prints one line per measure and, with --json, writes them to a file.
Usage: search_bytes.py --charter SITE [--pagefind SITE] --first WORD --second WORD [--json FILE]
"""
import argparse
import functools
import http.server
import json
import os
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


class Counter:
    """Bytes and requests served, by path, since the last reset."""

    def __init__(self):
        self.lock = threading.Lock()
        self.served = []

    def add(self, path, size):
        with self.lock:
            self.served.append((path, size))

    def take(self, wanted):
        with self.lock:
            chosen = [(path, size) for path, size in self.served if wanted(path)]
            self.served = []
        return sum(size for _, size in chosen), len(chosen), chosen


def serve(folder, counter):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}

        def log_message(self, *args):
            pass

        def copyfile(self, source, destination):
            data = source.read()
            destination.write(data)
            counter.add(self.path.split("?")[0], len(data))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


def size_on_disk(folder):
    total = files = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(directory, name))
            files += 1
    return total, files


# Resolves once the list shows results for the query typed: its options and the status line.
RESULTS = """
const done = arguments[arguments.length - 1];
const start = performance.now();
(function poll() {
  const options = document.querySelectorAll('#search-results [role=option]').length;
  const status = document.querySelector('.search-status').textContent;
  if (options > 0 && status) return done([options, status]);
  if (performance.now() - start > 30000) return done([0, 'timed out']);
  setTimeout(poll, 5);
})();
"""

# With the index loaded: the time from the input event of a query to its first result on screen.
LATENCY = """
const done = arguments[arguments.length - 1];
const input = document.getElementById('search-input'), list = document.getElementById('search-results');
input.value = '';
input.dispatchEvent(new Event('input'));
setTimeout(() => {
  let start;
  const observer = new MutationObserver(() => {
    if (list.querySelector('[role=option]')) { observer.disconnect(); done(performance.now() - start); }
  });
  observer.observe(list, {childList: true});
  input.value = arguments[0];
  start = performance.now();
  input.dispatchEvent(new Event('input'));
}, 300);
"""


def charter(site, first, second, results):
    counter = Counter()
    server, base = serve(site, counter)
    driver = browser()
    # The box's script comes with every page; what a query loads is under search/.
    searching = lambda path: "/search/" in path
    script = os.path.getsize(os.path.join(site, "assets", "search.js"))
    results["charter_search_script_bytes"] = script
    try:
        driver.get(base + "index.html")
        counter.take(lambda path: True)
        box = driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys(first)
        shown, status = WebDriverWait(driver, 60).until(lambda d: d.execute_async_script(RESULTS))
        time.sleep(0.5)  # the rest of the visible results' files
        size, requests, _ = counter.take(searching)
        results["charter_first_query"] = {"word": first, "bytes": size, "requests": requests, "status": status}
        print(f"Charter, first query '{first}': {size / 1024:.0f} KB in {requests} requests ({status}); "
              f"{(size + script) / 1024:.0f} KB with the box's script ({script / 1024:.0f} KB), which every page loads")
        box.send_keys(*(["\b"] * len(first)))
        time.sleep(0.3)
        counter.take(lambda path: True)
        box.send_keys(second)
        shown, status = WebDriverWait(driver, 60).until(lambda d: d.execute_async_script(RESULTS))
        time.sleep(0.5)
        size, requests, _ = counter.take(searching)
        results["charter_second_query"] = {"word": second, "bytes": size, "requests": requests, "status": status}
        print(f"Charter, second query '{second}' (another first letter): {size / 1024:.0f} KB in {requests} requests ({status})")
        latencies = sorted(driver.execute_async_script(LATENCY, word) for word in (first, second, first, second, first))
        results["charter_keystroke_to_results_ms"] = round(latencies[len(latencies) // 2], 1)
        print(f"Charter, last keystroke to results with the index loaded (median of 5, 40 ms of it the typing pause): "
              f"{latencies[len(latencies) // 2]:.0f} ms")
    finally:
        driver.quit()
        server.shutdown()
    size, files = size_on_disk(os.path.join(site, "search"))
    results["charter_index_on_disk"] = {"bytes": size, "files": files}
    print(f"Charter, index on disk: {size / 1e6:.1f} MB in {files} files")


PAGEFIND_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pagefind query</title></head><body>
<script type="module">
window.query = async (word) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const search = await pagefind.search(word);
  const shown = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
  return [search.results.length, shown.length];
};
</script></body></html>
"""


def pagefind(site, first, results):
    page = os.path.join(site, "search-bytes-query.html")
    with open(page, "w") as handle:
        handle.write(PAGEFIND_PAGE)
    counter = Counter()
    server, base = serve(site, counter)
    driver = browser()
    try:
        driver.get(base + "search-bytes-query.html")
        counter.take(lambda path: True)
        found, shown = driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; window.query(arguments[0]).then(done, e => done([String(e), 0]));", first)
        time.sleep(0.5)
        size, requests, _ = counter.take(lambda path: "/pagefind/" in path)
        results["pagefind_first_query"] = {"word": first, "bytes": size, "requests": requests, "results": found}
        print(f"Pagefind, first query '{first}': {size / 1024:.0f} KB in {requests} requests ({found} results, {shown} shown)")
    finally:
        driver.quit()
        server.shutdown()
        os.remove(page)
    size, files = size_on_disk(os.path.join(site, "pagefind"))
    results["pagefind_index_on_disk"] = {"bytes": size, "files": files}
    print(f"Pagefind, index on disk: {size / 1e6:.1f} MB in {files} files")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--charter", required=True, help="a site charter built")
    parser.add_argument("--pagefind", help="a site Pagefind indexed (its pagefind/ folder)")
    parser.add_argument("--first", required=True)
    parser.add_argument("--second", required=True)
    parser.add_argument("--json")
    args = parser.parse_args()
    results = {}
    charter(args.charter, args.first, args.second, results)
    if args.pagefind:
        pagefind(args.pagefind, args.first, results)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(results, handle, indent=2)
            handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
