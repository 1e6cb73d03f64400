#!/usr/bin/env python3
"""Compares each shipped translation bundle (i18n/*.yaml) with English: the same message keys,
the same placeholders, and the plural forms its language needs. Prints every difference and
exits 1 if there is one. Usage: scripts/check-translations.py [LANG ...]"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent / "i18n"
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
NEEDED = {"one-other": {"one", "other"}, "zero-one-other": {"one", "other"}, "single": {"other"}}


def flatten(node, prefix=""):
    out = {}
    for key, value in node.items():
        key = str(key)
        if isinstance(value, dict) and "other" in value and set(map(str, value)) <= CATEGORIES:
            out[prefix + key] = {str(k): str(v) for k, v in value.items()}
        elif isinstance(value, dict):
            out.update(flatten(value, prefix + key + "."))
        else:
            out[prefix + key] = str(value)
    return out


def placeholders(message):
    texts = message.values() if isinstance(message, dict) else [message]
    return {name for text in texts for name in re.findall(r"\{([A-Za-z_]+)\}", text)}


def load(path):
    # BaseLoader: every scalar is text, as Charter reads messages ("yes" stays "yes").
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def main():
    english = load(ROOT / "en.yaml")
    reference = flatten(english["messages"])
    languages = sys.argv[1:] or sorted(p.stem for p in ROOT.glob("*.yaml") if p.stem != "en")
    problems = 0
    for language in languages:
        bundle = load(ROOT / f"{language}.yaml")
        messages = flatten(bundle.get("messages", {}))
        rule = bundle.get("plural", "one-other")
        for key in sorted(reference.keys() - messages.keys()):
            print(f"{language}: missing {key}"); problems += 1
        for key in sorted(messages.keys() - reference.keys()):
            print(f"{language}: not in English: {key}"); problems += 1
        for key in sorted(reference.keys() & messages.keys()):
            extra = placeholders(messages[key]) - placeholders(reference[key]) - {"count"}
            missing = placeholders(reference[key]) - placeholders(messages[key]) - {"count"}
            if extra:
                print(f"{language}: {key} uses {sorted(extra)}, which English does not"); problems += 1
            if missing and isinstance(reference[key], str):
                print(f"{language}: {key} drops {sorted(missing)}"); problems += 1
            if isinstance(reference[key], dict) != isinstance(messages[key], dict):
                print(f"{language}: {key} must {'' if isinstance(reference[key], dict) else 'not '}have plural forms"); problems += 1
            elif isinstance(messages[key], dict) and not NEEDED.get(rule, {"other"}) <= set(messages[key]):
                print(f"{language}: {key} lacks forms {sorted(NEEDED[rule] - set(messages[key]))}"); problems += 1
        formats = bundle.get("formats", {})
        if len(formats.get("months", [])) != 12:
            print(f"{language}: formats.months must name twelve months"); problems += 1
    print(f"{problems} problem(s) in {', '.join(languages)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
