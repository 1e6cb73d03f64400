import Foundation
import Testing
@testable import CharterKit

/// Builds each fixture site under Tests/CharterKitTests/Fixtures/Sites/<case>/site and compares
/// every output file with <case>/expected byte for byte.
///
/// To re-record after an intended change, run the tests with CHARTER_RECORD=1: the expected
/// files are rewritten and the run fails, so a recording is always reviewed before it lands.
@Suite struct GoldenSiteTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/Sites", directoryHint: .isDirectory)

    @Test("each fixture site builds to its expected files", arguments: ["basic", "rtl"])
    func golden(name: String) throws {
        let fixture = Self.fixtures.appending(path: name, directoryHint: .isDirectory)
        // On a copy: other tests copy the fixture while this one runs, and a build leaves its
        // cache under the root.
        let scratch = try TemporarySite()
        try FileManager.default.copyItem(at: fixture.appending(path: "site"), to: scratch.root)
        let result = try SiteBuilder.pinned(root: scratch.root, output: scratch.output, today: TestDay.fixture).build()
        #expect(!FileManager.default.fileExists(atPath: fixture.appending(path: "site/.charter-cache").path))
        #expect(result.diagnostics.isEmpty)
        let everything = try TemporarySite.snapshot(of: scratch.output)
        // The theme's assets are published exactly as Templates/assets/ has them, which is
        // their expected copy; the rest of the site is compared with the recorded files.
        let assets = everything.filter { $0.key.hasPrefix("assets/") }
        let theme = try TemporarySite.snapshot(of: DefaultTemplatesTests.templatesFolder).filter { $0.key.hasPrefix("assets/") }
        #expect(assets.keys.sorted() == theme.keys.sorted())
        #expect(assets.count == 2)
        for (path, data) in theme.sorted(by: { $0.key < $1.key }) {
            #expect(assets[path] == data, "\(path) differs from Templates/\(path)")
        }
        let built = everything.filter { !$0.key.hasPrefix("assets/") }
        let expectedFolder = fixture.appending(path: "expected", directoryHint: .isDirectory)

        if ProcessInfo.processInfo.environment["CHARTER_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in built {
                let url = expectedFolder.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            Issue.record("recorded \(built.count) expected files for '\(name)'; review them and run again without CHARTER_RECORD")
            return
        }
        let expected = try TemporarySite.snapshot(of: expectedFolder)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            let actual = built[path].map { String(decoding: $0, as: UTF8.self) }
            #expect(actual == String(decoding: data, as: UTF8.self), "\(path) differs from the expected file")
        }
    }
}
