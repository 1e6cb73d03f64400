import Foundation
import Testing
@testable import CharterKit

/// The plain POSIX writer the staging folder and the Markdown cache use instead of
/// `Data.write`, which flushes every file to the disk.
@Suite struct FileWriterTests {
    @Test("writes the bytes exactly, replaces a longer file whole, and gives a new file Data.write's permissions")
    func writes() throws {
        let scratch = try TemporarySite()
        let path = scratch.folder.appending(path: "page.html").path
        try FileWriter.write(Data(repeating: 0x41, count: 300_000), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 300_000))
        try FileWriter.write(Data("short".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("short".utf8))
        try FileWriter.write(Data(), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data())

        let reference = scratch.folder.appending(path: "reference.html")
        try Data("x".utf8).write(to: reference)
        let fresh = scratch.folder.appending(path: "fresh.html").path
        try FileWriter.write(Data("x".utf8), to: fresh)
        let permissions = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        #expect(try permissions(fresh) == permissions(reference.path))
    }

    @Test("a file that cannot be written is an error naming it, and leaves nothing behind")
    func unwritable() throws {
        let scratch = try TemporarySite()
        let missing = scratch.folder.appending(path: "no-such-folder/page.html").path
        #expect(throws: CharterError.unwritable(missing, "No such file or directory")) {
            try FileWriter.write(Data("x".utf8), to: missing)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
