import Foundation

/// Each search entry's terms and where they are (`SearchIndex.hits(of:)`) and its row of an
/// entry file (`SearchIndex.row(_:)`) from earlier builds, kept in `.charter-cache/search.pack`
/// under the hash of everything they are made from: Charter itself, the index's settings, and
/// the entry's title, path, kind, summary, keywords, headings, text and filters. An entry whose
/// key is there is not split into words or cut into a row again: a build after an edit makes
/// the parts of the entries that changed, and reads the others' from the pack.
final class SearchEntryCache: @unchecked Sendable {
    static let fileName = "search.pack"
    private static let header = Array("CHARTER-SEARCH-PACK 2\n".utf8)

    let pack: RecordPack
    /// Charter and the index's settings: part of every entry's key.
    let salt: String

    init(root: URL, settings: String, saving: Bool = true) {
        let folder = root.appending(path: BuildCache.folderName, directoryHint: .isDirectory)
        pack = RecordPack(file: folder.appending(path: Self.fileName), header: Self.header, saving: saving)
        var hasher = StableHasher()
        hasher.combine("search-entries 2")
        for part in BuildFingerprint.executableIdentity() { hasher.combine(part) }
        hasher.combine(settings)
        salt = hasher.finalize()
    }

    static func remove(root: URL) {
        let folder = root.appending(path: BuildCache.folderName, directoryHint: .isDirectory)
        try? FileManager.default.removeItem(at: folder.appending(path: fileName))
    }

    /// The key of an entry's parts.
    func key(for entry: SearchIndex.Entry) -> String {
        var hasher = StableHasher()
        hasher.combine(salt)
        entry.fingerprintSearchable(into: &hasher)
        return hasher.finalize()
    }

    /// The parts stored under `key` when the cache was opened; nil when there are none or their
    /// bytes are not exactly a list of hits and a row.
    func load(_ key: String) -> (hits: [SearchIndex.Hit], row: String)? {
        guard let bytes = pack.bytes(for: key) else { return nil }
        var reader = ByteReader(bytes: bytes, index: 0)
        guard let count = reader.number(), count >= 0, count <= bytes.count else { return nil }
        var hits: [SearchIndex.Hit] = []
        hits.reserveCapacity(count)
        for _ in 0..<count {
            guard let term = reader.string(), let marker = reader.string() else { return nil }
            hits.append(SearchIndex.Hit(term: term, marker: marker))
        }
        guard let row = reader.string(), reader.isAtEnd else { return nil }
        return (hits, row)
    }

    /// Keeps an entry's parts for `save`.
    func store(_ parts: (hits: [SearchIndex.Hit], row: String), as key: String) {
        guard pack.saving else { return }
        var writer = ByteWriter()
        writer.number(parts.hits.count)
        for hit in parts.hits {
            writer.string(hit.term)
            writer.string(hit.marker)
        }
        writer.string(parts.row)
        pack.store(writer.bytes, as: key)
    }

    /// Where each key's latest parts are in a search pack, and how far the whole records go.
    static func scan(_ bytes: UnsafeRawBufferPointer?) -> (index: [String: Range<Int>], validLength: Int) {
        RecordPack.scan(bytes, header: header)
    }

    /// Writes the parts stored since the cache was opened; `used`, the keys of every entry of
    /// the index, are what a new pack keeps.
    func save(keeping used: Set<String>) {
        pack.save(keeping: used)
    }
}
