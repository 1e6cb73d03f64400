#!/usr/bin/env python3
"""Charter's own benchmark corpus generator (written for this repository; Python 3 standard library only).

Usage:
    python3 scripts/bench/gen_corpus.py --pages N --seed S --out DIR [--strategies K] [--broken-links M]

Writes, deterministically byte for byte for the same arguments:

  DIR/pages/sNNN/pNNNNN.md   N plain GitHub-flavoured Markdown playbook pages, 100 per folder
                             (s000 holds p00000..p00099), about 2.4 KB each: a level-1 title,
                             level-2/3 headings, paragraphs with emphasis, strong and inline code,
                             bulleted, numbered and sometimes task lists, a table, a fenced code
                             block, an autolink and 4-9 relative links to other pages, about a
                             third of them with a #fragment naming a real heading of the target
                             (GitHub's heading-id rule).
  DIR/pages/sNNN/README.md   each folder's landing page, listing its pages.
  DIR/pages/index.md         the home page, linking to every folder (and strategies and teams).
  DIR/pages/strategies/*.yaml, DIR/pages/teams/*.yaml, DIR/pages/objectives.yaml
                             with --strategies K: K complete strategies, 8 teams (each function
                             team, and the working group, with its `function`) and an objectives
                             register of (K + 1) // 2 + 2 objectives, about which Charter
                             reports nothing, not even a note. Each strategy names one to three
                             objectives of the register by ID, and every objective is served.
                             The claimed stage (`maturity.current`) is drawn uniformly over the
                             six stages, and the strategy's data supports exactly that stage:
                             it meets every criterion up to it and misses one criterion of the
                             next (a comment at the top of the file says which). The target is
                             the claimed stage, since a higher one always carries a gap list
                             (the note CH222). Budgets are numbers with a currency and a period;
                             the first method's measure, and half the time the second's, is
                             tracked (baseline, dated target, results) and on track or reached
                             whatever day the check runs on until the targets fall due (end of
                             2029 or in 2030). No `assessed_on`, which would make a warning
                             (CH261) by the calendar alone. Pages name strategies and teams by
                             ID only, so these files can change without changing a page.
  DIR/pages/charter.yaml     only when the site has more files and folders than Charter reads by
                             default (100,000, its `max_files` limit; at about 99,000 pages):
                             `limits: {max_files: ...}`, twice the count, so that every page is
                             read, as Hugo reads every page of the same corpus.
  DIR/dangling-anchors.txt   the fragment links that dangle on purpose (about one per 150 pages,
                             at least one when N >= 100): `SOURCE -> TARGET#FRAGMENT`, paths
                             relative to DIR/pages, sorted by source then by place in the file.
                             Each sits alone on its line (a `- [title](url)` list item under
                             "Related pages"); every other link and anchor resolves.
  DIR/broken-links.txt       with --broken-links M: M links into folders that do not exist
                             (`../old-s004/p00412.md`, as after a migration), listed the same way
                             (`SOURCE -> old-s004/p00412.md`), each alone on its line.
"""

import argparse
import datetime
import fractions
import math
import os
import random
import sys
import unicodedata

PAGES_PER_FOLDER = 100
MAX_PAGES = 100_000  # five-digit page numbers, three-digit folders
DEFAULT_MAX_FILES = 100_000  # Charter's default `limits: {max_files}` (docs/limits.md)

# ---------------------------------------------------------------------------------------------
# Vocabulary: a few hundred everyday words about strategy, teams, customers and communities.
# Words are drawn with Zipf-like weights, so a search index sees common and rare terms.

NOUNS = """
customer community team strategy playbook forum partner broker member moderator channel
feedback question answer complaint claim policy review meeting agenda report measure target
budget resource program method objective goal mission benefit risk escalation owner sponsor
stakeholder audience message campaign post reply thread conversation topic story event
workshop training course guide checklist template process step stage milestone quarter month
week deadline schedule roadmap plan decision priority principle value trust reputation brand
voice tone insight survey interview panel group champion volunteer advocate expert advisor
analyst manager lead director executive committee board council hub desk office service
support ticket request response queue backlog rota shift handover incident outage storm
flood repair visit call email chat newsletter website portal app dashboard metric trend
pattern signal sentiment need frustration excitement expectation promise commitment
agreement contract charter guideline rule standard exception approval permission access
privacy consent data record archive library wiki handbook note summary minute action
outcome result impact cost saving revenue growth retention loyalty churn referral
recommendation idea suggestion proposal experiment pilot trial launch release change update
improvement problem issue cause fix workaround lesson habit culture skill role
responsibility accountability governance leadership coordination collaboration partnership
network region area branch neighbourhood village city market segment household business
family client supplier contractor vendor regulator auditor journalist influencer newcomer
veteran mentor apprentice colleague manager coach facilitator organiser host speaker
listener reader writer editor translator researcher designer developer engineer tester
""".split()

VERBS = """
review answer support share publish moderate escalate measure track report plan prepare
schedule invite welcome thank ask listen explain summarise record update improve change
approve reject delay assign own lead coordinate facilitate host train coach mentor
recognise reward celebrate test pilot launch retire archive merge split rewrite simplify
clarify check verify confirm compare rank sort label tag route forward close reopen
follow monitor notice flag resolve repair visit call email contact reach engage involve
include consult inform agree decide prioritise fund staff budget forecast document
""".split()

ADJECTIVES = """
clear simple shared open public private local regional national weekly monthly quarterly
annual daily early late urgent routine careful honest friendly patient helpful useful
practical visible trusted loyal active quiet busy new old first final small large short
long quick slow steady regular formal informal written spoken direct personal collective
joint separate single common rare specific general detailed brief complete partial
current previous next main key central core extra optional required seasonal digital
physical online offline mobile internal external difficult easy fair consistent flexible
reliable accurate timely calm warm plain respectful
""".split()

ADVERBS = """
usually often rarely always never sometimes quickly slowly carefully openly clearly
gently firmly promptly regularly quietly early later together first again
""".split()

PLACES = """
in for with across within before after during around beyond without behind under
""".split()

CODE_TERMS = [
    "owner", "status", "review_interval", "last_reviewed", "priority=high", "48h", "v2",
    "escalate()", "SLA 4h", "tag:urgent", "queue=triage", "export.csv", "--dry-run",
    "weekly-digest", "rota.yaml", "p95", "ticket #4512", "NPS", "CSAT", "owner: hub",
]

LANGUAGES = ["yaml", "text", "sh", "json"]

FIRST_NAMES = """
Amira Ben Carla Dmitri Elena Farid Grace Hiro Ines Jonas Kemi Lars Maya Niall Oona Pavel
Quinn Rosa Sanjay Tove Umar Vera Wes Ximena Yusuf Zoe
""".split()
SURNAMES = """
Adeyemi Berg Castillo Dubois Eriksen Fischer Gallagher Haddad Ivanova Jansen Kaur Lindqvist
Moreau Novak Okafor Petrov Quintero Rossi Sato Tanaka Urquhart Varga Walsh Yilmaz Zielinski
""".split()


def zipf_weights(count, exponent=0.6):
    total = 0.0
    cumulative = []
    for rank in range(count):
        total += 1.0 / (rank + 1) ** exponent
        cumulative.append(total)
    return cumulative


class Words:
    """Draws words with Zipf-like frequencies from a vocabulary shuffled once per seed."""

    def __init__(self, seed):
        order = random.Random(f"charter-bench-vocabulary:{seed}")
        self.lists = {}
        for name, words in (("noun", NOUNS), ("verb", VERBS), ("adj", ADJECTIVES), ("adv", ADVERBS)):
            shuffled = list(words)
            order.shuffle(shuffled)
            self.lists[name] = (shuffled, zipf_weights(len(shuffled)))

    def pick(self, rng, kind):
        words, weights = self.lists[kind]
        return rng.choices(words, cum_weights=weights)[0]


def plural(noun):
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def article(word):
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def capital(text):
    return text[:1].upper() + text[1:]


def github_slug(text):
    """GitHub's heading id: lower case, punctuation other than '-' and '_' dropped, spaces to '-'."""
    out = []
    for ch in text.lower():
        category = unicodedata.category(ch)
        if category[0] in "LMN" or category == "Pc":
            out.append(ch)
        elif ch == " ":
            out.append("-")
        elif ch == "-":
            out.append(ch)
    return "".join(out)


class Slugger:
    """Unique ids in order of appearance: a repeated slug gets -1, -2, ..."""

    def __init__(self):
        self.seen = {}

    def slug(self, text):
        base = github_slug(text) or "section"
        result = base
        while result in self.seen:
            self.seen[base] = self.seen.get(base, 0) + 1
            result = f"{base}-{self.seen[base]}"
        self.seen[result] = 0
        return result


def page_path(index):
    return f"s{index // PAGES_PER_FOLDER:03d}/p{index:05d}.md"


def relative_link(source, target):
    """The relative link from page `source` to page `target` (both indexes)."""
    if source // PAGES_PER_FOLDER == target // PAGES_PER_FOLDER:
        return f"p{target:05d}.md"
    return "../" + page_path(target)


# ---------------------------------------------------------------------------------------------
# Text


class Writer:
    def __init__(self, words, rng):
        self.words = words
        self.rng = rng

    def w(self, kind):
        return self.words.pick(self.rng, kind)

    def noun_phrase(self):
        r = self.rng.random()
        if r < 0.45:
            return f"the {self.w('noun')}"
        if r < 0.75:
            return f"the {self.w('adj')} {self.w('noun')}"
        if r < 0.9:
            return f"every {self.w('noun')}"
        return f"our {self.w('noun')} {self.w('noun')}"

    def plain_sentence(self):
        rng = self.rng
        form = rng.randrange(9)
        if form == 0:
            text = f"we {self.w('verb')} {self.noun_phrase()} {rng.choice(PLACES)} {self.noun_phrase()}"
        elif form == 1:
            text = f"each {self.w('noun')} should {self.w('verb')} {self.noun_phrase()} before {self.noun_phrase()} starts"
        elif form == 2:
            text = f"{self.w('adv')}, {self.noun_phrase()} team can {self.w('verb')} {rng.randint(2, 40)} {plural(self.w('noun'))} a {rng.choice(['day', 'week', 'month', 'quarter'])}"
        elif form == 3:
            text = f"{self.noun_phrase()} is {self.w('adj')} when {plural(self.w('noun'))} {self.w('verb')} {self.noun_phrase()}"
        elif form == 4:
            text = f"ask {self.noun_phrase()} to {self.w('verb')} {self.noun_phrase()} and {self.w('verb')} {self.noun_phrase()}"
        elif form == 5:
            text = f"{plural(self.w('noun'))} and {plural(self.w('noun'))} {self.w('adv')} {self.w('verb')} {self.noun_phrase()} {rng.choice(PLACES)} {self.noun_phrase()}"
        elif form == 6:
            text = f"if {self.noun_phrase()} is {self.w('adj')}, {self.w('verb')} {self.noun_phrase()} within {rng.randint(1, 10)} {rng.choice(['hours', 'days', 'weeks'])}"
        elif form == 7:
            text = f"the {self.w('noun')} owner keeps {self.noun_phrase()} {self.w('adj')} for {plural(self.w('noun'))}"
        else:
            text = f"{article(self.w('adj'))} {self.w('noun')} helps {plural(self.w('noun'))} {self.w('verb')} {self.noun_phrase()}"
        return text

    def decorate(self, sentence):
        """Puts emphasis, strong or inline code on one word of a sentence, sometimes."""
        rng = self.rng
        r = rng.random()
        if r > 0.45:
            return sentence
        words = sentence.split(" ")
        candidates = [i for i, word in enumerate(words) if word.isalpha() and len(word) > 3]
        if not candidates:
            return sentence
        i = rng.choice(candidates)
        if r < 0.18:
            words[i] = f"*{words[i]}*"
        elif r < 0.33:
            words[i] = f"**{words[i]}**"
        else:
            words[i] = f"`{rng.choice(CODE_TERMS)}`"
        return " ".join(words)

    def sentence(self):
        return capital(self.decorate(self.plain_sentence())) + "."

    def paragraph(self, low, high, links=()):
        sentences = [self.sentence() for _ in range(self.rng.randint(low, high))]
        for text, url in links:
            at = self.rng.randint(0, len(sentences))
            phrase = self.rng.choice(["See", "Compare", "Read", "Start with", "Follow"])
            sentences.insert(at, f"{phrase} [{text}]({url}) for the {self.w('noun')} {self.w('noun')}.")
        return " ".join(sentences)

    def heading(self):
        rng = self.rng
        form = rng.randrange(10)
        if form == 0:
            text = f"{self.w('adj')} {self.w('noun')} {self.w('noun')}"
        elif form == 1:
            text = f"how we {self.w('verb')} the {self.w('noun')}"
        elif form == 2:
            text = f"when to {self.w('verb')} {article(self.w('noun'))}?"
        elif form == 3:
            text = f"{plural(self.w('noun'))} & {plural(self.w('noun'))}"
        elif form == 4:
            text = f"step {rng.randint(1, 9)}: {self.w('verb')} the {self.w('noun')}"
        elif form == 5:
            text = f"the {self.w('noun')}'s {self.w('noun')}"
        elif form == 6:
            text = f"{self.w('noun')} ({self.w('adj')})"
        elif form == 7:
            text = f"{plural(self.w('noun'))}, {plural(self.w('noun'))} and {plural(self.w('noun'))}"
        elif form == 8:
            text = f"who {plural(self.w('verb'))} the {self.w('noun')}"
        else:
            text = f"{self.w('adj')}_{self.w('noun')} {self.w('noun')} - {self.w('adj')} version"
        return capital(text)

    def title(self):
        rng = self.rng
        form = rng.randrange(5)
        if form == 0:
            text = f"{self.w('adj')} {self.w('noun')} playbook"
        elif form == 1:
            text = f"{self.w('noun')} {plural(self.w('noun'))} for {plural(self.w('noun'))}"
        elif form == 2:
            text = f"running the {self.w('adj')} {self.w('noun')}"
        elif form == 3:
            text = f"{self.w('verb')} {plural(self.w('noun'))} {rng.choice(PLACES)} the {self.w('noun')}"
        else:
            text = f"the {self.w('noun')} {self.w('noun')} guide"
        return capital(text)


# ---------------------------------------------------------------------------------------------
# Pages


class Plan:
    """A page's title and headings, decided before any body so that links can name real ids."""

    def __init__(self, index, words, seed):
        rng = random.Random(f"charter-bench-plan:{seed}:{index}")
        writer = Writer(words, rng)
        self.title = writer.title()
        slugger = Slugger()
        slugger.slug(self.title)
        self.headings = []  # (level, text, id) for every heading after the title
        used = {github_slug(self.title), "related-pages"}
        for level in (2, 3, 2, 3, 3, 2):
            text = writer.heading()
            attempt = 0
            while github_slug(text) in used:
                attempt += 1
                text = writer.heading() if attempt < 20 else f"{writer.heading()} {attempt}"
            used.add(github_slug(text))
            self.headings.append((level, text, slugger.slug(text)))
        self.headings.append((2, "Related pages", slugger.slug("Related pages")))
        self.anchors = [heading_id for _, _, heading_id in self.headings[:-1]]


def choose_target(rng, source, count):
    if count < 2:
        return None
    if rng.random() < 0.5:
        first = source - source % PAGES_PER_FOLDER
        last = min(first + PAGES_PER_FOLDER, count)
        if last - first >= 2:
            target = rng.randrange(first, last - 1)
            return target + 1 if target >= source else target
    target = rng.randrange(count - 1)
    return target + 1 if target >= source else target


def page_links(rng, source, count, plans):
    """4-9 (text, url, target, fragment) links to other pages, a third of them with a fragment."""
    links = []
    for _ in range(rng.randint(4, 9)):
        target = choose_target(rng, source, count)
        if target is None:
            break
        fragment = rng.choice(plans[target].anchors) if rng.random() < 1 / 3 else None
        url = relative_link(source, target) + (f"#{fragment}" if fragment else "")
        links.append((plans[target].title, url, target, fragment))
    return links


def render_page(index, count, plans, words, seed, extras):
    """The Markdown of page `index`, and the dangling and broken links it holds, in order."""
    rng = random.Random(f"charter-bench-body:{seed}:{index}")
    writer = Writer(words, rng)
    plan = plans[index]
    links = page_links(rng, index, count, plans)
    source = page_path(index)
    dangling, broken = [], []

    # Where the links go: one or two inline in paragraphs, maybe one in a bullet, the rest
    # (at least one) under "Related pages", one a line.
    inline = links[: rng.randint(1, 2)] if len(links) > 2 else []
    rest = links[len(inline):]
    bullet = rest[:1] if rest and rng.random() < 0.5 and len(rest) > 1 else []
    related = rest[len(bullet):]
    paragraph_links = [[], [], [], []]
    for link in inline:
        paragraph_links[rng.randrange(4)].append((link[0], link[1]))

    lines = [f"# {plan.title}", ""]
    h = plan.headings

    lines += [writer.paragraph(3, 5, paragraph_links[0]), ""]
    if extras.get("strategy"):
        strategy_id, strategy_title, team_id = extras["strategy"]
        anchor = "#methods" if rng.random() < 0.3 else ""
        lines += [f"This playbook carries out part of [{strategy_title}](../strategies/{strategy_id}.yaml{anchor}); "
                  f"questions go to [the owning team](team:{team_id}) or to [the team page](../teams/{team_id}.yaml).", ""]

    lines += [f"## {h[0][1]}", "", writer.paragraph(2, 3, paragraph_links[1]), ""]
    for i in range(rng.randint(3, 5)):
        item = capital(writer.decorate(writer.plain_sentence()))
        if i == 0 and bullet:
            item += f", as in [{bullet[0][0]}]({bullet[0][1]})"
        lines.append(f"- {item}")
    lines.append("")

    lines += [f"### {h[1][1]}", "", writer.paragraph(2, 3), ""]
    for i in range(rng.randint(3, 5)):
        lines.append(f"{i + 1}. {capital(writer.w('verb'))} {writer.noun_phrase()} {rng.choice(PLACES)} {writer.noun_phrase()}.")
    lines.append("")

    lines += [f"## {h[2][1]}", "", writer.paragraph(1, 2, paragraph_links[2]), ""]
    columns = [capital(writer.w("noun")), capital(writer.w("noun")) + " owner", "Target"]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|---|---|---:|")
    for _ in range(rng.randint(3, 4)):
        lines.append(f"| {capital(writer.w('adj'))} {writer.w('noun')} | {capital(writer.w('noun'))} team | {rng.randint(1, 99)}% |")
    lines.append("")

    lines += [f"### {h[3][1]}", "", writer.paragraph(1, 2), ""]
    language = rng.choice(LANGUAGES)
    lines.append(f"```{language}")
    if language == "yaml":
        lines += [f"owner: {writer.w('noun')}-team", f"review_interval: {rng.randint(1, 12)} months",
                  f"steps: [{writer.w('verb')}, {writer.w('verb')}, {writer.w('verb')}]"]
    elif language == "sh":
        lines += [f"charter check --root {writer.w('noun')}", f"grep -c {writer.w('noun')} report-{rng.randint(1, 52)}.txt"]
    elif language == "json":
        lines += [f'{{"{writer.w("noun")}": {rng.randint(1, 500)}, "{writer.w("noun")}": "{writer.w("adj")}"}}']
    else:
        lines += [f"{capital(writer.w('noun'))}: {writer.w('adj')} {writer.w('noun')}",
                  f"{capital(writer.w('noun'))}: {rng.randint(1, 24)} hours"]
    lines += ["```", ""]

    lines += [f"### {h[4][1]}", "", writer.paragraph(1, 2, paragraph_links[3]), ""]
    if rng.random() < 0.4:
        for _ in range(rng.randint(2, 3)):
            mark = "x" if rng.random() < 0.5 else " "
            lines.append(f"- [{mark}] {capital(writer.w('verb'))} {writer.noun_phrase()}")
        lines.append("")

    lines += [f"## {h[5][1]}", "", writer.paragraph(1, 2) + f" The {writer.w('noun')} archive is at "
              f"<https://community.example.org/{writer.w('noun')}/{rng.randint(100, 9999)}>.", ""]

    lines += [f"## {h[6][1]}", ""]
    for position, (text, url, target, fragment) in enumerate(related):
        if extras.get("dangling") and position == len(related) - 1:
            fragment = rng.choice(plans[target].anchors) + "-trimmed"
            url = relative_link(index, target) + f"#{fragment}"
            dangling.append(f"{source} -> {page_path(target)}#{fragment}")
        lines.append(f"- [{text}]({url})")
    for target in extras.get("broken", []):
        folder = f"old-s{target // PAGES_PER_FOLDER:03d}"
        lines.append(f"- [{plans[target].title} (before the move)](../{folder}/p{target:05d}.md)")
        broken.append(f"{source} -> {folder}/p{target:05d}.md")
    if not related and not extras.get("broken"):
        lines.append("- [All playbooks](../index.md)")
    lines.append("")
    return "\n".join(lines), dangling, broken


# ---------------------------------------------------------------------------------------------
# Strategies, teams and the objectives register

# (ID, name, kind, lead, function). The order and the count matter: pages link to the teams
# drawn from this list, so changing either would change the pages.
TEAMS = [
    ("executive-committee", "Executive Committee", "executive committee", "Chief Executive", None),
    ("coordination-hub", "Coordination Hub", "coordination hub", "Head of Community", None),
    ("community-team", "Community Team", "function team", "Community Lead", "community"),
    ("customer-care", "Customer Care", "function team", "Head of Customer Care", "customer service"),
    ("marketing", "Marketing", "function team", "Marketing Director", "marketing"),
    ("digital-platforms", "Digital Platforms", "function team", "Head of Digital", "technology"),
    ("insight-guild", "Insight Guild", "working group", "Insight Lead", "insight and research"),
    ("learning-team", "Learning Team", "function team", "Learning Manager", "learning and development"),
]

RESPONSIBILITIES = ["governance", "best-practice", "content-direction", "training", "technology",
                    "leadership", "insight-dissemination", "conversation-shaping", "conflict-resolution"]
STAGES = ["planning", "presence", "engagement", "formalised", "strategic", "converged"]
STAGE_NAMES = ["Planning", "Presence", "Engagement", "Formalised", "Strategic", "Converged"]
PROGRAM_KINDS = ["co-created", "market-run", "internal", "creative", "process-alignment"]
COMMUNITY_ANCHORS = ["passion", "lifestyle", "cause", "shared-need"]

# Measures are dated so that they stay on track (or have reached their target) whatever day
# Charter checks them on, until their target dates (2029 and 2030) fall due.
MEASURE_TARGET_DATES = [datetime.date(2029, 12, 31), datetime.date(2030, 6, 30), datetime.date(2030, 12, 31)]


def q(text):
    """A YAML double-quoted scalar (the generated text is ASCII)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def person(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def render_team(team, rng, writer):
    team_id, name, kind, lead, function = team
    lines = [f"name: {name}", f"kind: {kind}"]
    if function:
        lines.append(f"function: {function}")
    lines += [
        f"mission: {q(writer.sentence())}",
        f"lead: {lead}",
        "members:",
        f"  - {{name: {person(rng)}, role: {lead.lower()}}}",
    ]
    for _ in range(rng.randint(1, 3)):
        lines.append(f"  - {{name: {person(rng)}, role: {writer.w('noun')} {rng.choice(['lead', 'manager', 'coordinator', 'advisor'])}}}")
    lines.append(f"  - {{role: {writer.w('noun')} {rng.choice(['moderator', 'analyst', 'champion'])}}}")
    lines += [f"contact: {team_id}@example.org", f'review_handle: "@bench/{team_id}"', ""]
    return "\n".join(lines)


def plan_objectives(strategy_count, seed, words):
    """The objectives register, as (id, title, description, owner), and the IDs each strategy
    serves: every strategy serves one to three, and every objective is served by some strategy."""
    rng = random.Random(f"charter-bench-objectives:{seed}")
    writer = Writer(words, rng)
    count = (strategy_count + 1) // 2 + 2
    register = []
    for i in range(count):
        verb, noun = writer.w("verb"), writer.w("noun")
        register.append((f"{verb}-{plural(noun)}-{i + 1}", f"{capital(verb)} {writer.w('adj')} {plural(noun)}",
                         writer.sentence(), rng.choice(TEAMS)[0]))
    served = []
    for k in range(strategy_count):
        indexes = {k % count, rng.randrange(count)}
        indexes |= {j for j in range(count) if j % strategy_count == k}
        served.append([register[j][0] for j in sorted(indexes)])
    return register, served


def render_objectives(register):
    lines = ["# The benchmark's objectives register: generated by scripts/bench/gen_corpus.py.",
             "# Every strategy names the objectives it serves by ID; every objective is served.",
             "objectives:"]
    for objective_id, title, description, owner in register:
        lines += [f"  - id: {objective_id}", f"    title: {q(title)}", f"    description: {q(description)}",
                  f"    owner: {owner}"]
    lines.append("")
    return "\n".join(lines)


def add_months(day, months):
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, day.day)


def tracked_measure(rng, decreasing):
    """A baseline, a target with its date and one to three results, the latest of them on the
    straight line from the baseline to the target or ahead of it (Charter's rule for on track)."""
    start = datetime.date(2025, rng.randint(1, 6), 1)
    due = rng.choice(MEASURE_TARGET_DATES)
    if decreasing:
        baseline = rng.randint(30, 90) * 10
        target = baseline * rng.randint(5, 8) // 10
    else:
        baseline = rng.randint(20, 60)
        target = rng.randint(baseline + 15, min(baseline + 35, 95))
    results = []
    for step in range(1, rng.randint(1, 3) + 1):
        day = add_months(start, 4 * step)
        line = baseline + fractions.Fraction(target - baseline) * (day - start).days / (due - start).days
        if decreasing:
            value = max(target, math.floor(line) - rng.randint(0, 12))
        else:
            value = min(target, math.ceil(line) + rng.randint(0, 4))
        results.append((day, value))
    return baseline, start, target, due, results


def render_strategy(number, strategy_id, title, rng, writer, page_count, served):
    """A complete strategy that claims the stage its data supports and no other, so that Charter
    reports nothing about it.

    Every strategy has every element, a full assessment and a full matrix. The claimed stage is
    drawn as before (uniformly over the six); the strategy meets every criterion up to it and
    misses one criterion of the next stage (see WHAT_HOLDS_BACK). The target is the claimed
    stage: a target above it would always carry a gap list (the note CH222)."""
    team_ids = [team[0] for team in TEAMS]
    functional = team_ids[2:]
    owner = functional[number % len(functional)]
    current = rng.randrange(len(STAGES))
    variant = number % 2  # two ways to stop short of the next stage, where there are two

    def pages(k):
        if page_count == 0:
            return []
        return sorted({f"../{page_path(rng.randrange(page_count))}" for _ in range(k)})

    method_count = rng.randint(2, 3)
    methods = [f"{writer.w('noun')}-{writer.w('noun')}-{i + 1}" for i in range(method_count)]
    method_objectives = [set() for _ in methods]
    for i, objective in enumerate(served):
        method_objectives[i % method_count].add(objective)
    for chosen in method_objectives:
        if not chosen:
            chosen.add(rng.choice(served))
    if current == 4:  # Strategic: one method serves no objective yet
        method_objectives[-1] = set()

    holds_back = WHAT_HOLDS_BACK[current][variant] if current < len(STAGES) - 1 else None
    lines = [
        f"# Benchmark strategy {number + 1}: generated by scripts/bench/gen_corpus.py",
        f"# Claims {STAGE_NAMES[current]}, which its data supports"
        + (f"; for {STAGE_NAMES[current + 1]} it lacks {holds_back}." if holds_back else "; nothing is left to reach."),
        f"title: {q(title)}",
        f"owner: {owner}",
        f"status: {rng.choice(['approved', 'review'])}",
        f"focus_areas: [{', '.join(sorted(rng.sample(['marketing', 'operational', 'customer'], rng.randint(1, 2))))}]",
        f"sponsor: {person(rng)}, Chief {capital(writer.w('noun'))} Officer",
        "",
        f"objectives: [{', '.join(served)}]",
        "",
        "assessment:",
        f"  brand: {q(writer.sentence())}",
        "  customers:",
        f"    sentiment: {q(writer.sentence())}",
        "    needs:",
        f"      - {{id: need-1, text: {q(writer.sentence())}}}",
        f"      - {{id: need-2, text: {q(writer.sentence())}}}",
        f"    frustrations: [{{id: frustration-1, text: {q(writer.sentence())}}}]",
        f"    excitements: [{q(writer.sentence())}]",
        f"  partners: {q(writer.sentence())}",
        f"  competition: {q(writer.sentence())}",
        f"  sources: [{q(capital(writer.w('noun')) + ' interviews')}, {q(capital(writer.w('adj')) + ' survey')}]",
        "",
        "co_creators:",
        f"  - name: {q(capital(writer.w('noun')) + ' panel')}",
        "    kind: customer",
        f"  - {q(capital(writer.w('noun')) + ' partners')}",
        "",
        f"goal: {q(writer.sentence())}",
        f"mission: {q(writer.sentence())}",
        "benefits:",
        f"  customer: [{q(writer.sentence())}, {q(writer.sentence())}]",
        f"  company: [{q(writer.sentence())}]",
        "",
        "methods:",
    ]
    findings = ["need-1", "need-2", "frustration-1"]
    for i, method in enumerate(methods):
        lines += [f"  - id: {method}", f"    title: {q(capital(method.rsplit('-', 1)[0].replace('-', ' ')))}",
                  f"    description: {q(writer.sentence())}"]
        if method_objectives[i]:
            lines.append(f"    objectives: [{', '.join(sorted(method_objectives[i]))}]")
        answers = sorted(rng.sample(findings, rng.randint(0, 2)))
        if answers:
            lines.append(f"    answers: [{', '.join(answers)}]")
        playbooks = pages(rng.randint(1, 2))
        if playbooks:
            lines.append(f"    playbooks: [{', '.join(playbooks)}]")
    lines += ["", "resources:"]
    for i, method in enumerate(methods):
        lines += [f"  - id: people-{i + 1}", "    kind: people", f"    description: {q(writer.sentence())}",
                  f"    methods: [{method}]"]
    lines += ["  - id: budget", "    kind: budget", f"    amount: {rng.randint(2, 90) * 5000}", "    currency: GBP",
              "    period: year", f"    description: {q(writer.sentence())}", f"    methods: [{', '.join(methods)}]",
              "  - id: tracker", "    kind: tool", f"    description: {q(writer.sentence())}",
              f"    methods: [{methods[0]}]", "", "reporting:"]
    for i, method in enumerate(methods):
        lines += [f"  - method: {method}", f"    success: {q(writer.sentence())}"]
        decreasing = i == 1
        if i == 0 or (i == 1 and rng.random() < 0.5):
            baseline, start, target, due, results = tracked_measure(rng, decreasing)
            if decreasing:
                lines.append(f"    measure: {q(capital(plural(writer.w('noun'))) + ' a month')}")
            else:
                lines += [f"    measure: {q(capital(plural(writer.w('noun'))) + ' answered within a day')}", '    unit: "%"']
            lines += [f"    baseline: {{value: {baseline}, date: {start.isoformat()}}}",
                      f"    target: {{value: {target}, date: {due.isoformat()}}}", "    results:"]
            lines += [f"      - {{date: {day.isoformat()}, value: {value}}}" for day, value in results]
        else:
            lines += [f"    measure: {q(capital(writer.w('noun')) + ' ' + plural(writer.w('noun')) + ' a month')}",
                      f"    target: {q(str(rng.randint(10, 95)) + '%')}"]
        lines.append(f"    tool: {q(capital(writer.w('noun')) + ' dashboard')}")
    lines += ["", "communication:", f"  internal: {q('Monthly ' + writer.w('noun') + ' review with the owning team')}"]
    if current != 2:  # Engagement: no external cadence yet
        lines.append(f"  external: {q('Quarterly letter to ' + plural(writer.w('noun')))}")
    lines += ["", "programs:"]
    for i, method in enumerate(methods):
        if i == 0:
            # The community program: one the organisation takes part in, except at Presence,
            # where the market runs it alone (or there is no community anchor at all).
            kind = rng.choice(["co-created", "[creative, co-created]", "internal", "process-alignment"])
            if current == 1 and variant == 0:
                kind = "market-run"
        else:
            kind = PROGRAM_KINDS[(number + i) % len(PROGRAM_KINDS)]
        lines += [f"  - id: program-{i + 1}", f"    title: {q(capital(writer.w('adj')) + ' ' + writer.w('noun') + ' program')}",
                  f"    kind: {kind}", f"    owner: {functional[(number + i + 1) % len(functional)]}", f"    method: {method}"]
        if i == 0 and not (current == 1 and variant == 1):
            lines.append(f"    community: {rng.choice(COMMUNITY_ANCHORS)}")
        lines.append(f"    description: {q(writer.sentence())}")
    lines.append("")
    if not (current == 0 and variant == 0):  # Planning: no presence yet
        lines += ["presence:", f"  - name: {q(capital(writer.w('noun')) + ' forum')}", "    channel: forum",
                  f"    url: https://forum.example.org/{strategy_id}"]
    if not (current == 0 and variant == 1):  # Planning: no support content yet
        lines.append("support_content:")
        for page in pages(1):
            lines.append(f"  - {page}")
        lines.append(f"  - https://help.example.org/{strategy_id}")
    lines += ["", "maturity:", f"  current: {STAGES[current]}", f"  target: {STAGES[current]}"]
    evidence = [(stage, pages(1)) for stage in STAGES[: current + 1] if rng.random() < 0.5]
    evidence = [(stage, found) for stage, found in evidence if found]
    if evidence:
        lines.append("  evidence:")
        lines += [f"    {stage}: [{', '.join(found)}]" for stage, found in evidence]
    lines += ["", "responsibilities:"]
    # Accountability spread over four teams at most twice or three times each; the Accountable
    # team also does the work, a functional team helps, and nobody holds two letters. At
    # Formalised the executives are only Informed, so the Strategic stage is not reached.
    executives = "coordination-hub" if current == 3 else "executive-committee"
    accountable = {
        "governance": executives, "leadership": executives,
        "conflict-resolution": "coordination-hub", "best-practice": "coordination-hub",
        "conversation-shaping": owner, "content-direction": functional[(number + 2) % len(functional)],
        "training": functional[(number + 3) % len(functional)], "technology": functional[(number + 4) % len(functional)],
        "insight-dissemination": functional[(number + 5) % len(functional)],
    }
    for responsibility in RESPONSIBILITIES:
        a = accountable[responsibility]
        helper = next(t for t in functional[number % len(functional):] + functional if t != a)
        if current == 3 and responsibility in ("governance", "leadership"):
            informed = "executive-committee"
        else:
            informed = next(t for t in reversed(team_ids) if t not in (a, helper))
        lines.append(f"  {responsibility}: {{accountable: {a}, responsible: [{a}, {helper}], informed: [{informed}]}}")
    lines += ["", "risks:"]
    for _ in range(rng.randint(1, 2)):
        lines += [f"  - title: {q(writer.sentence())}", f"    owner: {owner}",
                  f"    mitigation: {q(writer.sentence())}", f"    escalation: {q('The ' + writer.w('noun') + ' lead, then the Coordination Hub')}"]
    lines.append("")
    return "\n".join(lines)


# What keeps a strategy at its stage: the one criterion of the next stage it misses, in one of
# two ways (by the strategy's number) where the next stage has two criteria to miss.
WHAT_HOLDS_BACK = [
    ("a presence", "support content"),
    ("a community program the organisation takes part in (its community program is market-run)",
     "a community program the organisation takes part in (no program has a community anchor)"),
    ("an external communication cadence",) * 2,
    ("an executive team Accountable or Responsible (the Executive Committee is only Informed)",) * 2,
    ("objectives for every method (its last method names none)",) * 2,
]


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description="Writes Charter's benchmark corpus (see the docstring).")
    parser.add_argument("--pages", type=int, required=True, help="number of playbook pages")
    parser.add_argument("--seed", type=int, required=True, help="random seed; same arguments, same bytes")
    parser.add_argument("--out", required=True, help="output folder (DIR/pages must not exist yet)")
    parser.add_argument("--strategies", type=int, default=0, help="strategies to write (default 0)")
    parser.add_argument("--broken-links", type=int, default=0, help="links into folders that do not exist (default 0)")
    args = parser.parse_args()
    count, seed = args.pages, args.seed
    if not 0 <= count <= MAX_PAGES:
        parser.error(f"--pages must be between 0 and {MAX_PAGES}")
    if args.strategies < 0 or args.broken_links < 0:
        parser.error("--strategies and --broken-links must not be negative")
    if args.broken_links and count < 2:
        parser.error("--broken-links needs at least 2 pages")
    root = os.path.join(args.out, "pages")
    if os.path.exists(root):
        parser.error(f"{root} exists already; give an empty or new --out folder")

    words = Words(seed)
    master = random.Random(f"charter-bench-site:{seed}")
    plans = [Plan(i, words, seed) for i in range(count)]

    dangling_count = max(1, (count + 75) // 150) if count >= 100 else 0
    dangling_sources = set(master.sample(range(count), dangling_count)) if dangling_count else set()
    broken_by_page = {}
    if args.broken_links:
        m = args.broken_links
        sources = [i for i in range(count) for _ in range(m // count)]
        sources += master.sample(range(count), m % count)
        for source in sorted(sources):
            target = master.randrange(count - 1)
            broken_by_page.setdefault(source, []).append(target + 1 if target >= source else target)

    strategies = []
    if args.strategies:
        for k in range(args.strategies):
            noun = words.pick(master, "noun")
            strategies.append((f"{noun}-{words.pick(master, 'noun')}-{k + 1:02d}",
                               f"{capital(words.pick(master, 'adj'))} {noun} strategy {k + 1}"))

    total_bytes = 0
    files = 0

    def write(relative, text):
        nonlocal total_bytes, files
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        total_bytes += len(data)
        files += 1

    dangling, broken = [], []
    page_bytes = 0
    for i in range(count):
        extras = {"dangling": i in dangling_sources, "broken": broken_by_page.get(i, [])}
        if strategies and master.random() < 0.3:
            strategy_id, strategy_title = strategies[master.randrange(len(strategies))]
            extras["strategy"] = (strategy_id, strategy_title, TEAMS[2 + master.randrange(len(TEAMS) - 2)][0])
        text, page_dangling, page_broken = render_page(i, count, plans, words, seed, extras)
        write(page_path(i), text)
        page_bytes += len(text.encode("utf-8"))
        dangling += page_dangling
        broken += page_broken

    folders = (count + PAGES_PER_FOLDER - 1) // PAGES_PER_FOLDER
    for folder in range(folders):
        first, last = folder * PAGES_PER_FOLDER, min((folder + 1) * PAGES_PER_FOLDER, count)
        lines = [f"# Playbooks s{folder:03d}", "",
                 f"Pages {first} to {last - 1} of the benchmark handbook. Back to [all folders](../index.md).", ""]
        lines += [f"- [{plans[i].title}](p{i:05d}.md)" for i in range(first, last)]
        write(f"s{folder:03d}/README.md", "\n".join(lines) + "\n")

    home = ["# Benchmark playbooks", "",
            f"A generated handbook of {count} playbook pages in {folders} folders, written by "
            "Charter's own `scripts/bench/gen_corpus.py`.", "", "## Folders", ""]
    home += [f"- [s{folder:03d}](s{folder:03d}/README.md): {plans[folder * PAGES_PER_FOLDER].title} and more"
             for folder in range(folders)]
    if strategies:
        home += ["", "## Strategies", ""] + [f"- [{title}](strategies/{sid}.yaml)" for sid, title in strategies]
        home += ["", "## Teams", ""] + [f"- [{team[1]}](teams/{team[0]}.yaml)" for team in TEAMS]
    write("index.md", "\n".join(home) + "\n")

    if strategies:
        for team in TEAMS:
            rng = random.Random(f"charter-bench-team:{seed}:{team[0]}")
            write(f"teams/{team[0]}.yaml", render_team(team, rng, Writer(words, rng)))
        register, served = plan_objectives(len(strategies), seed, words)
        write("objectives.yaml", render_objectives(register))
        for k, (strategy_id, title) in enumerate(strategies):
            rng = random.Random(f"charter-bench-strategy:{seed}:{k}")
            write(f"strategies/{strategy_id}.yaml",
                  render_strategy(k, strategy_id, title, rng, Writer(words, rng), count, served[k]))

    # Charter stops reading a site past 100,000 files and folders (CH010); a larger corpus raises
    # the limit, or the pages past it would be missing and thousands of links to them broken.
    folders_written = sum(len(names) for _, names, _ in os.walk(root))
    if files + folders_written + 1 > DEFAULT_MAX_FILES:
        write("charter.yaml", "# Written by gen_corpus.py: this corpus has more files than Charter reads by default.\n"
                              f"limits:\n  max_files: {2 * (files + folders_written + 1)}\n")

    with open(os.path.join(args.out, "dangling-anchors.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(line + "\n" for line in dangling)
    with open(os.path.join(args.out, "broken-links.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(line + "\n" for line in broken)

    average = page_bytes / count if count else 0
    print(f"gen_corpus: {count} pages ({average:.0f} bytes on average), {files} files, {total_bytes} bytes "
          f"in {root}; {len(dangling)} dangling anchors, {len(broken)} broken links, "
          f"{len(strategies)} strategies, {len(TEAMS) if strategies else 0} teams")


if __name__ == "__main__":
    sys.exit(main())
