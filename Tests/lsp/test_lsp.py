"""`charter lsp` driven as an editor drives it: buffers opened and edited without saving, the
diagnostics the server publishes for them and for other files, hover, and the protocol's
edges (a malformed message, a file outside the workspace, shutdown and exit)."""

import asyncio
import json
import pathlib
import subprocess
import time

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import CHARTER, ENVIRONMENT


def open_file(client: LanguageClient, path: pathlib.Path, language: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=path.read_text())
        )
    )
    return uri


def edit(client: LanguageClient, uri: str, version: int, line: int, start: int, end: int, text: str) -> None:
    """Replaces characters start..end of a line (both from 0) in the open buffer."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end)),
                    text=text,
                )
            ],
        )
    )


async def diagnostics_until(client: LanguageClient, uri: str, predicate, attempts: int = 20):
    """The diagnostics of `uri` once `predicate` holds for them (each publish is awaited)."""
    for _ in range(attempts):
        current = client.diagnostics.get(uri)
        if current is not None and predicate(current):
            return current
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout=30)
    raise AssertionError(f"diagnostics of {uri} never matched: {client.diagnostics.get(uri)}")


def summary(diagnostics) -> list[tuple]:
    return [
        (d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in diagnostics
    ]


@pytest.mark.asyncio
async def test_an_unsaved_typo_is_reported_on_its_line_and_cleared_when_fixed(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    # `owner: hub` is line 2; "hubb" is not a team. The file on disk is not touched.
    edit(client, uri, 2, 1, 10, 10, "b")
    found = await diagnostics_until(client, uri, lambda d: len(d) > 0)
    # CH250 at line 2, column 8 as `check` says it: 0-based line 1, characters 7 to 11 ("hubb").
    assert summary(found) == [("CH250", types.DiagnosticSeverity.Error, 1, 7, 1, 11)]
    assert found[0].message == "unknown team 'hubb'\ndid you mean 'hub'?"
    assert found[0].source == "charter"
    version = subprocess.run([CHARTER, "--version"], capture_output=True, text=True).stdout.split()[1]
    assert found[0].code_description.href == f"https://github.com/charter-playbooks/charter/blob/v{version}/docs/rules.md#ch250"
    assert strategy.read_text().startswith("title: Customer community\nowner: hub\n")

    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=9))
    )
    assert hover is not None
    assert hover.contents.value.startswith("**CH250** (")
    assert "unknown team 'hubb'" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2))
    )
    assert nothing is None

    edit(client, uri, 3, 1, 10, 11, "")
    cleared = await diagnostics_until(client, uri, lambda d: len(d) == 0)
    assert list(cleared) == []


@pytest.mark.asyncio
async def test_renaming_a_heading_breaks_the_link_to_it_in_another_file(client: LanguageClient, site: pathlib.Path):
    plan = site / "content/guides/listening-plan.md"
    index = (site / "content/index.md").as_uri()
    uri = open_file(client, plan, "markdown")
    lines = plan.read_text().split("\n")
    heading = lines.index("## Sources")
    # "## Sources" becomes "## Origins" in the buffer: content/index.md links to #sources.
    edit(client, uri, 2, heading, 3, 10, "Origins")
    found = await diagnostics_until(client, index, lambda d: len(d) > 0)
    # content/index.md:3:16, the whole link "[listening plan](guides/listening-plan.md#sources)".
    assert summary(found) == [("CH302", types.DiagnosticSeverity.Error, 2, 15, 2, 65)]
    assert "broken anchor '#sources'" in found[0].message
    assert client.diagnostics.get(uri, []) == []

    # Back as it was, and the other file's problem goes.
    edit(client, uri, 3, heading, 3, 10, "Sources")
    cleared = await diagnostics_until(client, index, lambda d: len(d) == 0)
    assert list(cleared) == []


@pytest.mark.asyncio
async def test_closing_a_buffer_returns_to_the_file_on_disk(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    edit(client, uri, 2, 1, 7, 10, "nobody")
    await diagnostics_until(client, uri, lambda d: [x.code for x in d] == ["CH250"])
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    cleared = await diagnostics_until(client, uri, lambda d: len(d) == 0)
    assert list(cleared) == []


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def responses(output: bytes) -> list[dict]:
    """The messages of a server's output, in order."""
    messages = []
    while output:
        header, _, rest = output.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        output = rest[length:]
    return messages


def test_protocol_errors_then_a_clean_shutdown(site: pathlib.Path):
    outside = site.parent / "elsewhere.md"
    stream = b"".join([
        # A request before initialize.
        frame({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}),
        frame({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"rootUri": site.as_uri(), "capabilities": {}}}),
        # Not JSON, then a message without a method, then a method nobody knows.
        b"Content-Length: 9\r\n\r\n{not json",
        frame({"jsonrpc": "2.0", "id": 3}),
        frame({"jsonrpc": "2.0", "id": 4, "method": "charter/noSuchThing", "params": {}}),
        # A file outside the workspace.
        frame({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": outside.as_uri()}, "position": {"line": 0, "character": 0}}}),
        frame({"jsonrpc": "2.0", "id": 6, "method": "shutdown"}),
        frame({"jsonrpc": "2.0", "method": "exit"}),
    ])
    result = subprocess.run([CHARTER, "lsp"], input=stream, capture_output=True, timeout=60, env=ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    answers = {m.get("id"): m for m in responses(result.stdout) if "method" not in m}
    assert answers[1]["error"]["code"] == -32002
    assert answers[2]["result"]["capabilities"]["positionEncoding"] == "utf-16"
    assert answers[2]["result"]["capabilities"]["textDocumentSync"]["change"] == 2
    assert answers[None]["error"]["code"] == -32700
    assert answers[3]["error"]["code"] == -32600
    assert answers[4]["error"]["code"] == -32601
    assert answers[5]["error"]["code"] == -32602
    assert answers[6] == {"jsonrpc": "2.0", "id": 6, "result": None}


def test_exit_without_shutdown_is_exit_code_1(site: pathlib.Path):
    stream = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": site.as_uri(), "capabilities": {}}})
    stream += frame({"jsonrpc": "2.0", "method": "exit"})
    result = subprocess.run([CHARTER, "lsp"], input=stream, capture_output=True, timeout=60, env=ENVIRONMENT)
    assert result.returncode == 1
    # Input that ends without `exit` is a client gone away: 1 as well.
    result = subprocess.run([CHARTER, "lsp"], input=b"", capture_output=True, timeout=60, env=ENVIRONMENT)
    assert result.returncode == 1


def test_the_client_may_ask_for_utf8_positions(site: pathlib.Path):
    stream = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "rootUri": site.as_uri(), "capabilities": {"general": {"positionEncodings": ["utf-8"]}}}})
    stream += frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"})
    result = subprocess.run([CHARTER, "lsp"], input=stream, capture_output=True, timeout=60, env=ENVIRONMENT)
    assert result.returncode == 0
    answers = {m.get("id"): m for m in responses(result.stdout) if "method" not in m}
    assert answers[1]["result"]["capabilities"]["positionEncoding"] == "utf-8"


async def definition(client: LanguageClient, uri: str, line: int, character: int):
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character))
    )
    if result is None:
        return None
    location = result[0] if isinstance(result, list) else result
    return (location.uri, location.range.start.line)


@pytest.mark.asyncio
async def test_go_to_the_definition_of_an_id_or_a_link(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    # `owner: hub`: the team's file.
    assert await definition(client, uri, 1, 8) == ((site / "content/teams/hub.yaml").as_uri(), 0)
    # `- fewer-calls` in the objectives: that objective's line in the register.
    objectives = site / "content/objectives.yaml"
    objective_line = next(i for i, line in enumerate(objectives.read_text().split("\n")) if "fewer-calls" in line)
    strategy_line = next(i for i, line in enumerate(strategy.read_text().split("\n")) if line.strip() == "- fewer-calls")
    assert await definition(client, uri, strategy_line, 6) == (objectives.as_uri(), objective_line)
    # A word that names nothing.
    assert await definition(client, uri, 0, 2) is None

    # A link with a fragment: the target file, at the heading the fragment names.
    index = site / "content/index.md"
    index_uri = open_file(client, index, "markdown")
    plan = site / "content/guides/listening-plan.md"
    heading = plan.read_text().split("\n").index("## Sources")
    assert await definition(client, index_uri, 2, 40) == (plan.as_uri(), heading)
    # The link's text leads there too; a link without a fragment, to the file's top.
    assert await definition(client, index_uri, 2, 18) == (plan.as_uri(), heading)
    escalation_uri = open_file(client, site / "content/guides/escalation.md", "markdown")
    assert await definition(client, escalation_uri, 2, 20) == (plan.as_uri(), 0)


@pytest.mark.asyncio
async def test_references_to_a_team_and_a_strategy(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")

    async def references(line: int, character: int, declaration: bool):
        found = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character),
                context=types.ReferenceContext(include_declaration=declaration)))
        return [(pathlib.Path(l.uri[len("file://"):]).relative_to(site).as_posix(), l.range.start.line, l.range.start.character,
                 l.range.end.character) for l in found]

    # `owner: hub`: every value that names the team, and not the words "coordination hub" or
    # "hub@example.org" in the team's own file.
    community = "content/strategies/community.yaml"
    found = await references(1, 8, False)
    assert [(path, line) for path, line, _, _ in found] == [
        ("content/objectives.yaml", 4),
        (community, 1), (community, 53), (community, 66), (community, 67), (community, 67), (community, 68),
        (community, 69), (community, 70), (community, 73), (community, 73), (community, 74), (community, 77),
    ]
    # Each range is exactly the word.
    for path, line, start, end in found:
        assert (site / path).read_text().split("\n")[line][start:end] == "hub"
    with_declaration = await references(1, 8, True)
    assert with_declaration[0] == ("content/teams/hub.yaml", 0, 0, 0)
    assert len(with_declaration) == 14
    # `strategy: community` in a playbook's front matter names the strategy.
    plan = open_file(client, site / "content/guides/listening-plan.md", "markdown")
    found = await client.text_document_references_async(
        types.ReferenceParams(text_document=types.TextDocumentIdentifier(uri=plan), position=types.Position(line=6, character=12),
                              context=types.ReferenceContext(include_declaration=False)))
    assert ((site / "content/guides/listening-plan.md").as_uri(), 6) in [(l.uri, l.range.start.line) for l in found]


@pytest.mark.asyncio
async def test_document_symbols_are_a_playbooks_headings_and_a_strategys_sections(client: LanguageClient, site: pathlib.Path):
    plan = site / "content/guides/listening-plan.md"
    uri = open_file(client, plan, "markdown")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    def tree(symbol):
        return (symbol.name, symbol.range.start.line, symbol.range.end.line, [tree(child) for child in symbol.children or []])
    # Two level-2 headings, each running to the line before the next, the last to the text's end.
    assert [tree(s) for s in symbols] == [("Sources", 15, 19, []), ("Checklist", 21, 28, [])]

    # Headings nest by level, in a buffer the server has only in memory.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="# Top\n\n## A\n\n### A1\n\n```\n# not a heading\n```\n## B\n")]))
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [tree(s) for s in symbols] == [("Top", 0, 9, [("A", 2, 8, [("A1", 4, 8, [])]), ("B", 9, 9, [])])]

    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    keys = [(i, l.split(":")[0]) for i, l in enumerate(strategy.read_text().split("\n")) if l[:1].isalpha() and ":" in l]
    assert [(s.name, s.range.start.line, s.kind) for s in symbols] == [(k, i, types.SymbolKind.Field) for i, k in keys]
    assert symbols[0].name == "title"


def apply(text: str, edits) -> str:
    """The text with LSP text edits applied (single-line, UTF-16 equal to characters here)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        line = lines[edit.range.start.line]
        lines[edit.range.start.line] = line[:edit.range.start.character] + edit.new_text + line[edit.range.end.character:]
    return "\n".join(lines)


@pytest.mark.asyncio
async def test_quick_fixes_take_the_did_you_mean_hint(client: LanguageClient, site: pathlib.Path):
    index = site / "content/index.md"
    uri = open_file(client, index, "markdown")
    text = index.read_text().replace("guides/listening-plan.md#sources", "guides/listning-plan.md#sorces")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    found = await diagnostics_until(client, uri, lambda d: [x.code for x in d] == ["CH301"])

    async def fix(diagnostics):
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=list(diagnostics))))
        assert [(a.title, a.kind, a.is_preferred) for a in actions] == [(actions[0].title, types.CodeActionKind.QuickFix, True)]
        return actions[0]

    # The broken path: only the path is replaced, the fragment stays.
    action = await fix(found)
    assert action.title == "Change to 'guides/listening-plan.md'"
    text = apply(text, action.edit.changes[uri])
    assert "[listening plan](guides/listening-plan.md#sorces)" in text
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    # Then the anchor: only the fragment is replaced.
    found = await diagnostics_until(client, uri, lambda d: [x.code for x in d] == ["CH302"])
    action = await fix(found)
    assert action.title == "Change to '#sources'"
    text = apply(text, action.edit.changes[uri])
    assert text == index.read_text()

    # A misspelt team: the word.
    strategy = site / "content/strategies/community.yaml"
    strategy_uri = open_file(client, strategy, "yaml")
    edit(client, strategy_uri, 2, 1, 7, 10, "hubb")
    found = await diagnostics_until(client, strategy_uri, lambda d: [x.code for x in d] == ["CH250"])
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=strategy_uri), range=found[0].range,
        context=types.CodeActionContext(diagnostics=list(found))))
    assert apply(strategy.read_text().replace("owner: hub\n", "owner: hubb\n", 1), actions[0].edit.changes[strategy_uri]) == strategy.read_text()


async def complete(client: LanguageClient, uri: str, line: int, character: int):
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)))
    items = result.items if hasattr(result, "items") else result
    return [(i.label, i.text_edit.range.start.character, i.text_edit.range.end.character) for i in items]


@pytest.mark.asyncio
async def test_completion_of_ids_and_of_link_paths_and_anchors(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    # `owner: hu|`, typed: every team, the typed "hu" replaced.
    edit(client, uri, 2, 1, 7, 10, "hu")
    assert await complete(client, uri, 1, 9) == [("executive", 7, 9), ("hub", 7, 9), ("insight", 7, 9), ("panel", 7, 9)]
    # `focus_areas: [customer]`: focus areas, after the bracket.
    focus = await complete(client, uri, 3, 14)
    assert ("customer", 14, 14) in focus
    assert [label for label, _, _ in focus] == sorted(label for label, _, _ in focus) and ("hub", 14, 14) not in focus
    # `  - fewer-calls`, an item of `objectives:`: the register's objectives.
    item = next(i for i, l in enumerate(strategy.read_text().split("\n")) if l.strip() == "- fewer-calls")
    # (past the comment line between them), the typed "fe" replaced.
    assert await complete(client, uri, item, 6) == [("fewer-calls", 4, 6)]
    # `title:` names nothing the model knows.
    assert await complete(client, uri, 0, 8) == []

    index = site / "content/index.md"
    index_uri = open_file(client, index, "markdown")
    line = index.read_text().split("\n")[2]
    destination = line.index("](") + 2
    # In a link's destination: the other Markdown files, by their path from this one.
    paths = await complete(client, index_uri, 2, destination)
    assert ("guides/listening-plan.md", destination, destination) in paths
    assert ("strategies/community.md", destination, destination) in paths
    assert all(not label.startswith("index") for label, _, _ in paths)
    # After `#`: the target's headings.
    hash_at = line.index("#sources") + 1
    assert await complete(client, index_uri, 2, hash_at) == [("sources", hash_at, hash_at), ("checklist", hash_at, hash_at)]
    # From a page in a folder, other folders are climbed out of.
    escalation = open_file(client, site / "content/guides/escalation.md", "markdown")
    text = (site / "content/guides/escalation.md").read_text().split("\n")[2]
    at = text.index("](") + 2
    assert ("../strategies/community.md", at, at) in await complete(client, escalation, 2, at)


def apply_workspace_edit(site: pathlib.Path, edit) -> dict[str, str]:
    """The files a workspace edit would leave, by path from the site's root: each changed file's
    text after its edits, and a renamed file under its new name."""
    texts: dict[str, str] = {}
    def relative(uri: str) -> str:
        return pathlib.Path(uri[len("file://"):]).relative_to(site).as_posix()
    changes = edit.document_changes or []
    for change in changes:
        if isinstance(change, types.TextDocumentEdit):
            path = relative(change.text_document.uri)
            texts[path] = apply(texts.get(path, (site / path).read_text()), change.edits)
        elif isinstance(change, types.RenameFile):
            old, new = relative(change.old_uri), relative(change.new_uri)
            texts[new] = texts.pop(old, (site / old).read_text())
            texts[old] = None
    for uri, edits in (edit.changes or {}).items():
        path = relative(uri)
        texts[path] = apply(texts.get(path, (site / path).read_text()), edits)
    return texts


@pytest.mark.asyncio
async def test_rename_a_team_everywhere_with_its_file(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    line = next(i for i, l in enumerate(strategy.read_text().split("\n")) if l.startswith("  content-direction:"))
    character = strategy.read_text().split("\n")[line].index("insight")
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character + 2)))
    assert (prepared.start.line, prepared.start.character, prepared.end.character) == (line, character, character + len("insight"))
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character), new_name="research"))
    texts = apply_workspace_edit(site, edit)
    assert texts["content/teams/insight.yaml"] is None
    assert texts["content/teams/research.yaml"] == (site / "content/teams/insight.yaml").read_text()
    assert texts["content/strategies/community.yaml"] == strategy.read_text().replace(": insight", ": research") \
        .replace("[insight", "[research").replace("insight]", "research]")
    plan = (site / "content/guides/listening-plan.md").read_text()
    assert texts["content/guides/listening-plan.md"] == plan.replace("owner: insight", "owner: research") \
        .replace("(../teams/insight.yaml)", "(../teams/research.yaml)")
    # The words "insight" elsewhere (a responsibility called insight-dissemination) are left.
    assert "insight-dissemination" in texts["content/strategies/community.yaml"]
    # Written out, the renamed site checks as clean as before.
    for path, text in texts.items():
        if text is None:
            (site / path).unlink()
        else:
            (site / path).write_text(text)
    result = subprocess.run([CHARTER, "check", "--root", str(site)], capture_output=True, text=True, env=ENVIRONMENT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.asyncio
async def test_rename_a_heading_and_the_links_to_it(client: LanguageClient, site: pathlib.Path):
    plan = site / "content/guides/listening-plan.md"
    uri = open_file(client, plan, "markdown")
    heading = plan.read_text().split("\n").index("## Sources")
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=heading, character=5),
        new_name="Where we listen"))
    texts = apply_workspace_edit(site, edit)
    assert texts == {
        "content/guides/listening-plan.md": plan.read_text().replace("## Sources", "## Where we listen"),
        "content/index.md": (site / "content/index.md").read_text().replace("#sources", "#where-we-listen"),
    }


@pytest.mark.asyncio
async def test_renaming_a_file_rewrites_the_links_to_it(client: LanguageClient, site: pathlib.Path):
    old = (site / "content/guides/listening-plan.md").as_uri()
    new = (site / "content/plan.md").as_uri()
    edit = await client.workspace_will_rename_files_async(types.RenameFilesParams(files=[types.FileRename(old_uri=old, new_uri=new)]))
    texts = apply_workspace_edit(site, edit)
    assert texts == {
        "content/index.md": (site / "content/index.md").read_text().replace("(guides/listening-plan.md#sources)", "(plan.md#sources)"),
        "content/guides/escalation.md": (site / "content/guides/escalation.md").read_text()
            .replace("(listening-plan.md)", "(../plan.md)"),
        # Its own link, written from its new folder.
        "content/guides/listening-plan.md": (site / "content/guides/listening-plan.md").read_text()
            .replace("(../teams/insight.yaml)", "(teams/insight.yaml)"),
    }


@pytest.mark.asyncio
async def test_hover_over_a_team_and_a_stage(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    lines = strategy.read_text().split("\n")

    async def hover(line: int, character: int) -> str:
        result = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)))
        return result.contents.value

    # `owner: hub`: what the team holds in each strategy.
    text = await hover(1, 8)
    assert text.split("\n")[0] == "**Community Hub** (team `hub`)"
    assert text.split("\n")[1].startswith("- Customer community: owns it; Accountable for ")
    assert "Responsible for Governance" in text.split("\n")[1]
    # `current: formalised`: the stage's criteria, each marked met or not for this strategy.
    current = lines.index("  current: formalised")
    text = await hover(current, 13)
    first, _, criteria = text.partition("\n\nWhat Customer community meets of it:\n")
    assert first.startswith("**Formalised** (stage ")
    marks = [line[2] for line in criteria.split("\n")]
    # The fixture is at Formalised and meets every criterion of it.
    assert marks and set(marks) == {"✓"}


@pytest.mark.asyncio
async def test_completion_of_a_strategys_own_methods_and_programs(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = open_file(client, strategy, "yaml")
    lines = strategy.read_text().split("\n")
    # `shaped: [peer-answers]`: what a co-creator shaped is a finding, a method or a program of this strategy.
    line = next(i for i, l in enumerate(lines) if "shaped: [" in l)
    at = lines[line].index("shaped: [") + len("shaped: [")
    assert [label for label, _, _ in await complete(client, uri, line, at)] == ["ask-a-member", "peer-answers"]
    # `method: peer-answers` in a program: the strategy's methods.
    line = next(i for i, l in enumerate(lines) if l.strip() == "method: peer-answers")
    at = lines[line].index("peer-answers")
    assert await complete(client, uri, line, at + 4) == [("peer-answers", at, at + 4)]


def test_a_change_whose_range_cannot_be_read_is_skipped(site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = strategy.as_uri()
    text = strategy.read_text().replace("owner: hub\n", "owner: hubb\n", 1)
    stream = b"".join([
        frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": site.as_uri(), "capabilities": {}}}),
        frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}),
        # A range without its end: taken for the whole buffer, it would leave only "x".
        frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}}, "text": "x"}]}}),
    ])
    server = subprocess.Popen([CHARTER, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=ENVIRONMENT)
    server.stdin.write(stream)
    server.stdin.flush()
    # The server checks once what arrived, then is asked to stop.
    time.sleep(3)
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.close()
    output = server.stdout.read()
    assert server.wait(timeout=60) == 0
    published = [m["params"] for m in responses(output) if m.get("method") == "textDocument/publishDiagnostics"
                 and m["params"]["uri"] == uri]
    assert [[d["code"] for d in p["diagnostics"]] for p in published][-1] == ["CH250"]


@pytest.mark.asyncio
async def test_a_buffer_with_crlf_line_ends(client: LanguageClient, site: pathlib.Path):
    strategy = site / "content/strategies/community.yaml"
    uri = strategy.as_uri()
    text = strategy.read_text().replace("owner: hub\n", "owner: hubb\n", 1).replace("\n", "\r\n")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    found = await diagnostics_until(client, uri, lambda d: len(d) > 0)
    assert summary(found) == [("CH250", types.DiagnosticSeverity.Error, 1, 7, 1, 11)]


@pytest.mark.asyncio
async def test_two_files_moved_together_keep_their_link(client: LanguageClient, site: pathlib.Path):
    guides = site / "content/guides"
    moves = [types.FileRename(old_uri=(guides / name).as_uri(), new_uri=(site / "content/moved" / name).as_uri())
             for name in ("escalation.md", "listening-plan.md")]
    edit = await client.workspace_will_rename_files_async(types.RenameFilesParams(files=moves))
    texts = apply_workspace_edit(site, edit)
    # escalation.md's link to listening-plan.md is the same from the new folder: left alone.
    assert "content/guides/escalation.md" not in texts
    assert texts == {
        "content/index.md": (site / "content/index.md").read_text().replace("(guides/listening-plan.md#sources)", "(moved/listening-plan.md#sources)"),
    }
