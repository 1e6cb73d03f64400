import Foundation
import Testing
@testable import CharterKit

/// What `charter init` writes comes from the repository's Scaffold/ folder.
@Suite struct ScaffoldFilesTests {
    static let folder = ExampleSiteTests.repository.appending(path: "Scaffold", directoryHint: .isDirectory)

    @Test("the binary embeds every file of Scaffold/, byte for byte, with dot- names as dotted ones")
    func embedsScaffoldFolder() throws {
        let onDisk = try TemporarySite.snapshot(of: Self.folder)
        let expected = Dictionary(uniqueKeysWithValues: onDisk.map { path, data in
            (path.split(separator: "/").map { $0.hasPrefix("dot-") ? "." + $0.dropFirst(4) : String($0) }.joined(separator: "/"), data)
        })
        #expect(ScaffoldFiles.files.keys.sorted() == expected.keys.sorted())
        #expect(ScaffoldFiles.files.keys.contains(".gitignore"))
        #expect(ScaffoldFiles.files.keys.contains(".github/workflows/charter.yml"))
        for (path, data) in expected {
            #expect(ScaffoldFiles.files[path]?.data == data, "\(path) differs from its embedded copy")
        }
    }

    @Test("init fills every placeholder: the dates, the interval, and this release's action and repository")
    func placeholdersFilled() throws {
        let scaffold = Scaffold(today: CalendarDate(year: 2026, month: 3, day: 9))
        let files = scaffold.files().mapValues { String(decoding: $0, as: UTF8.self) }
        for placeholder in ["LAST_REVIEWED", "REVIEW_DUE", "REVIEW_INTERVAL", "CHARTER_ACTION", "CHARTER_REPOSITORY"] {
            #expect(files.filter { $0.value.contains(placeholder) }.keys.sorted() == [], "\(placeholder) left in")
        }
        #expect(files["content/playbooks/listening-plan.md"]?.contains("last_reviewed: 2026-03-09\nreview_interval: 12 months\n") == true)
        #expect(files["README.md"]?.contains("fall due on **2027-03-09**") == true)
        #expect(files[".github/workflows/charter.yml"]?.contains("uses: \(CharterRelease.repository)@v\(CharterRelease.version)") == true)
        #expect(Scaffold.reviewedPlaybooks == [
            "content/playbooks/launching-the-forum.md", "content/playbooks/listening-plan.md",
            "content/playbooks/moderation-and-escalation.md",
        ])
    }
}
