import Foundation
import Testing
@testable import CharterKit

/// `charter init`, `charter codeowners` and `charter schema`.
@Suite struct ReviewToolsTests {
    @Test("init writes a repository that passes check --strict and builds; a second init refuses and writes nothing")
    func initScaffold() throws {
        let scratch = try TemporarySite()
        let folder = scratch.folder.appending(path: "playbook").path
        let created = try CharterProcess.run(["init", folder])
        #expect(created.status == 0)
        #expect(created.stdout.hasPrefix("Wrote 28 files to "))
        // The settings that start the language server, for VS Code, Helix and Neovim.
        #expect(created.stdout.contains("\nEditors: .vscode/, .helix/ and .nvim.lua start 'charter lsp', which checks as you type (AUTHORING.md).\nNext: "))
        for (file, text) in [(".helix/languages.toml", "args = [\"lsp\"]"), (".vscode/settings.json", "\"glspc.server.commandArguments\": [\"lsp\"]"),
                             (".vscode/extensions.json", "zsol.vscode-glspc"), (".nvim.lua", "cmd = { \"charter\", \"lsp\" }")] {
            #expect(try String(contentsOfFile: folder + "/" + file, encoding: .utf8).contains(text), "\(file)")
        }
        let check = try CharterProcess.run(["check", "--root", folder, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        let build = try CharterProcess.run(["build", "--root", folder])
        #expect(build.status == 0)
        let before = try TemporarySite.snapshot(of: URL(fileURLWithPath: folder))
        let again = try CharterProcess.run(["init", folder])
        #expect(again.status == 64)
        #expect(again.stderr.hasSuffix("already exists; nothing was written\n"))
        #expect(try TemporarySite.snapshot(of: URL(fileURLWithPath: folder)) == before)
    }

    @Test("init's playbooks fall due a year on, as init and the README say: check --strict passes until then, and 500 days on fails on each of them with CH252 alone")
    func initReviewDue() throws {
        let scratch = try TemporarySite()
        let folder = scratch.folder.appending(path: "playbook").path
        let created = try CharterProcess.run(["init", folder], today: TestDay.fixture)
        #expect(created.status == 0)
        #expect(created.stdout.contains("""
            .
            Its 3 playbooks fall due for review on 2027-11-01: from that day 'charter check --strict' \
            fails (CH252) until each one's last_reviewed is updated (README.md says how).
            Editors: .vscode/, .helix/ and .nvim.lua start 'charter lsp', which checks as you type (AUTHORING.md).
            Next: cd
            """))
        let readme = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
        #expect(readme.contains("were dated 2026-11-01 with a review interval of 12 months, so they\nfall due on **2027-11-01**."))
        let playbook = try String(contentsOfFile: folder + "/content/playbooks/listening-plan.md", encoding: .utf8)
        #expect(playbook.contains("last_reviewed: 2026-11-01\nreview_interval: 12 months\n"))

        let eve = try CharterProcess.run(["check", "--root", folder, "--strict", "--today", "2027-10-31"])
        #expect(eve.status == 0, "\(eve.stderr)")
        let late = try CharterProcess.run(["check", "--root", folder, "--strict"], today: CalendarDate(year: 2028, month: 3, day: 15))
        #expect(late.status == 1)
        let findings = (late.stdout + late.stderr).split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
            .map { line in line.split(separator: ":").prefix(1).joined() + " " + (line.split(separator: "[").last.map { String($0.dropLast()) } ?? "") }
        #expect(findings == Scaffold.reviewedPlaybooks.map { "\($0) CH252" } + ["content/strategies/customer-forum.yaml CH261"])
    }

    @Test("init --templates copies the default templates for customising")
    func initTemplates() throws {
        let scratch = try TemporarySite()
        let folder = scratch.folder.appending(path: "playbook")
        #expect(try CharterProcess.run(["init", folder.path, "--templates"]).status == 0)
        let copied = try TemporarySite.snapshot(of: folder.appending(path: "Templates")).keys.sorted()
        #expect(copied == DefaultTemplates.files.keys.sorted())
    }

    @Test("codeowners --check passes on a fresh scaffold and fails after a matrix change, until regenerated")
    func codeowners() throws {
        let scratch = try TemporarySite()
        let folder = scratch.folder.appending(path: "playbook")
        #expect(try CharterProcess.run(["init", folder.path]).status == 0)
        #expect(try CharterProcess.run(["codeowners", "--root", folder.path, "--check"]).status == 0)
        let strategy = folder.appending(path: "content/strategies/customer-forum.yaml")
        let text = try String(contentsOf: strategy, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "governance: {accountable: leadership-team, responsible: [community-team]}",
                                           with: "governance: {accountable: community-team, responsible: [community-team]}").utf8)
            .write(to: strategy)
        let stale = try CharterProcess.run(["codeowners", "--root", folder.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("is out of date; run 'charter codeowners' to regenerate it"))
        #expect(try CharterProcess.run(["codeowners", "--root", folder.path]).status == 0)
        let owners = try String(contentsOf: folder.appending(path: ".github/CODEOWNERS"), encoding: .utf8)
        #expect(owners.contains("/content/strategies/customer-forum.yaml @example-org/community-team\n"))
        #expect(owners.contains("/content/playbooks/listening-plan.md @example-org/community-team\n"))
        #expect(try CharterProcess.run(["codeowners", "--root", folder.path, "--check"]).status == 0)
    }

    @Test("CODEOWNERS paths start at the repository's top when the site is in a subfolder")
    func codeownersPrefix() throws {
        let scratch = try TemporarySite()
        try DiffTests.git(["init", "-q"], in: scratch.folder)
        let folder = scratch.folder.appending(path: "docs/playbook")
        #expect(try CharterProcess.run(["init", folder.path]).status == 0)
        #expect(try CharterProcess.run(["codeowners", "--root", folder.path]).status == 0)
        let owners = try String(contentsOf: folder.appending(path: ".github/CODEOWNERS"), encoding: .utf8)
        #expect(owners.contains("\n/docs/playbook/content/strategies/customer-forum.yaml @example-org/leadership-team\n"))
    }

    @Test("the schemas are valid JSON Schema, accept every strategy and team of the example, and reject mistakes")
    func schemas() throws {
        let scratch = try TemporarySite()
        let out = scratch.folder.appending(path: "schemas")
        #expect(try CharterProcess.run(["schema", "--root", ExampleSiteTests.repository.path, "--out", out.path]).status == 0)
        let content = ExampleSiteTests.repository.appending(path: "content")
        let strategies = try FileManager.default.contentsOfDirectory(atPath: content.appending(path: "strategies").path)
            .filter { $0.hasSuffix(".yaml") }.map { content.appending(path: "strategies/\($0)").path }
        let teams = try FileManager.default.contentsOfDirectory(atPath: content.appending(path: "teams").path)
            .filter { $0.hasSuffix(".yaml") }.map { content.appending(path: "teams/\($0)").path }
        let parties = try FileManager.default.contentsOfDirectory(atPath: content.appending(path: "parties").path)
            .filter { $0.hasSuffix(".yaml") }.map { content.appending(path: "parties/\($0)").path }
        #expect(strategies.count >= 4 && teams.count >= 6 && parties.count >= 1)

        let bad = scratch.folder.appending(path: "bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        let example = try String(contentsOfFile: strategies.sorted()[0], encoding: .utf8)
        try Data(example.replacingOccurrences(of: "\ngoal:", with: "\ngaol:").utf8).write(to: bad.appending(path: "misspelt.yaml"))
        let stage = try #require(example.range(of: #"current: [a-z]+"#, options: .regularExpression))
        try Data(example.replacingOccurrences(of: example[stage], with: "current: legendary").utf8).write(to: bad.appending(path: "stage.yaml"))
        try Data("name: Team\nkind: tribe\n".utf8).write(to: bad.appending(path: "team.yaml"))
        // A misspelt key of a tracked measure, and a register entry without its title.
        let measured = try #require(strategies.sorted().map { try String(contentsOfFile: $0, encoding: .utf8) }.first { $0.contains("\n    unit: ") })
        try Data(measured.replacingOccurrences(of: "\n    unit: ", with: "\n    unti: ").utf8).write(to: bad.appending(path: "measure.yaml"))
        try Data("objectives:\n  - id: untitled\n".utf8).write(to: bad.appending(path: "objectives.yaml"))
        try Data("name: Guild\nkind: function team\n".utf8).write(to: bad.appending(path: "party.yaml"))
        try Data("language: pt\nmessages:\n  home:\n    glanse: Estratégias\n".utf8).write(to: bad.appending(path: "pt.yaml"))
        try Data("title: Playbook\nlanguage: en GB\n".utf8).write(to: bad.appending(path: "charter.yaml"))
        let bundles = try FileManager.default.contentsOfDirectory(atPath: TranslationTests.bundles.path).filter { $0.hasSuffix(".yaml") }
            .sorted().map { ("translation", TranslationTests.bundles.appending(path: $0).path) }
            + [("translation", GoldenSiteTests.fixtures.appending(path: "rtl/site/i18n/he.yaml").path),
               ("charter", ExampleSiteTests.repository.appending(path: "charter.yaml").path)]
        #expect(bundles.count == 6)
        let register = content.appending(path: "objectives.yaml").path
        let mistakes: [(kind: String, path: String)] = [
            ("strategy", bad.appending(path: "misspelt.yaml").path), ("strategy", bad.appending(path: "stage.yaml").path),
            ("team", bad.appending(path: "team.yaml").path), ("strategy", bad.appending(path: "measure.yaml").path),
            ("objectives", bad.appending(path: "objectives.yaml").path), ("party", bad.appending(path: "party.yaml").path),
            ("translation", bad.appending(path: "pt.yaml").path), ("charter", bad.appending(path: "charter.yaml").path),
        ]

        let results = try SchemaValidator.check(
            schemas: out,
            documents: strategies.map { ("strategy", $0) } + teams.map { ("team", $0) } + parties.map { ("party", $0) }
                + [("objectives", register)] + bundles + mistakes)
        let good = results.prefix(strategies.count + teams.count + parties.count + 1 + bundles.count)
        #expect(good.allSatisfy { $0 == "valid" }, "\(good)")
        #expect(results.suffix(8) == [
            "invalid: additionalProperties", "invalid: enum", "invalid: enum", "invalid: additionalProperties", "invalid: required", "invalid: enum",
            "invalid: additionalProperties", "invalid: pattern",
        ])
    }

    @Test("schemas follow the site's own model")
    func schemasFollowModel() throws {
        let model = """
            replace: true
            stages:
              - id: pilot
                name: Pilot
            """
        let (framework, _) = FrameworkLoader().load(siteFiles: [SourceText(path: "model/stages.yaml", text: model)])
        let schema = SchemaGenerator(framework: framework).files()["strategy.schema.json"] ?? ""
        #expect(schema.contains("\"enum\" : [\n        \"pilot\",\n        \"Pilot\"\n      ]"))
        #expect(!schema.contains("\"formalised\""))
    }
}

extension SchemaValidator {
    /// Validates YAML documents (kind, path) against `KIND.schema.json` in `schemas`, checking each
    /// schema first; returns "valid" or "invalid: VALIDATOR" for each document.
    static func check(schemas: URL, documents: [(kind: String, path: String)]) throws -> [String] {
        let script = """
            import json, sys, yaml, jsonschema
            folder = sys.argv[1]
            for kind, path in zip(sys.argv[2::2], sys.argv[3::2]):
                schema = json.load(open(f"{folder}/{kind}.schema.json"))
                validator = jsonschema.validators.validator_for(schema)
                validator.check_schema(schema)
                document = json.loads(json.dumps(yaml.safe_load(open(path)), default=str))
                errors = sorted(validator(schema).iter_errors(document), key=lambda e: list(e.path))
                print("valid" if not errors else "invalid: " + errors[0].validator)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemas.path] + documents.flatMap { [$0.kind, $0.path] }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: problem) }
        return text.split(separator: "\n").map(String.init)
    }
}
