#!/usr/bin/env python3
"""Writes the committed seed corpora, Fuzz/Corpus/<target>/, from the example site and the test
fixture. Run from the repository's root after the example changes; the seeds only start the
fuzzer off with realistic input, so they need not match the example exactly."""
import hashlib, pathlib, shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "Corpus"
SITES = [ROOT, ROOT / "Tests/CharterKitTests/Fixtures/Sites/basic/site"]
LIMIT = 6000  # bytes per seed: small seeds mutate faster


def files(site, pattern):
    return sorted(p for p in site.glob(pattern) if p.is_file())


def text(path):
    return path.read_bytes()[:LIMIT]


def write(target, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def site_input(site, strategy, team):
    """The pieces of one small site, in the order Fuzz/Sources/CharterFuzz cuts them."""
    pages = files(site, "content/**/*.md")
    pieces = [
        site / "content/index.md", pages[1], strategy, team, site / "charter.yaml",
        next(iter(files(site, "model/*.yaml")), None), pages[2], strategy.with_suffix(".md"),
    ]
    return b"\x1e".join(text(p) if p and p.exists() else b"" for p in pieces)


shutil.rmtree(CORPUS, ignore_errors=True)
for site in SITES:
    markdown = files(site, "content/**/*.md")
    strategies = files(site, "content/strategies/*.yaml")
    teams = files(site, "content/teams/*.yaml")
    for page in markdown[:12]:
        write("frontmatter", text(page))
        write("markdown", text(page))
    for data in strategies[:3] + teams[:3] + files(site, "model/*.yaml") + files(site, "charter.yaml"):
        write("yaml", text(data))
    sites = [site_input(site, s, t) for s, t in zip(strategies[:3], teams[:3])]
    for one in sites:
        write("site", one)
    for base, head in zip(sites, sites[1:] + sites[:1]):
        write("diff", base + b"\n%%%%\n" + head)

# The language server: framed messages as an editor sends them, and an edit's four position
# bytes followed by a page or a strategy.
def frame(message: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(message) + message


write("lsp", frame(b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'))
write("lsp", frame(b'{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.md","version":2},'
                   b'"contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"text":"\\u00e9"}]}}')
      + b"Content-Length: 9\r\n\r\n{not json")
for site in SITES:
    for page in files(site, "content/**/*.md")[:3] + files(site, "content/strategies/*.yaml")[:1]:
        write("lsp", b"\x01\x02\x01\x05" + text(page))
