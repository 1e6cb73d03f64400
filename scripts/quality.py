#!/usr/bin/env python3
"""Browser checks on a built Charter site, run by scripts/quality.sh.

Accessibility: axe-core (WCAG 2.1 A and AA) on every page of the site, light and dark, in
headless Chromium. A page is audited only once it is known to be the page asked for (its own
URL, answered with 200, not the site's 404 page). Colour-contrast checks that axe cannot decide
(its "incomplete" results, such as text over a gradient) fail too, unless each is in the
reviewed list given with --reviewed-contrast, with the reason it was judged readable.
Layout: home, a strategy, the matrix, a team, the organisation page, an external party, the
"you said, we did" log and every playbook with a table, on an emulated
phone (390 px wide) and a desktop (1280 px): no page is wider than the screen, and every table
too wide for it scrolls inside itself; the search box shows an excerpt of a page's body around
a word found only there, on the phone too.
Behaviour: open the home page, follow a cross-link to a strategy, search for a playbook by a
word from its body, see the word in the result's excerpt and open the result with the
keyboard; search for a misspelt word and an unaccented one, and with a kind filter chosen from
the keyboard, and run axe with the filters open; over HTTP under a sub-path, then from file://.
Search relevance: every query of Tests/search/relevance.tsv ranks the page meant within its rank.
Screenshots of key pages at phone and desktop widths, light and dark.
"""
import argparse
import base64
import fnmatch
import os
import re
import sys
import urllib.parse

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
    "responsibility": "responsibilities/governance.html",
    "stage": "stages/engagement.html",
    "playbook": "{playbook}",
    "organisation": "organisation.html",
    "party": "{party}",
    "market-log": "you-said-we-did.html",
}
# A phone is emulated: a headless window cannot be narrower than 500 px.
PHONE = (390, 844)
DESKTOP = (1280, 800)


def browser(dark=False):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    # axe on the long print page takes more than the default 30 s on a loaded machine.
    driver.set_script_timeout(180)
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return driver


def viewport(driver, size):
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})


def site_pages(folder):
    """Every HTML page of the built site, as paths from its top."""
    pages = []
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(directory, name), folder))
    return sorted(pages)


def playbooks_with_tables(folder):
    """The Markdown pages whose body has a table."""
    found = []
    for path in site_pages(folder):
        html = open(os.path.join(folder, path), encoding="utf-8").read()
        if re.search(r'<body class="kind-(page|section)"', html) and "<table" in html.split('<main id="main">', 1)[-1]:
            found.append(path)
    return found


LOADED = """
const navigation = performance.getEntriesByType('navigation')[0];
return [location.href, document.readyState, navigation ? navigation.responseStatus : null, document.body ? document.body.className : ''];
"""
NOT_FOUND = "404.html"
NOT_FOUND_CLASS = "kind-404"


def loaded(driver, url, path):
    """Why the page at url is not the page asked for (None when it is): it must be the very
    URL asked for, answered with 200, fully loaded, and not the site's 404 page (unless that
    is the page asked for)."""
    href, state, status, body = driver.execute_script(LOADED)
    if href != url:
        return f"asked for {url}, the browser is at {href}"
    if state != "complete":
        return f"the page is still {state}"
    if status is not None and status != 200 and url.startswith("http"):
        return f"the server answered {status}"
    if path != NOT_FOUND and NOT_FOUND_CLASS in body.split():
        return "the site's 404 page was shown instead"
    return None


def reviewed_contrast(path):
    """The reviewed list of colour-contrast checks axe cannot decide, as (page pattern, mode
    pattern, axe's reason key, element pattern) -> the reason a person judged them readable."""
    entries = {}
    for number, line in enumerate(open(path, encoding="utf-8"), start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or not all(field.strip() for field in fields):
            raise SystemExit(f"{path}:{number}: expected five tab-separated fields: page, mode, axe's reason key, element, and why it is fine")
        page, mode, key, element, reason = (field.strip() for field in fields)
        if element == "*":
            raise SystemExit(f"{path}:{number}: name the elements the review covers (a CSS selector), not every element")
        entries[(page, mode, key, element)] = reason
    return entries


def review_of(reviewed, path, mode, key, matches):
    """The reviewed entry that covers an undecided check, if any: its pages, mode and axe's key
    match, and the element matches its CSS selector (`matches(selector)` asks the browser)."""
    return next((entry for entry in reviewed
                 if fnmatch.fnmatchcase(path, entry[0]) and fnmatch.fnmatchcase(mode, entry[1]) and entry[2] == key
                 and matches(entry[3])), None)


# Whether the element axe names by `target` (its selector list, one per frame) matches a CSS
# selector, for the reviewed list's element field.
ELEMENT_MATCHES = (
    "const target = arguments[0];"
    "const element = document.querySelector(Array.isArray(target) ? target[target.length - 1] : target);"
    "return element !== null && element.matches(arguments[1]);"
)


def run_axe(driver):
    """axe-core's WCAG 2.1 A and AA rules on the page as it is now: its violations and the
    checks it could not decide."""
    driver.execute_script(AXE)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(done, e => done({violations: [{id: 'axe-error', help: String(e), nodes: []}], incomplete: []}));")


def accessibility(base, pages, reviewed, every_entry_used=True):
    """axe on every page, light and dark. Violations fail; so do colour-contrast checks axe
    could not decide (its "incomplete" results) unless each is in the reviewed list."""
    failures = 0
    used = {}
    for dark in (False, True):
        mode = "dark" if dark else "light"
        driver = browser(dark)
        viewport(driver, DESKTOP)
        clean = 0
        try:
            for path in pages:
                url = base + path
                driver.get(url)
                problem = loaded(driver, url, path)
                if problem:
                    failures += 1
                    print(f"  FAILED axe {mode} {path}: not audited: {problem}")
                    continue
                result = run_axe(driver)
                for violation in result["violations"]:
                    failures += 1
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    print(f"  axe {mode} {path}: {violation['impact'] if 'impact' in violation else ''} "
                          f"{violation['id']}: {violation['help']} {targets}")
                undecided = 0
                for check in result["incomplete"]:
                    if check["id"] != "color-contrast":
                        continue
                    for node in check["nodes"]:
                        target = " ".join(node["target"])
                        matches = lambda selector, node=node: driver.execute_script(ELEMENT_MATCHES, node["target"], selector)
                        reasons = [item for item in node.get("any", []) if item.get("id") == "color-contrast"] or node.get("any", [])
                        key = ((reasons[0].get("data") or {}).get("messageKey") if reasons else None) or "unknown"
                        entry = review_of(reviewed, path, mode, key, matches)
                        if entry:
                            used[entry] = used.get(entry, 0) + 1
                            continue
                        undecided += 1
                        why = "; ".join(item.get("message", "") for item in reasons)
                        print(f"  axe {mode} {path}: colour contrast not decided and not reviewed: {target}: {key}: {why}")
                failures += undecided
                clean += not result["violations"] and not undecided
        finally:
            driver.quit()
        print(f"  axe {mode}: {clean} of {len(pages)} pages without a violation or an unreviewed contrast check")
    for entry in sorted(reviewed):
        print(f"  reviewed, not failed: {used.get(entry, 0)} undecided contrast checks of kind '{entry[2]}' "
              f"on {entry[3]} (pages {entry[0]}, {entry[1]}): {reviewed[entry]}")
        if not used.get(entry) and every_entry_used:
            failures += 1
            print(f"  FAILED: the reviewed entry for '{entry[2]}' on {entry[3]} (pages {entry[0]}, {entry[1]}) matched nothing: remove it")
    return failures


OVERFLOW = """
const page = [document.documentElement.scrollWidth, innerWidth];
// Tables and scroll areas wider than their box must scroll, so that every column can be reached.
const stuck = Array.from(document.querySelectorAll('main table, main .scroll-x'))
  .filter(t => t.scrollWidth > t.clientWidth + 1 && !['auto', 'scroll'].includes(getComputedStyle(t).overflowX)
               && !t.closest('.scroll-x:not(table)') )
  .map(t => t.className || t.tagName);
const wide = Array.from(document.querySelectorAll('main *'))
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.scroll-x, table, pre'))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
return [page, stuck, wide];
"""


def layout(base, pages):
    """No page is wider than a phone's or a desktop's screen; wide tables scroll inside themselves."""
    failures = 0
    driver = browser()
    try:
        for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
            viewport(driver, size)
            fits = 0
            for path in pages:
                driver.get(base + path)
                problem = loaded(driver, base + path, path)
                if problem:
                    failures += 1
                    print(f"  FAILED {name} {path}: not measured: {problem}")
                    continue
                (width, inner), stuck, wide = driver.execute_script(OVERFLOW)
                if width > inner or stuck:
                    failures += 1
                    print(f"  FAILED {name} {size[0]} px {path}: the page is {width} px wide for a {inner} px screen"
                          f"{'; too wide: ' + ', '.join(wide) if wide else ''}"
                          f"{'; tables that do not scroll: ' + ', '.join(stuck) if stuck else ''}")
                else:
                    fits += 1
            print(f"  {name} ({size[0]} px): {fits} of {len(pages)} pages fit the screen")
    finally:
        driver.quit()
    return failures


# A result's title as shown: the text of its title element without the kind label inside it.
TITLE_OF = "(t => Array.from(t.childNodes).filter(n => !(n.classList && n.classList.contains('search-kind'))).map(n => n.textContent).join(''))"
# Every result's title, in order.
TITLES = "Array.from(document.querySelectorAll('#search-results .search-title')).map(" + TITLE_OF + ")"


def search_excerpt(driver, wait, word, expected, mark=None):
    """Types the word into the search box; returns the excerpt shown under the expected title,
    with the word marked (or `mark`, the form the text has)."""
    box = wait.until(wait_for.element_to_be_clickable((By.ID, "search-input")))
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(word)
    read = ("return Array.from(document.querySelectorAll('#search-results [role=option]')).map(o => ["
            + TITLE_OF + "(o.querySelector('.search-title')), o.querySelector('.search-summary').innerText, "
            "Array.from(o.querySelectorAll('.search-summary mark')).map(m => m.textContent)])")

    def excerpt(d):
        for title, text, marks in d.execute_script(read):
            shown = (mark or word).lower()
            if title.upper().startswith(expected.upper()) and shown in text.lower() \
                    and any(found.lower().startswith(shown) for found in marks):
                return text
        return False
    return box, wait.until(excerpt)


def behaviour(base, strategy, word, expected):
    driver = browser()
    viewport(driver, DESKTOP)
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
        # A word found only in the playbook's body, typed in part and then whole: the result
        # shows the words around it, marked.
        for typed in (word[:max(4, len(word) - 3)], word):
            box, text = search_excerpt(driver, wait, typed, expected)
            print(f"  searched '{typed}': '{expected}' shows the excerpt '{text}'")
        titles = [title.strip() for title in driver.execute_script(
            "return " + TITLES)]
        index = next(i for i, title in enumerate(titles) if title.upper().startswith(expected.upper()))
        for _ in range(index + 1):
            box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ENTER)
        wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == expected)
        print(f"  opened the result with the keyboard: '{driver.find_element(By.TAG_NAME, 'h1').text}'")
        return search_gates(driver, wait, base)
    except Exception as error:
        print(f"  FAILED on {driver.current_url}: {type(error).__name__}: {error}")
        return 1
    finally:
        driver.quit()


def search_gates(driver, wait, base):
    """The search box's gates on the example: a misspelt word is corrected and says so; an
    unaccented word finds its accented form and marks it; a query filtered from the keyboard
    lists only that kind; axe finds nothing with the filters open and results on screen."""
    failures = 0
    driver.get(base + "index.html")
    box = wait.until(wait_for.element_to_be_clickable((By.ID, "search-input")))
    note_and_titles = ("return [document.querySelector('.search-note').hidden ? '' : document.querySelector('.search-note').textContent,"
                       " " + TITLES + ","
                       " Array.from(document.querySelectorAll('#search-results [role=option] .search-kind')).map(k => k.textContent),"
                       " document.querySelector('.search-status').textContent]")

    def typed(word):
        box.click()
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
        box.send_keys(word)

    typed("govrenance")
    note, titles, _, status = wait.until(lambda d: (lambda r: r if r[0] and r[1] else False)(d.execute_script(note_and_titles)))
    if "governance" not in note or not titles or titles[0].strip().lower() != "governance":
        failures += 1
        print(f"  FAILED: 'govrenance' shows the note '{note}' and the results {titles[:3]}")
    else:
        print(f"  searched 'govrenance': '{note}', first '{titles[0].strip()}' (status: '{status}')")
    box, text = search_excerpt(driver, wait, "cafe", "Street champions", mark="café")
    print(f"  searched 'cafe': 'Street champions' shows the excerpt '{text}'")

    # Ten results at first; scrolling the list to its end shows ten more.
    typed("community")
    count = "return document.querySelectorAll('#search-results [role=option]').length"
    wait.until(lambda d: d.execute_script(count) == 10)
    driver.execute_script("const list = document.getElementById('search-results'); list.scrollTop = list.scrollHeight;")
    wait.until(lambda d: d.execute_script(count) == 20)
    print(f"  searched 'community': 10 results, then 20 once the list is scrolled to its end "
          f"(status: '{driver.execute_script(note_and_titles)[3]}')")

    # The kind filter, from the keyboard: Tab from the box to the filters' summary, Enter opens
    # them, Tab to the kind list, type the kind's name, Tab back past the lists to the box.
    typed("")
    box.send_keys(Keys.TAB)
    summary = driver.switch_to.active_element
    if summary.tag_name != "summary":
        failures += 1
        print(f"  FAILED: Tab from the search box reaches a {summary.tag_name}, not the filters")
        return failures
    summary.send_keys(Keys.ENTER)
    summary.send_keys(Keys.TAB)
    kind = driver.switch_to.active_element
    wait.until(lambda d: len(kind.find_elements(By.TAG_NAME, "option")) > 1)
    label = driver.execute_script("return Array.from(arguments[0].options).find(o => o.value === 'strategy').textContent", kind)
    kind.send_keys(label)
    chosen = driver.execute_script("return arguments[0].value", kind)
    if chosen != "strategy":
        failures += 1
        print(f"  FAILED: typing '{label}' in the kind filter chose '{chosen}'")
    typed("community")
    _, titles, kinds, status = wait.until(lambda d: (lambda r: r if r[1] else False)(d.execute_script(note_and_titles)))
    if set(kinds) != {label}:
        failures += 1
        print(f"  FAILED: 'community' filtered to the kind '{label}' lists the kinds {sorted(set(kinds))}")
    else:
        print(f"  searched 'community' filtered to '{label}' from the keyboard: {len(titles)} results, all of that kind (status: '{status}')")
    result = run_axe(driver)
    for violation in result["violations"]:
        failures += 1
        print(f"  FAILED axe with the filters open: {violation['id']}: {violation['help']} "
              f"{[', '.join(node['target']) for node in violation['nodes'][:3]]}")
    if not result["violations"]:
        print("  axe with the filters open and results on screen: 0 violations")
    return failures


def relevance(base, path):
    """Every query of the relevance set, through the site's own search.js: the page meant must
    come within its rank."""
    driver = browser()
    failures = 0
    try:
        driver.get(base + "index.html")
        queries = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip() and not line.startswith("#")]
        for query, page, most in queries:
            found = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "window.charterSearchQuery(arguments[0], {}, 10).then(done, e => done({results: [], error: String(e)}));", query)
            paths = [result["path"] for result in found["results"]]
            rank = paths.index(page) + 1 if page in paths else None
            if rank is None or rank > int(most):
                failures += 1
                print(f"  FAILED: '{query}' ranks {page} {rank or 'nowhere in the first 10'}, wanted at most {most}; "
                      f"first: {[result['title'] for result in found['results'][:3]]}")
        print(f"  {len(queries) - failures} of {len(queries)} queries put the page meant within its rank")
    finally:
        driver.quit()
    return failures


def phone_search(base, word, expected):
    """On a phone the results fit the screen and show the excerpt too."""
    driver = browser()
    viewport(driver, PHONE)
    wait = WebDriverWait(driver, 10)
    try:
        driver.get(base + "index.html")
        _, text = search_excerpt(driver, wait, word, expected)
        right, inner, width = driver.execute_script(
            "return [document.getElementById('search-results').getBoundingClientRect().right, innerWidth,"
            " document.documentElement.scrollWidth]")
        if right > inner + 1 or width > inner:
            print(f"  FAILED: on a {inner} px phone the search results reach {right:.0f} px")
            return 1
        print(f"  on a {inner} px phone, '{word}' shows '{text}' within the screen")
        return 0
    except Exception as error:
        print(f"  FAILED on a phone at {driver.current_url}: {type(error).__name__}: {error}")
        return 1
    finally:
        driver.quit()


def screenshots(base, pages, folder):
    os.makedirs(folder, exist_ok=True)
    failures = 0
    for device, size in (("phone", PHONE), ("desktop", DESKTOP)):
        for dark in (False, True):
            driver = browser(dark)
            try:
                for name, path in pages.items():
                    viewport(driver, size)
                    driver.get(base + path)
                    problem = loaded(driver, base + path, path)
                    if problem:
                        failures += 1
                        print(f"  FAILED screenshot {name} {path}: {problem}")
                        continue
                    full = driver.execute_script("return document.documentElement.scrollHeight")
                    viewport(driver, (size[0], min(max(full, size[1]), 6000)))
                    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
                    with open(os.path.join(folder, f"{name}-{device}-{'dark' if dark else 'light'}.png"), "wb") as file:
                        file.write(base64.b64decode(shot["data"]))
            finally:
                driver.quit()
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--http", help="base URL of the site served under a sub-path, ending in /")
    parser.add_argument("--file", required=True, help="file:// URL of the site, ending in /")
    parser.add_argument("--strategy")
    parser.add_argument("--team")
    parser.add_argument("--playbook")
    parser.add_argument("--search-word", help="a word found only in the body of one playbook")
    parser.add_argument("--search-title", help="that playbook's title")
    parser.add_argument("--screenshots")
    parser.add_argument("--relevance", default=os.path.join(os.path.dirname(__file__), "..", "Tests", "search", "relevance.tsv"),
                        help="the search relevance set: query, page meant, rank it must have at most")
    parser.add_argument("--reviewed-contrast", required=True,
                        help="the reviewed list of colour-contrast checks axe cannot decide, with a reason for each")
    parser.add_argument("--gates", metavar="PAGE,PAGE,...",
                        help="only axe (light and dark) and the layout gate, on these pages of the site at --file: "
                             "the run for each translation of the example and for the right-to-left fixture")
    parser.add_argument("--search-only", action="store_true",
                        help="only the search gates and the relevance set, from --file (scripts/search-check.sh)")
    args = parser.parse_args()
    if args.search_only:
        print("== Search from file://")
        failures = behaviour(args.file, args.strategy, args.search_word, args.search_title)
        print("== Search relevance (Tests/search/relevance.tsv)")
        failures += relevance(args.file, args.relevance)
        return 1 if failures else 0
    if args.gates:
        pages = args.gates.split(",")
        print(f"== Accessibility (axe-core, WCAG 2.1 AA) on {len(pages)} pages, one of each kind")
        failures = accessibility(args.file, pages, reviewed_contrast(args.reviewed_contrast), every_entry_used=False)
        print(f"== Layout at {PHONE[0]} and {DESKTOP[0]} px on the same pages")
        failures += layout(args.file, pages)
        return 1 if failures else 0
    # The first external party's page, when the site has any.
    parties = sorted(p for p in site_pages(urllib.parse.unquote(urllib.parse.urlparse(args.file).path)) if p.startswith("parties/") and not p.endswith("/index.html"))
    pages = {name: path.format(strategy=args.strategy, team=args.team, playbook=args.playbook, party=parties[0] if parties else "index.html")
             for name, path in PAGES.items()}
    folder = urllib.parse.unquote(urllib.parse.urlparse(args.file).path)
    every = site_pages(folder)
    tables = playbooks_with_tables(folder)
    shaped = [pages[name] for name in ("home", "strategy", "matrix", "team", "organisation", "party", "market-log")] \
        + [p for p in tables if p not in pages.values()]

    print(f"== Accessibility (axe-core, WCAG 2.1 AA) on all {len(every)} pages")
    failures = accessibility(args.http, every, reviewed_contrast(args.reviewed_contrast))
    print(f"== Layout at {PHONE[0]} and {DESKTOP[0]} px: home, strategy, matrix, team, organisation, a party, the market's log and {len(tables)} playbooks with tables")
    failures += layout(args.http, shaped)
    failures += phone_search(args.http, args.search_word, args.search_title)
    print("== Behaviour over HTTP under a sub-path")
    failures += behaviour(args.http, args.strategy, args.search_word, args.search_title)
    print("== Behaviour from file://")
    failures += behaviour(args.file, args.strategy, args.search_word, args.search_title)
    print("== Search relevance (Tests/search/relevance.tsv), from file://")
    failures += relevance(args.file, args.relevance)
    print("== Screenshots")
    failures += screenshots(args.http, pages, args.screenshots)
    print(f"  written to {args.screenshots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
