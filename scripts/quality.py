#!/usr/bin/env python3
"""Browser checks on a built Charter site, run by scripts/quality.sh.

Accessibility: axe-core (WCAG 2.1 A and AA) on key pages, light and dark, in headless Chromium.
Behaviour: open the home page, follow a cross-link to a strategy, search for a playbook by a
word from its body and open the result; over HTTP under a sub-path, then from file://.
Screenshots of key pages at phone and desktop widths, light and dark.
"""
import argparse
import os
import sys

import selenium_axe_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as wait_for
from selenium.webdriver.support.ui import WebDriverWait

AXE = open(os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")).read()
PAGES = {
    "home": "index.html",
    "strategy": "strategies/{strategy}.html",
    "team": "teams/{team}.html",
    "matrix": "responsibilities/index.html",
    "stage": "stages/engagement.html",
    "playbook": "{playbook}",
}


def browser(width, height, dark=False):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return driver


def accessibility(base, pages):
    failures = 0
    for dark in (False, True):
        driver = browser(1366, 900, dark)
        try:
            for name, path in pages.items():
                driver.get(base + path)
                driver.execute_script(AXE)
                result = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                    ".then(done, e => done({violations: [{id: 'axe-error', help: String(e), nodes: []}]}));")
                mode = "dark" if dark else "light"
                for violation in result["violations"]:
                    failures += 1
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    print(f"  axe {mode} {name}: {violation['id']}: {violation['help']} {targets}")
                print(f"  axe {mode} {name}: {len(result['violations'])} violations")
        finally:
            driver.quit()
    return failures


def behaviour(base, strategy, word, expected):
    driver = browser(1366, 900)
    wait = WebDriverWait(driver, 10)
    try:
        driver.get(base + "index.html")
        link = wait.until(wait_for.element_to_be_clickable((By.CSS_SELECTOR, f"main a[href$='strategies/{strategy}.html']")))
        link.click()
        wait.until(wait_for.url_contains(f"strategies/{strategy}.html"))
        heading = driver.find_element(By.TAG_NAME, "h1").text
        print(f"  followed a cross-link from the home page to '{heading}'")
        box = wait.until(wait_for.element_to_be_clickable((By.ID, "search-input")))
        box.click()
        prefix = expected.split()[0][:5].lower()
        box.send_keys(prefix)
        mark = wait.until(wait_for.presence_of_element_located((By.CSS_SELECTOR, "#search-results [role=option] mark")))
        print(f"  searched '{prefix}': the first result highlights '{mark.text}'")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#search-results [role=option]"))
        box.send_keys(word)
        read = ("return Array.from(document.querySelectorAll('#search-results [role=option] a'))"
                ".map(a => a.firstChild ? a.childNodes[0].textContent + (a.childNodes.length > 2 ? a.childNodes[1].textContent : '') : '')")
        wait.until(lambda d: any(title.startswith(expected) for title in d.execute_script(read)))
        titles = [title.strip() for title in driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results [role=option] a')).map(a => a.innerText.split('\\n')[0])")]
        print(f"  searched '{word}': {titles[:5]}")
        index = next(i for i, title in enumerate(titles) if title.upper().startswith(expected.upper()))
        for _ in range(index + 1):
            box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ENTER)
        wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == expected)
        print(f"  opened the result with the keyboard: '{driver.find_element(By.TAG_NAME, 'h1').text}'")
        return 0
    except Exception as error:
        print(f"  FAILED on {driver.current_url}: {type(error).__name__}: {error}")
        return 1
    finally:
        driver.quit()


def screenshots(base, pages, folder):
    os.makedirs(folder, exist_ok=True)
    for width, height, device in ((390, 844, "phone"), (1366, 900, "desktop")):
        for dark in (False, True):
            driver = browser(width, height, dark)
            try:
                for name, path in pages.items():
                    driver.get(base + path)
                    full = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(width, min(max(full, height), 4000))
                    driver.save_screenshot(os.path.join(folder, f"{name}-{device}-{'dark' if dark else 'light'}.png"))
                    driver.set_window_size(width, height)
            finally:
                driver.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--http", required=True, help="base URL of the site served under a sub-path, ending in /")
    parser.add_argument("--file", required=True, help="file:// URL of the site, ending in /")
    parser.add_argument("--strategy", required=True)
    parser.add_argument("--team", required=True)
    parser.add_argument("--playbook", required=True)
    parser.add_argument("--search-word", required=True)
    parser.add_argument("--search-title", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    pages = {name: path.format(strategy=args.strategy, team=args.team, playbook=args.playbook) for name, path in PAGES.items()}

    print("== Accessibility (axe-core, WCAG 2.1 AA)")
    failures = accessibility(args.http, pages)
    print("== Behaviour over HTTP under a sub-path")
    failures += behaviour(args.http, args.strategy, args.search_word, args.search_title)
    print("== Behaviour from file://")
    failures += behaviour(args.file, args.strategy, args.search_word, args.search_title)
    print("== Screenshots")
    screenshots(args.http, pages, args.screenshots)
    print(f"  written to {args.screenshots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
