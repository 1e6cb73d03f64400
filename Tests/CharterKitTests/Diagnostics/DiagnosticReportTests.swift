import Foundation
import Testing
@testable import CharterKit

@Suite struct DiagnosticReportTests {
    let diagnostics = [
        Diagnostic(.noCoCreators, "strategy 'x' names no co-creators", at: SourceLocation(path: "content/strategies/x.yaml"),
                   fixHint: "list them"),
        Diagnostic(.duplicateID, "method 'a' is defined twice, with 100% certainty", at: SourceLocation(path: "content/strategies/x.yaml", line: 9, column: 5),
                   notes: [.init("first defined here", at: SourceLocation(path: "content/strategies/x.yaml", line: 7, column: 5))]),
        Diagnostic(.maturityGap, "to reach Strategic: a sponsor", at: SourceLocation(path: "content/strategies/x.yaml", line: 12, column: 11)),
    ]

    @Test("GitHub workflow commands: most severe first, with properties and data escaped")
    func github() {
        #expect(DiagnosticReport(diagnostics).github() == """
            ::error file=content/strategies/x.yaml,line=9,col=5,title=CH251::method 'a' is defined twice, with 100%25 certainty%0Acontent/strategies/x.yaml:7:5: first defined here
            ::warning file=content/strategies/x.yaml,line=1,col=1,title=CH211::strategy 'x' names no co-creators%0Ahelp: list them
            ::notice file=content/strategies/x.yaml,line=12,col=11,title=CH222::to reach Strategic: a sponsor

            """)
    }

    @Test("a path with a comma, a colon or a percent sign is escaped in the file property")
    func githubPathEscaped() {
        let odd = Diagnostic(.maturityGap, "to reach Strategic: a sponsor", at: SourceLocation(path: "content/q&a, 100%: notes.md", line: 2, column: 3))
        #expect(DiagnosticReport([odd]).github() == """
            ::notice file=content/q&a%2C 100%25%3A notes.md,line=2,col=3,title=CH222::to reach Strategic: a sponsor

            """)
    }

    @Test("SARIF results carry each diagnostic's own severity (a draft's note, a level charter.yaml sets), not its code's default")
    func sarifLevelsAreTheDiagnostics() throws {
        var raised = diagnostics[2]
        raised.severity = .error
        var lowered = diagnostics[1]
        lowered.severity = .note
        let object = try JSONSerialization.jsonObject(with: Data(DiagnosticReport([raised, lowered]).sarif().utf8)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(results.map { "\($0["ruleId"] as? String ?? "") \($0["level"] as? String ?? "")" } == ["CH251 note", "CH222 error"])
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let defaults = rules.filter { ["CH222", "CH251"].contains($0["id"] as? String) }
            .map { (($0["defaultConfiguration"] as? [String: Any])?["level"] as? String) ?? "" }
        #expect(defaults == ["note", "error"])
    }

    @Test("JSON carries the summary and every field, sorted by position")
    func json() throws {
        let object = try JSONSerialization.jsonObject(with: Data(DiagnosticReport(diagnostics, toolVersion: "9.9").json().utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary == ["errors": 1, "warnings": 1, "notes": 1])
        #expect(object?["version"] as? String == "9.9")
        let items = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(items.map { $0["code"] as? String } == ["CH211", "CH251", "CH222"])
        let first = items.first
        #expect(first?["fix"] as? String == "list them")
        #expect((first?["location"] as? [String: Any])?["line"] as? Int == 1)
        let note = (items[1]["notes"] as? [[String: Any]])?.first
        #expect(note?["message"] as? String == "first defined here")
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema, with every rule described")
    func sarif() throws {
        let text = DiagnosticReport(diagnostics).sarif()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.count == DiagnosticCode.all.count)
        #expect(rules.first { $0["id"] as? String == "CH221" }?["name"] as? String == "UnmetStageCriterion")
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "note"])
        #expect(results.map { $0["ruleId"] as? String } == ["CH211", "CH251", "CH222"])
        try SchemaValidator.validate(text, against: "sarif-schema-2.1.0.json")
    }

    @Test("a SARIF log of a real broken site validates too")
    func sarifOfBrokenSite() throws {
        let result = try FixtureSite.result([
            .replace("owner: hub\nstatus", with: "owner: hbu\nstatus"),
            .replace("title: Customer community\n", with: "title: Customer community\ntitle: again\n"),
            .write("content/teams/bad.yaml", "name: [unclosed\n"),
        ])
        #expect(result.diagnostics.count >= 2)
        try SchemaValidator.validate(DiagnosticReport(result.diagnostics).sarif(), against: "sarif-schema-2.1.0.json")
    }

    @Test("charter check --format sarif prints a log that validates, with each result at its rule and place")
    func sarifFromCommandLine() throws {
        let site = try FixtureSite.make([
            .replace("owner: hub\nstatus", with: "owner: hbu\nstatus"),
            .write("content/teams/bad.yaml", "name: [unclosed\n"),
        ])
        let output = try CharterProcess.run(["check", "--root", site.root.path, "--format", "sarif"])
        #expect(output.status == 1, "\(output.stderr)")
        try SchemaValidator.validate(output.stdout, against: "sarif-schema-2.1.0.json")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        let results = (run?["results"] as? [[String: Any]] ?? []).map { result -> String in
            let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let region = physical["region"] as? [String: Any] ?? [:]
            return "\(result["ruleId"] as? String ?? "") \(result["level"] as? String ?? "") "
                + "\(uri):\(region["startLine"] as? Int ?? 0):\(region["startColumn"] as? Int ?? 0)"
        }
        #expect(results == ["CH250 error content/strategies/community.yaml:2:8", "CH102 error content/teams/bad.yaml:2:1"])
    }
}

/// Validates JSON against a schema kept in the test fixtures, with Python's jsonschema.
enum SchemaValidator {
    static let schemas = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/Schemas", directoryHint: .isDirectory)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func validate(_ json: String, against schema: String) throws {
        let site = try TemporarySite()
        let document = site.folder.appending(path: "document.json")
        try Data(json.utf8).write(to: document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            jsonschema.validators.validator_for(schema)(schema).validate(document)
            print("valid")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemas.appending(path: schema).path, document.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, text == "valid\n" else { throw Failure(description: text) }
    }
}

@Suite struct GitHubSummaryTests {
    @Test("check --format github appends the complete list to GITHUB_STEP_SUMMARY, most severe first")
    func stepSummary() throws {
        let site = try FixtureSite.make([
            .replace("co_creators:\n  - {name: Broker advisory panel, kind: partner, from: 2026-01-12, to: 2026-04-30, shaped: [peer-answers],\n     contribution: Asked for answers from members first., signed_off: 2026-05-06}\n", with: ""),
            .replace("owner: hub\nstatus", with: "owner: hbu\nstatus"),
        ])
        let summary = site.folder.appending(path: "summary.md")
        try Data("# Earlier step\n".utf8).write(to: summary)
        let process = Process()
        process.executableURL = CharterProcess.executable
        process.arguments = ["check", "--root", site.root.path, "--format", "github", "--today", "2026-11-01"]
        process.environment = ["GITHUB_STEP_SUMMARY": summary.path, "SOURCE_DATE_EPOCH": TestDay.epoch(TestDay.fixture)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let annotations = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(annotations.hasPrefix("::error file=content/strategies/community.yaml,line=2,col=8,title=CH250::unknown team 'hbu'"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text == """
            # Earlier step
            ## Charter check

            **1 errors, 1 warnings, 0 notes**

            | severity | code | location | message |
            |---|---|---|---|
            | error | CH250 | `content/strategies/community.yaml:2:8` | unknown team 'hbu' (did you mean 'hub'?) |
            | warning | CH211 | `content/strategies/community.yaml:1:1` | strategy 'community' names no co-creators (list the customers, partners or others it was made with under 'co_creators') |

            """)
    }
}
