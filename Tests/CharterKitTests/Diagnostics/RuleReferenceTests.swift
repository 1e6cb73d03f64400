import Foundation
import Testing
@testable import CharterKit

@Suite struct RuleReferenceTests {
    static let committed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "docs/rules.md")

    @Test("docs/rules.md is the generated rule reference; regenerate with 'charter explain --markdown > docs/rules.md'")
    func upToDate() throws {
        let text = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(text == RuleReference.markdown())
    }

    @Test("codes are unique, well formed, explained, and every validation rule has its own")
    func codesAreSound() {
        let raw = DiagnosticCode.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw == raw.sorted())
        #expect(raw.allSatisfy { $0.count == 5 && $0.hasPrefix("CH") && Int($0.dropFirst(2)) != nil })
        #expect(DiagnosticCode.all.allSatisfy { !$0.summary.isEmpty && $0.explanation.count > 40 })
        let ruleCodes = SiteValidator.rules.map { type(of: $0).code.rawValue }
        #expect(Set(ruleCodes).count == ruleCodes.count)
        #expect(ruleCodes.allSatisfy(raw.contains))
    }
}
