import Foundation
import Synchronization
import Testing
@testable import CharterKit

/// The swap that publishes a new site: atomic where the system can exchange two folders, so
/// that someone reading the site while it is rebuilt never finds a page missing.
@Suite struct StagedSiteTests {
    @Test("the exchange swaps two folders in one step: each name now holds the other's folder")
    func exchange() throws {
        let scratch = try TemporarySite()
        let first = scratch.folder.appending(path: "first"), second = scratch.folder.appending(path: "second")
        for (folder, text) in [(first, "one"), (second, "two")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appending(path: "file.txt"))
        }
        let before = try (#require(FileIdentity(of: first)), #require(FileIdentity(of: second)))
        #expect(before.0 != before.1)

        #expect(StagedSite.exchange(first.path, second.path))
        #expect(FileIdentity(of: first) == before.1)
        #expect(FileIdentity(of: second) == before.0)
        #expect(try String(contentsOf: first.appending(path: "file.txt"), encoding: .utf8) == "two")
        #expect(try String(contentsOf: second.appending(path: "file.txt"), encoding: .utf8) == "one")
        #expect(!StagedSite.exchange(first.path, scratch.folder.appending(path: "missing").path))
    }

    @Test("a first build renames its folder into place; every later one exchanges it with the old site")
    func commitExchanges() throws {
        let scratch = try TemporarySite()
        var identities: [FileIdentity] = []  // the staging folders', each published in turn
        var swaps: [StagedSite.Swap] = []
        for version in 1...3 {
            let staged = try StagedSite(output: scratch.output)
            try staged.makeFolders(for: ["index.html"])
            try staged.write(Data("version \(version)".utf8), to: "index.html")
            identities.append(try #require(staged.identity))
            swaps.append(try staged.commit())
            // The published folder is the staged one itself, not a copy of it.
            #expect(FileIdentity(of: scratch.output) == identities.last)
            #expect(try scratch.outputText("index.html") == "version \(version)")
        }
        #expect(swaps == [.created, .exchanged, .exchanged])
        // The old site went away with the staging folder's name: nothing is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted() == ["out"])
    }

    /// Reads a whole file with plain system calls, so that a reader is as quick as it can be;
    /// the error when the file cannot be opened.
    static func read(_ path: String) -> Result<[UInt8], POSIXError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return .success(bytes)
    }

    /// What the reader saw, shared with the thread that rebuilds.
    final class Reader: Sendable {
        let stop = Atomic<Bool>(false)
        let reads = Atomic<Int>(0)
        let problems = Mutex<[String]>([])
    }

    @Test("a reader never finds the home page or a page missing or cut short while the site is rebuilt 40 times")
    func readerDuringRebuilds() throws {
        let site = try TemporarySite(["content/index.md": "# Home\n", "content/guides/plan.md": "# Plan\n\nVersion 0.\n"])
        try site.build()
        let paths = ["index.html", "guides/plan.html"].map { site.output.appending(path: $0).path }
        let reader = Reader()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let ending = Array("</html>\n".utf8)
            while !reader.stop.load(ordering: .relaxed) {
                for path in paths {
                    switch Self.read(path) {
                    case .failure(let code):
                        reader.problems.withLock { $0.append("\(path): \(code.code)") }
                    case .success(let bytes) where !bytes.ends(with: ending):
                        reader.problems.withLock { $0.append("\(path): cut short at \(bytes.count) bytes") }
                    case .success:
                        break
                    }
                    reader.reads.add(1, ordering: .relaxed)
                }
            }
            finished.signal()
        }
        thread.start()
        var readsDuringBuilds: [Int] = []
        // The reader is stopped before anything is thrown, so no thread outlives the test.
        let rebuilt = Result {
            for version in 1...40 {
                try site.write("content/guides/plan.md", "# Plan\n\nVersion \(version).\n")
                let before = reader.reads.load(ordering: .relaxed)
                let result = try site.build()
                #expect(result.diagnostics.isEmpty)
                readsDuringBuilds.append(reader.reads.load(ordering: .relaxed) - before)
            }
        }
        reader.stop.store(true, ordering: .relaxed)
        finished.wait()
        try rebuilt.get()

        #expect(try site.outputText("guides/plan.html").contains("<p>Version 40.</p>"))
        // The reader really ran beside the builds, not before or after them.
        #expect(readsDuringBuilds.filter { $0 > 0 }.count >= 35, "reads during each build: \(readsDuringBuilds)")
        let problems = reader.problems.withLock { $0 }
        #expect(problems == [], "\(problems.count) failed reads of \(reader.reads.load(ordering: .relaxed)), first: \(problems.prefix(3))")
    }
}

extension Array where Element: Equatable {
    func ends(with suffix: [Element]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
