#!/usr/bin/env python3
"""Drives `charter serve` in headless Chromium, as an author would use it.

On a copy of the example site: open a served playbook, keep the browser untouched, and
  1. change the playbook on disk: the page shows the new text by itself, scrolled where it was;
  2. break the playbook (a link to a page that does not exist): the page keeps its content and
     shows the error overlay, which names the file and the code, takes the focus, and closes
     with Escape;
  3. fix it: the overlay goes away by itself and the fixed text is shown, and the search box
     finds the fixed text's new word;
  4. change only the stylesheet: the new rule applies without the page reloading.

Usage: scripts/serve-check.py CHARTER SITE_COPY
Exits non-zero, saying which step failed, when the page does not do what is expected.
"""
import os
import re
import signal
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

PLAYBOOK = "content/playbooks/planning/listening-plan.md"
PAGE = "playbooks/planning/listening-plan.html"
# How long the page may take to follow a change: the rebuild plus the browser's reload, on a
# loaded 2-core machine. The figure measured is printed.
PATIENCE = 30


def fail(step, why):
    print(f"serve-check: FAILED at {step}: {why}", file=sys.stderr)
    sys.exit(1)


def start(charter, site):
    server = subprocess.Popen(
        [charter, "serve", "--root", site, "--port", "0", "--today", "2026-11-23"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            return server, found.group(1)
    server.kill()
    fail("start", "charter serve did not print its URL")


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def write(site, relative, text):
    """Saves as many editors do: a temporary file beside it, then a rename over it."""
    path = os.path.join(site, relative)
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main():
    charter, site = sys.argv[1], sys.argv[2]
    original = open(os.path.join(site, PLAYBOOK), encoding="utf-8").read()
    server, url = start(charter, site)
    driver = browser()
    try:
        # A live page reloads under the checks: an element found just before a reload is stale
        # by the time its text is read. That is a moment to poll again, not a failure.
        wait = WebDriverWait(driver, PATIENCE, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
        driver.get(url + PAGE)
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        # A marker on the window survives only as long as the page is not reloaded.
        driver.execute_script("window.charterCheck = 'same page'; window.scrollTo(0, 400);")

        # 1. A change on disk shows up by itself, at the same scroll position.
        marker = "Serve check: a sentence added while the page was open."
        write(site, PLAYBOOK, original.rstrip("\n") + "\n\n" + marker + "\n")
        began = time.monotonic()
        try:
            wait.until(lambda d: marker in d.find_element(By.TAG_NAME, "main").text)
        except Exception:
            fail("edit", f"the new sentence did not appear within {PATIENCE} s")
        print(f"  edit on disk -> new text on the open page: {time.monotonic() - began:.2f} s")
        scrolled = driver.execute_script("return Math.round(window.scrollY)")
        if abs(scrolled - 400) > 2:
            fail("edit", f"the page reloaded at scroll position {scrolled}, not 400")

        # 2. A broken edit: the page stays, the overlay lists the error and takes the focus.
        write(site, PLAYBOOK, original.rstrip("\n") + "\n\nSee [the missing page](no-such-page.md).\n")
        try:
            overlay = wait.until(lambda d: d.find_element(By.ID, "charter-overlay"))
        except Exception:
            fail("broken edit", f"no error overlay within {PATIENCE} s")
        text = overlay.text
        for expected in (PLAYBOOK, "no-such-page.md", "CH"):
            if expected not in text:
                fail("broken edit", f"the overlay does not mention {expected!r}: {text!r}")
        if marker not in driver.find_element(By.TAG_NAME, "main").text:
            fail("broken edit", "the last good page is no longer shown under the overlay")
        focused = driver.execute_script(
            "return document.getElementById('charter-overlay').contains(document.activeElement)")
        if not focused:
            fail("broken edit", "the overlay did not take the keyboard focus")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        try:
            WebDriverWait(driver, 5, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
                lambda d: not d.find_elements(By.ID, "charter-overlay")
                or not d.find_element(By.ID, "charter-overlay").is_displayed())
        except Exception:
            fail("broken edit", "Escape did not close the overlay")
        print("  broken edit -> overlay with the file and code; Escape closes it")

        # 3. Fixing it clears the overlay and shows the fixed page.
        fixed = "Serve check: the link is fixed, quillwort and all."
        write(site, PLAYBOOK, original.rstrip("\n") + "\n\n" + fixed + "\n")
        try:
            wait.until(lambda d: fixed in d.find_element(By.TAG_NAME, "main").text)
            wait.until(lambda d: not d.find_elements(By.ID, "charter-overlay")
                       or not d.find_element(By.ID, "charter-overlay").is_displayed())
        except Exception:
            fail("fix", "the fixed text did not appear, or the overlay stayed")
        print("  fix -> overlay gone, fixed text shown")
        # The search box finds the fixed text's new word: the preview remade the index's files.
        found = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.charterSearchQuery('quillwort', {}, 3).then(done, e => done({results: [], error: String(e)}));")
        paths = [result["path"] for result in found["results"]]
        if paths[:1] != [PAGE]:
            fail("search", f"searching the fixed text's new word 'quillwort' found {paths} {found.get('error', '')}")
        print("  search -> the new word finds the edited page")

        # 4. A stylesheet-only change applies without a reload.
        driver.execute_script("window.charterCheck = 'before the stylesheet'")
        stylesheet = os.path.join(site, "Templates", "assets", "charter.css")
        if not os.path.exists(stylesheet):
            fail("stylesheet", f"the copy has no {stylesheet}")
        with open(stylesheet, "a", encoding="utf-8") as handle:
            handle.write("\nmain { outline: 3px solid rgb(1, 2, 3); }\n")
        try:
            wait.until(lambda d: d.execute_script(
                "return getComputedStyle(document.querySelector('main')).outlineColor") == "rgb(1, 2, 3)")
        except Exception:
            fail("stylesheet", "the new stylesheet rule did not apply")
        if driver.execute_script("return window.charterCheck") != "before the stylesheet":
            fail("stylesheet", "the page reloaded for a stylesheet-only change")
        print("  stylesheet change -> applied without a reload")
    finally:
        driver.quit()
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            fail("stop", "charter serve did not stop within 20 s of SIGTERM")
    if code != 0:
        fail("stop", f"charter serve exited with {code} on SIGTERM")
    print("  SIGTERM -> exit 0")


if __name__ == "__main__":
    main()
