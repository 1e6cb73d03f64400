import Testing
@testable import CharterKit

@Suite struct YAMLReaderTests {
    @Test("values keep their positions, shifted by the line offset")
    func positions() throws {
        let (node, diagnostics) = YAMLReader().read("title: A\ntags:\n  - x\n", path: "a.md", lineOffset: 1)
        #expect(diagnostics.isEmpty)
        let root = try #require(node)
        #expect(root["title"]?.location == SourceLocation(path: "a.md", line: 2, column: 8))
        #expect(root.entries?[1].keyLocation == SourceLocation(path: "a.md", line: 3, column: 1))
        #expect(root["tags"]?.items?.first?.location == SourceLocation(path: "a.md", line: 4, column: 5))
    }

    @Test("scalars are typed by YAML's core schema")
    func scalarTypes() throws {
        let (node, _) = YAMLReader().read("a: 1\nb: yes\nc: 'yes'\nd: ~\ne: 1.5\n", path: "x")
        let root = try #require(node)
        #expect(root["a"]?.kind == .scalar("1", .int))
        #expect(root["b"]?.kind == .scalar("yes", .bool))
        #expect(root["c"]?.kind == .scalar("yes", .string))
        #expect(root["d"]?.kind == .scalar("~", .null))
        #expect(root["e"]?.kind == .scalar("1.5", .float))
    }

    @Test("malformed YAML is CH102 at the parser's own position")
    func malformed() {
        let (node, diagnostics) = YAMLReader().read("title: [unclosed\nnext: 1\n", path: "a.yaml")
        #expect(node == nil)
        #expect(located(diagnostics) == ["CH102 error a.yaml:2:5"])
    }

    @Test("a duplicate key is CH106")
    func duplicateKey() {
        let (node, diagnostics) = YAMLReader().read("title: A\ntitle: B\n", path: "a.yaml")
        #expect(node == nil)
        #expect(diagnostics.map(\.code) == [.duplicateKey])
    }

    @Test("an alias bomb is CH104, not a hang")
    func aliasBomb() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let clock = ContinuousClock()
        var result: (node: YAMLNode?, diagnostics: [Diagnostic])!
        let elapsed = clock.measure { result = YAMLReader().read(yaml, path: "bomb.yaml") }
        #expect(result.node == nil)
        #expect(located(result.diagnostics) == ["CH104 error bomb.yaml:6:1"])
        #expect(result.diagnostics.first?.message == "the value of 'a5' expands to more than 250000 values once aliases are followed")
        #expect(elapsed < .seconds(5))
    }

    @Test("deep nesting is CH104 at the bracket that goes too deep")
    func deepNesting() {
        let yaml = "x: " + String(repeating: "[", count: 100_000)
        let (node, diagnostics) = YAMLReader().read(yaml, path: "deep.yaml")
        #expect(node == nil)
        #expect(located(diagnostics) == ["CH104 error deep.yaml:1:504"])
    }

    @Test("closing brackets inside quoted strings do not hide nesting")
    func quotedBrackets() {
        let yaml = "x: " + String(repeating: "[ \"]\", ", count: 600)
        let (_, diagnostics) = YAMLReader().read(yaml, path: "deep.yaml")
        #expect(diagnostics.map(\.code) == [.yamlTooComplex])
    }

    @Test("an empty document is a null scalar")
    func empty() {
        let (node, diagnostics) = YAMLReader().read("", path: "a.yaml")
        #expect(diagnostics.isEmpty)
        #expect(node?.kind == .scalar("", .null))
    }
}
