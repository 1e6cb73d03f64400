import Foundation
import Testing
@testable import CharterKit

/// Hostile and broken input through the real `charter check`: each case gets exactly its
/// located diagnostics and exit code 1 within bounded time and memory, never a crash or a hang.
@Suite struct MalformedInputTests {
    static func aliasBomb() -> String {
        var yaml = "title: Bomb\nowner: hub\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            yaml += "x-a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        return yaml
    }

    static let cases: [(name: String, path: String, contents: Data, expected: [String])] = [
        ("broken YAML", "content/strategies/broken.yaml", Data("title: [unclosed\nowner: hub\n".utf8),
         ["CH102 error content/strategies/broken.yaml:2:6"]),
        ("wrong types", "content/teams/typed.yaml", Data("name:\n  first: A\n".utf8),
         ["CH110 error content/teams/typed.yaml:1:1", "CH105 error content/teams/typed.yaml:2:3"]),
        ("unknown keys", "content/teams/keyed.yaml", Data("name: Keyed\nlaed: someone\n".utf8),
         ["CH108 error content/teams/keyed.yaml:2:1"]),
        ("duplicate IDs", "content/teams/hub.yml", Data("name: Second hub\n".utf8),
         ["CH004 error content/teams/hub.yml:1:1", "CH251 error content/teams/hub.yml:1:1"]),
        ("invalid UTF-8", "content/guides/latin1.md", Data("# Caf".utf8) + Data([0xE9, 0x0A]),
         ["CH002 error content/guides/latin1.md:1:6"]),
        ("an empty file", "content/teams/empty.yaml", Data(),
         ["CH107 error content/teams/empty.yaml:1:1"]),
        ("a 20 MB file", "content/strategies/huge.yaml", Data(String(repeating: "x-filler: 0123456789abcdef\n", count: 800_000).utf8),
         ["CH003 error content/strategies/huge.yaml:1:1"]),
        ("an alias bomb", "content/strategies/bomb.yaml", Data(aliasBomb().utf8),
         ["CH104 error content/strategies/bomb.yaml:8:1"]),
        ("deep nesting", "content/teams/deep.yaml", Data(("name: " + String(repeating: "[", count: 200_000)).utf8),
         ["CH104 error content/teams/deep.yaml:1:507"]),
        ("unterminated front matter", "content/guides/open.md", Data("---\ntitle: Open\n\n# Open\n".utf8),
         ["CH101 error content/guides/open.md:1:1"]),
    ]

    /// The peak memory of a `charter` process that does nothing (`--version`), in KiB. The bound
    /// below is on what a check adds to it: under ThreadSanitizer an idle process already holds
    /// about 1.9 GiB of shadow memory, and an absolute bound would measure the sanitizer.
    static let idlePeak: Int = (try? CharterProcess.runMeasured(["--version"]).maxResidentKiB) ?? 0

    @Test("bad input yields its diagnostic and exit code 1", arguments: 0..<cases.count)
    func malformed(index: Int) throws {
        let item = Self.cases[index]
        let site = try FixtureSite.make([])
        try site.write(item.path, item.contents)
        let clock = ContinuousClock()
        var output: CharterProcess.Output!
        var peak = 0
        let elapsed = try clock.measure {
            (output, peak) = try CharterProcess.runMeasured(["check", "--root", site.root.path, "--format", "json"])
        }
        #expect(output.status == 1, "\(item.name): exit \(output.status), stderr: \(output.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let found = (report?["diagnostics"] as? [[String: Any]] ?? []).map { item -> String in
            let location = item["location"] as? [String: Any]
            return "\(item["code"] as? String ?? "") \(item["severity"] as? String ?? "") "
                + "\(location?["path"] as? String ?? ""):\(location?["line"] as? Int ?? 0):\(location?["column"] as? Int ?? 0)"
        }
        #expect(found == item.expected, "\(item.name)")
        #expect(elapsed < .seconds(20), "\(item.name) took \(elapsed)")
        #expect(Self.idlePeak > 0 && peak > 0 && peak - Self.idlePeak < 1_048_576,
                "\(item.name): the check used \(peak) KiB, an idle charter \(Self.idlePeak) KiB")
    }
}
