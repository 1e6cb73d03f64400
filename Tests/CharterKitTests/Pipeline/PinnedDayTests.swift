import Foundation
import Testing
@testable import CharterKit

/// The suite must pass on any day. These tests read the suite's and Charter's own sources and
/// fail where a build could pick up the real day; CI's second run with SOURCE_DATE_EPOCH 500
/// days ahead (docs/testing.md) catches what a reading of the text cannot.
@Suite("Tests and Charter read the day in one place")
struct PinnedDayTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let sources = tests.deletingLastPathComponent().deletingLastPathComponent().appending(path: "Sources")

    /// Every Swift file below `folder`, by path relative to it, with its lines.
    static func swiftFiles(below folder: URL) throws -> [(path: String, lines: [Substring])] {
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var files: [(String, [Substring])] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            files.append((String(url.path.dropFirst(folder.path.count + 1)), text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// "path:line" of each line of the files that contains `needle`.
    static func places(of needle: String, in files: [(path: String, lines: [Substring])]) -> [String] {
        files.flatMap { file in
            file.lines.indices.filter { file.lines[$0].contains(needle) }.map { "\(file.path):\($0 + 1)" }
        }
    }

    @Test("every test makes its builder with SiteBuilder.pinned, which sets the day")
    func buildersArePinned() throws {
        let files = try Self.swiftFiles(below: Self.tests).filter { $0.path != "Support/TestDay.swift" }
        #expect(Self.places(of: "SiteBuilder" + "(root:", in: files) == [])
        #expect(Self.places(of: "SiteBuilder.pinned(", in: files).count > 30, "the scan reads the test sources")
    }

    @Test("every file that launches charter itself gives it a pinned SOURCE_DATE_EPOCH")
    func subprocessesArePinned() throws {
        let files = try Self.swiftFiles(below: Self.tests)
        let launching = files.filter { file in file.lines.contains { $0.contains("CharterProcess" + ".executable") } }
        #expect(launching.count >= 4, "the scan finds the launchers")
        let unpinned = launching.filter { file in
            !file.lines.contains { $0.contains("TestDay.environment(") || $0.contains("TestDay.epoch(") }
        }
        #expect(unpinned.map(\.path) == [])
    }

    @Test("Charter reads the real day only in SiteBuilder.defaultToday")
    func oneClock() throws {
        let files = try Self.swiftFiles(below: Self.sources)
        // The two reads (SOURCE_DATE_EPOCH's day, the clock's) are in the body of defaultToday.
        let start = try #require(Self.places(of: "static func " + "defaultToday(", in: files).first)
        let line = try #require(Int(start.split(separator: ":").last ?? ""))
        #expect(start.hasPrefix("CharterKit/Pipeline/SiteBuilder.swift:"))
        #expect(Self.places(of: "CalendarDate(" + "Date(", in: files) == [
            "CharterKit/Pipeline/SiteBuilder.swift:\(line + 2)", "CharterKit/Pipeline/SiteBuilder.swift:\(line + 4)",
        ])
    }

    @Test("SOURCE_DATE_EPOCH sets the day; without it the day is the real one")
    func sourceDateEpoch() throws {
        #expect(SiteBuilder.defaultToday(environment: ["SOURCE_DATE_EPOCH": TestDay.epoch(TestDay.fixture)]) == TestDay.fixture)
        #expect(SiteBuilder.defaultToday(environment: ["SOURCE_DATE_EPOCH": "1798891200"]) == CalendarDate(year: 2027, month: 1, day: 2))
        #expect(SiteBuilder.defaultToday(environment: [:]) == CalendarDate(Date()))
    }
}
