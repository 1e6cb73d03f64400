import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of records, each a key and some bytes, that the caches of the build keep what
/// they worked out in (`MarkdownCache`, `SearchEntryCache`).
///
/// The file is a header and then records, appended: a build adds the records it made with one
/// `write` at its end, and when the records no build used any more fill over half of the file,
/// it writes a new one with only the used ones and renames it over the old. A record cut short
/// (a crash, a full disk) ends the file there: the records before it are read, the next save
/// writes a new file, and nothing worse happens than working some out again. The file is
/// mapped, not read, so that a build touches only the records it looks up.
///
/// A pack made from nothing (the first build of a site, or after `--no-cache`) gets every
/// record, which at 100,000 pages is hundreds of megabytes: it writes them to a new file as
/// they come, `spillAfter` bytes at a time, rather than holding them all until `save`, which
/// renames the file into place.
final class RecordPack: @unchecked Sendable {
    /// The file's path.
    let file: URL
    private let header: [UInt8]
    /// Run when a whole new file is written: what the cache's first file replaces goes then.
    private let onNewFile: @Sendable () -> Void
    /// The file as it was when the pack was opened, mapped read-only; nil when there was none.
    private let mapped: UnsafeRawBufferPointer?
    /// Where each key's latest record is in `mapped`: its bytes. Read-only once made, so that
    /// threads look records up without a lock.
    private let index: [String: Range<Int>]
    /// How many bytes of the file hold whole records, the header included; 0 when it has none.
    private let validLength: Int
    private let mappedLength: Int
    /// False for a check, which reads the file and writes nothing.
    let saving: Bool
    private let lock = NSLock()
    /// The records made since the pack was opened, waiting for `save`.
    private var added: [(key: String, bytes: [UInt8])] = []
    private var addedBytes = 0
    /// How many bytes of new records a pack made from nothing holds before it writes them out.
    var spillAfter = 8 << 20
    /// The new file a pack made from nothing writes its records to as they come, and whether
    /// writing it failed (the records are then dropped: the pack is only a cache).
    private var spill: (descriptor: Int32, path: String)?
    private var spillFailed = false

    init(file: URL, header: [UInt8], saving: Bool, onNewFile: @escaping @Sendable () -> Void = {}) {
        self.file = file
        self.header = header
        self.saving = saving
        self.onNewFile = onNewFile
        (mapped, mappedLength) = Self.map(file.path)
        (index, validLength) = Self.scan(mapped, header: header)
    }

    deinit {
        if let mapped, let base = mapped.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
        // A pack never saved (the build stopped) leaves no half-written file behind.
        if let spill {
            close(spill.descriptor)
            unlink(spill.path)
        }
    }

    /// The bytes stored under `key` when the pack was opened, valid while the pack is.
    func bytes(for key: String) -> UnsafeRawBufferPointer? {
        guard let mapped, let range = index[key] else { return nil }
        return UnsafeRawBufferPointer(rebasing: mapped[range])
    }

    /// Keeps a record for `save`; a pack made from nothing writes its records out once they
    /// reach `spillAfter` bytes.
    func store(_ bytes: [UInt8], as key: String) {
        guard saving else { return }
        lock.withLock {
            added.append((key, bytes))
            addedBytes += bytes.count
            if mapped == nil, addedBytes >= spillAfter { spillAdded() }
        }
    }

    /// Writes the records waiting to the new file, which it makes with its header first. Called
    /// with the lock held.
    private func spillAdded() {
        defer {
            added = []
            addedBytes = 0
        }
        guard !spillFailed else { return }
        var bytes: [UInt8] = []
        if spill == nil {
            let folder = file.deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appending(path: ".\(file.lastPathComponent).\(getpid()).new").path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                spillFailed = true
                return
            }
            spill = (descriptor, path)
            bytes = header
        }
        for record in added { Self.append(record.key, record.bytes, to: &bytes) }
        if let spill, !Self.writeAll(bytes, to: spill.descriptor) { spillFailed = true }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Writes the records stored since the pack was opened. With `used`, the keys a whole build
    /// used, the file is written anew with only those when the others fill over half of it. A
    /// file that cannot be written only costs the next build time.
    func save(keeping used: Set<String>? = nil) {
        guard saving else { return }
        // A pack made from nothing that has begun its file finishes it: every record stored
        // goes in, and the file takes the pack's name.
        let spilled = lock.withLock { () -> (descriptor: Int32, path: String, failed: Bool)? in
            guard let spill else { return nil }
            spillAdded()
            self.spill = nil
            return (spill.descriptor, spill.path, spillFailed)
        }
        if let spilled {
            close(spilled.descriptor)
            if spilled.failed {
                unlink(spilled.path)
                return
            }
            onNewFile()
            if rename(spilled.path, file.path) != 0 { unlink(spilled.path) }
            return
        }
        let added = lock.withLock { () -> [(key: String, bytes: [UInt8])] in
            defer {
                self.added = []
                addedBytes = 0
            }
            return self.added
        }
        let addedKeys = Set(added.map(\.key))
        let whole = mapped != nil && validLength == mappedLength
        var liveBytes = 0
        if let used {
            for (key, range) in index where used.contains(key) && !addedKeys.contains(key) { liveBytes += Self.recordSize(key, range.count) }
        }
        let wasted = validLength - header.count - liveBytes
        if whole && (used == nil || wasted <= validLength / 2) {
            guard !added.isEmpty else { return }
            var bytes: [UInt8] = []
            for record in added { Self.append(record.key, record.bytes, to: &bytes) }
            try? FileWriter.append(Data(bytes), to: file.path)
            return
        }
        // A new file: the records still used, then the new ones.
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        onNewFile()
        var bytes = header
        if let mapped, let used {
            for (key, range) in index.sorted(by: { $0.value.lowerBound < $1.value.lowerBound })
            where used.contains(key) && !addedKeys.contains(key) {
                Self.append(key, Array(UnsafeRawBufferPointer(rebasing: mapped[range])), to: &bytes)
            }
        }
        for record in added where used?.contains(record.key) ?? true { Self.append(record.key, record.bytes, to: &bytes) }
        let temporary = folder.appending(path: ".\(file.lastPathComponent).\(getpid())")
        do {
            try FileWriter.write(Data(bytes), to: temporary.path)
            if rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
        } catch {
            unlink(temporary.path)
        }
    }

    private static func recordSize(_ key: String, _ length: Int) -> Int {
        var bytes: [UInt8] = []
        ByteWriter.appendNumber(key.utf8.count, to: &bytes)
        ByteWriter.appendNumber(length, to: &bytes)
        return bytes.count + key.utf8.count + length
    }

    private static func append(_ key: String, _ record: [UInt8], to bytes: inout [UInt8]) {
        ByteWriter.appendNumber(key.utf8.count, to: &bytes)
        bytes += key.utf8
        ByteWriter.appendNumber(record.count, to: &bytes)
        bytes += record
    }

    /// The file mapped read-only, and its length; nil when there is none or it is empty.
    private static func map(_ path: String) -> (UnsafeRawBufferPointer?, Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return (nil, 0) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return (nil, 0) }
        let length = Int(status.st_size)
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return (nil, 0) }
        return (UnsafeRawBufferPointer(start: base, count: length), length)
    }

    /// Where each key's latest record is, and how far the whole records go. A file with another
    /// header has none.
    static func scan(_ pack: UnsafeRawBufferPointer?, header: [UInt8]) -> (index: [String: Range<Int>], validLength: Int) {
        guard let pack, pack.count >= header.count, pack.prefix(header.count).elementsEqual(header) else { return ([:], 0) }
        var index: [String: Range<Int>] = [:]
        var reader = ByteReader(bytes: pack, index: header.count)
        var valid = header.count
        while !reader.isAtEnd {
            guard let key = reader.string(), let length = reader.number(), let record = reader.take(length) else { break }
            index[key] = record.startIndex..<record.endIndex
            valid = reader.index
        }
        return (index, valid)
    }
}
