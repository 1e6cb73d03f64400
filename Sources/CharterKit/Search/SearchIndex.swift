import Foundation

/// The offline search index, written as JavaScript files that a page loads with `<script>`
/// tags only once its search box is used: that works from `file://` (where browsers refuse
/// to fetch JSON) and under any sub-path, and pages that are never searched download nothing.
///
/// `search/pages.js` lists every entry (title, URL from the site's top, kind, summary).
/// `search/terms-X.js` holds, for the terms starting with X, the entries they occur in, as
/// base-36 gaps between entry numbers, so that a query loads only the shards its words need;
/// a gap ends in `*` when the term is in the entry's title, a heading or a keyword, which
/// ranks it above entries that only mention it. `search/text-N.js` holds the plain text of
/// entries `N × textChunk ..< (N + 1) × textChunk`, from which the box cuts an excerpt around
/// the words found; it loads only for the results shown.
public struct SearchIndex: Sendable {
    /// One thing that can be found.
    ///
    /// Its parts live in one box, copied only when a copy is changed: a site's entries are
    /// kept between builds and go through several stages, and a copy is then one reference.
    public struct Entry: Sendable, Equatable {
        private struct Fields: Equatable {
            var title: String
            var path: String
            var kind: String
            var summary: String
            var keywords: [String]
            var text: String
            var headings: [String]
            var body: String
        }

        private final class Storage: @unchecked Sendable {
            var fields: Fields

            init(_ fields: Fields) {
                self.fields = fields
            }
        }

        private var storage: Storage

        private mutating func unique() -> Storage {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }

        public var title: String {
            get { storage.fields.title }
            set { unique().fields.title = newValue }
        }
        /// Path from the site's top, such as `playbooks/escalation.html` or `strategies/x.html#risks`.
        public var path: String {
            get { storage.fields.path }
            set { unique().fields.path = newValue }
        }
        /// "playbook", "strategy", "team", "stage", "responsibility".
        public var kind: String {
            get { storage.fields.kind }
            set { unique().fields.kind = newValue }
        }
        public var summary: String {
            get { storage.fields.summary }
            set { unique().fields.summary = newValue }
        }
        /// Words that should find it even if they are not in its text: IDs, names.
        public var keywords: [String] {
            get { storage.fields.keywords }
            set { unique().fields.keywords = newValue }
        }
        /// The searchable text (titles and headings count twice).
        public var text: String {
            get { storage.fields.text }
            set { unique().fields.text = newValue }
        }
        /// The entry's headings: their words rank like the title's.
        public var headings: [String] {
            get { storage.fields.headings }
            set { unique().fields.headings = newValue }
        }
        /// The text excerpts are cut from: a page's body; empty to show the summary instead.
        public var body: String {
            get { storage.fields.body }
            set { unique().fields.body = newValue }
        }

        public init(title: String, path: String, kind: String, summary: String, keywords: [String] = [], text: String,
                    headings: [String] = [], body: String = "") {
            storage = Storage(Fields(
                title: title, path: path, kind: kind, summary: summary, keywords: keywords, text: text, headings: headings, body: body))
        }

        public static func == (left: Entry, right: Entry) -> Bool {
            left.storage === right.storage || left.storage.fields == right.storage.fields
        }
    }

    /// At most this many distinct terms are indexed per entry (every word of the title and
    /// keywords, then of the headings, then the most frequent others), as a guard against giant
    /// pages. Typical pages have far fewer, so every word of them can be searched. For the
    /// 10,000-page benchmark corpus (`gen_corpus.py --pages 10000 --seed 42`) the page table is
    /// 1.8 MB and the term shards 3.9 MB (at most 0.4 MB each), of which a query loads the page
    /// table and one shard per word; the texts for excerpts are 21 MB in 1,263 files of at most
    /// 20 KB, of which a query loads those of the results it shows (20 at most).
    public var termsPerEntry = 400
    /// Summaries are cut to this many characters.
    public var summaryLength = 110
    /// How many entries' texts share one `search/text-N.js` file: a result loads its neighbours' too.
    public var textChunk = 8
    /// Each entry's text for excerpts is cut to this many characters, as a guard against giant pages.
    public var textLength = 20_000

    /// Creates an index builder.
    public init() {}

    /// The folder of the site every index file is in, with its slash.
    static let folder = "search/"

    /// How many threads find the terms of entries; the index does not depend on it.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Terms of entries seen by earlier builds in this process (the live preview), by their text.
    var memo: SearchIndexMemo?

    /// The index files by their path in the site.
    public func files(for entries: [Entry]) -> [String: String] {
        if let memo { return memo.files(for: entries, index: self) }
        return SearchIndexParts(entries: entries, index: self).files()
    }

    /// What every setting that shapes the files adds to an entry's key.
    var settingsKey: String {
        "\(termsPerEntry) \(summaryLength) \(textChunk) \(textLength)"
    }

    /// A row of `pages.js`. The box makes each path a link relative to the site's top: encoded like every href.
    func row(_ entry: Entry) -> String {
        "[\(Self.quote(entry.title)),\(Self.quote(LinkResolver.percentEncoded(entry.path))),\(Self.quote(entry.kind)),\(Self.quote(Self.cut(entry.summary, to: summaryLength)))]"
    }

    /// An entry's text for excerpts, as it appears in a `text-N.js` file.
    func excerptText(_ entry: Entry) -> String {
        Self.quote(Self.cut(entry.body, to: textLength))
    }

    func pagesFile(rows: [String]) -> String {
        "window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.textChunk=\(max(1, textChunk));"
            + "window.charterSearch.pages=[\n" + rows.joined(separator: ",\n") + "\n];\n"
    }

    /// One term's line of its shard: the gaps between the numbers of the entries it is in, in
    /// base 36, starred where the term is in the entry's title, headings or keywords.
    static func termLine(_ term: String, postings: [Int], strong marked: Set<Int>) -> String {
        var previous = 0
        let gaps = postings.map { number -> String in
            defer { previous = number }
            return String(number - previous, radix: 36) + (marked.contains(number) ? "*" : "")
        }
        return "\(quote(term)):\"\(gaps.joined(separator: ","))\""
    }

    /// One shard of terms, from each term's line, in the order of the terms.
    func shardFile(_ shard: String, lines: [String]) -> String {
        "window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms[\"\(shard)\"]={\n"
            + lines.joined(separator: ",\n") + "\n};\n"
    }

    func chunkFile(_ chunk: Int, texts: ArraySlice<String>) -> String {
        "window.charterSearch=window.charterSearch||{terms:{}};(window.charterSearch.text=window.charterSearch.text||{})[\(chunk)]=[\n"
            + texts.joined(separator: ",\n") + "\n];\n"
    }

    /// The terms that rank an entry first: the words of its title, headings and keywords.
    static func strongTerms(of entry: Entry) -> Set<String> {
        Set(words(entry.title) + entry.headings.flatMap(words) + entry.keywords.flatMap(words) + entry.keywords.map { $0.lowercased() })
    }

    /// The distinct terms of an entry: all of its title, headings and keywords, then its most frequent other words.
    func terms(of entry: Entry) -> [String] {
        var always: [String] = []
        var seen: Set<String> = []
        for word in Self.words(entry.title) + entry.keywords.flatMap(Self.words) + entry.keywords.map({ $0.lowercased() })
        where seen.insert(word).inserted {
            always.append(word)
        }
        // Headings' words too, within the limit.
        for word in entry.headings.flatMap(Self.words) where always.count < termsPerEntry && seen.insert(word).inserted {
            always.append(word)
        }
        var counts: [String: Int] = [:]
        for word in Self.words(entry.text) where !Self.stopWords.contains(word) { counts[word, default: 0] += 1 }
        let frequent = counts.filter { !seen.contains($0.key) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(max(0, termsPerEntry - always.count)).map(\.key)
        return always + frequent
    }

    /// Lower-cased words of two letters or more; the same rule as the browser's query splitting
    /// (runs of Unicode letters and numbers). Works on Unicode scalars, with a fast path for
    /// ASCII, rather than on `Character`s, whose grapheme breaking dominated the index's cost.
    static func words(_ text: String) -> [String] {
        var text = text
        if let ascii = text.withUTF8({ asciiWords($0) }) { return ascii }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        func flush() {
            if length >= 2 { words.append(String(current)) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        for scalar in text.lowercased().unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
                // Combining marks extend the letter before them, as one character.
                if !isMark(scalar) { length += 1 }
            } else if !current.isEmpty {
                flush()
            }
        }
        flush()
        return words
    }

    /// The same words for ASCII text, straight from its bytes; nil when the text is not ASCII.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte + 32)
            default:
                if word.count >= 2 { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if word.count >= 2 { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The shard a term lives in: its first letter or digit, or `_`.
    static func shard(of term: String) -> String {
        guard let first = term.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return "_" }
        return String(first)
    }

    /// The text with its white space folded to single spaces, cut after whole words to at most
    /// `length` characters with an ellipsis. Reads only as far into the text as it needs: a
    /// summary is often a whole page's body.
    static func cut(_ text: String, to length: Int) -> String {
        // ASCII text, most of it, is folded byte by byte: each byte is a character there.
        var text = text
        if let folded = text.withUTF8({ asciiFold($0, to: length) }) {
            return finishCut(folded, count: folded.utf8.count, length: length)
        }
        return cutByCharacters(text, to: length)
    }

    /// `cut` character by character: for text beyond ASCII, whose grapheme clusters decide both
    /// what is white space (a space with a combining mark is one) and the length.
    static func cutByCharacters(_ text: String, to length: Int) -> String {
        var flat = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                flat.append(" ")
                count += 1
                pendingSpace = false
            }
            flat.append(character)
            count += 1
            if count > length { break }
        }
        return finishCut(flat, count: count, length: length)
    }

    /// The folded text, or nil at the first byte that is not ASCII (read up to where the fold stops).
    private static func asciiFold(_ bytes: UnsafeBufferPointer<UInt8>, to length: Int) -> String? {
        var flat: [UInt8] = []
        flat.reserveCapacity(min(bytes.count, length + 1))
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            // The ASCII characters with Unicode's White_Space property: tab to carriage return, space.
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !flat.isEmpty
                continue
            }
            if pendingSpace {
                flat.append(0x20)
                pendingSpace = false
            }
            flat.append(byte)
            if flat.count > length { break }
        }
        return String(decoding: flat, as: UTF8.self)
    }

    /// The folded text as it is when it fits, else its whole words within `length` and an ellipsis.
    private static func finishCut(_ flat: String, count: Int, length: Int) -> String {
        guard count > length else { return flat }
        return String(flat.prefix(length)).split(separator: " ").dropLast().joined(separator: " ") + "…"
    }

    /// A JavaScript string literal; `</` is broken up so the text cannot end a script element.
    /// Works on the UTF-8 bytes: every byte of a character beyond ASCII is 0x80 or more, so the
    /// ASCII characters escaped here are found byte by byte, and U+2028 and U+2029 by their
    /// three bytes.
    static func quote(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(bytes.count + bytes.count / 16 + 2)
            let hex = Array("0123456789abcdef".utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                func escaped(_ letter: UInt8) {
                    out.append(UInt8(ascii: "\\"))
                    out.append(letter)
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): escaped(byte)
                case UInt8(ascii: "\n"): escaped(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): escaped(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): escaped(UInt8(ascii: "t"))
                case UInt8(ascii: "/") where index > 0 && bytes[index - 1] == UInt8(ascii: "<"): escaped(byte)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 or U+2029: \u2028, \u2029.
                    escaped(UInt8(ascii: "u"))
                    out.append(contentsOf: "202".utf8)
                    out.append(bytes[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    index += 2
                case 0..<0x20:
                    escaped(UInt8(ascii: "u"))
                    out.append(contentsOf: "00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default:
                    out.append(byte)
                }
                index += 1
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Words too common to help find a page.
    static let stopWords: Set<String> = [
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or",
        "that", "the", "their", "this", "to", "was", "we", "were", "will", "with", "our", "us", "you", "your", "not", "but",
        "can", "do", "if", "into", "no", "so", "than", "then", "they", "them", "there", "these", "what", "when", "which", "who",
    ]
}

/// Plain text of rendered HTML, for the search index: tags become spaces and the five
/// entities cmark-gfm writes are decoded, in one pass over the UTF-8 bytes.
enum PlainText {
    private static let entities: [(bytes: [UInt8], character: UInt8)] = [
        (Array("&amp;".utf8), UInt8(ascii: "&")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")),
    ]

    static func of(html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 2)
            var inTag = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    inTag = true
                    out.append(UInt8(ascii: " "))
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                } else if !inTag {
                    if byte == UInt8(ascii: "&"), let entity = entities.first(where: { matches($0.bytes, bytes, at: index) }) {
                        out.append(entity.character)
                        index += entity.bytes.count
                        continue
                    }
                    out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[start + offset] != pattern[offset] { return false }
        return true
    }
}

/// Everything the search files are made of, entry by entry, so that a build that changed a few
/// entries remakes only the files those entries are in.
struct SearchIndexParts: Sendable {
    var settings: String
    /// The entries the parts were made from, to find the changed ones: an entry the next build
    /// reused shares its strings' storage with this one, so comparing the two costs next to nothing.
    var entries: [SearchIndex.Entry] = []
    var terms: [[String]] = []
    var strongTerms: [Set<String>] = []
    var rows: [String] = []
    var texts: [String] = []
    var postings: [String: [Int]] = [:]
    var strong: [String: Set<Int>] = [:]
    var shardTerms: [String: Set<String>] = [:]
    /// Each term's line of its shard, so that a shard is remade by encoding only the terms that changed.
    var lines: [String: String] = [:]
    var shardFiles: [String: String] = [:]
    var chunkFiles: [Int: String] = [:]
    var pagesFile = ""

    /// The parts of every entry, made from scratch.
    init(entries: [SearchIndex.Entry], index: SearchIndex) {
        settings = index.settingsKey
        self.entries = entries
        let made = ParallelMap.map(entries, workers: index.workers) { entry in
            (index.terms(of: entry), SearchIndex.strongTerms(of: entry), index.row(entry), index.excerptText(entry))
        }
        terms = made.map(\.0)
        strongTerms = made.map(\.1)
        rows = made.map(\.2)
        texts = made.map(\.3)
        for (number, entryTerms) in terms.enumerated() {
            for term in entryTerms { postings[term, default: []].append(number) }
            for term in strongTerms[number] { strong[term, default: []].insert(number) }
        }
        for (term, numbers) in postings {
            shardTerms[SearchIndex.shard(of: term), default: []].insert(term)
            lines[term] = SearchIndex.termLine(term, postings: numbers, strong: strong[term] ?? [])
        }
        for shard in shardTerms.keys { shardFiles[shard] = shardFile(shard, index: index) }
        let chunk = max(1, index.textChunk)
        for start in stride(from: 0, to: texts.count, by: chunk) {
            chunkFiles[start / chunk] = index.chunkFile(start / chunk, texts: texts[start..<min(texts.count, start + chunk)])
        }
        pagesFile = index.pagesFile(rows: rows)
    }

    /// Remakes the parts of the entries at `changed` (same number of entries, same settings),
    /// and only the files they are in.
    mutating func update(_ changed: [Int], entries: [SearchIndex.Entry], index: SearchIndex) {
        self.entries = entries
        let made = ParallelMap.map(changed, workers: index.workers) { number in
            (index.terms(of: entries[number]), SearchIndex.strongTerms(of: entries[number]), index.row(entries[number]),
             index.excerptText(entries[number]))
        }
        var changedTerms: Set<String> = []
        var chunks: Set<Int> = []
        for (number, parts) in zip(changed, made) {
            let oldTerms = Set(terms[number]), newTerms = Set(parts.0)
            for term in oldTerms.subtracting(newTerms) {
                postings[term]?.removeAll { $0 == number }
                if postings[term]?.isEmpty == true {
                    postings[term] = nil
                    shardTerms[SearchIndex.shard(of: term)]?.remove(term)
                }
                changedTerms.insert(term)
            }
            for term in newTerms.subtracting(oldTerms) {
                var numbers = postings[term] ?? []
                let position = numbers.firstIndex { $0 > number } ?? numbers.count
                numbers.insert(number, at: position)
                postings[term] = numbers
                shardTerms[SearchIndex.shard(of: term), default: []].insert(term)
                changedTerms.insert(term)
            }
            for term in strongTerms[number].symmetricDifference(parts.1) {
                if parts.1.contains(term) {
                    strong[term, default: []].insert(number)
                } else {
                    strong[term]?.remove(number)
                    if strong[term]?.isEmpty == true { strong[term] = nil }
                }
                changedTerms.insert(term)
            }
            terms[number] = parts.0
            strongTerms[number] = parts.1
            if rows[number] != parts.2 { rows[number] = parts.2; pagesFile = "" }
            if texts[number] != parts.3 { texts[number] = parts.3; chunks.insert(number / max(1, index.textChunk)) }
        }
        var shards: Set<String> = []
        for term in changedTerms {
            lines[term] = postings[term].map { SearchIndex.termLine(term, postings: $0, strong: strong[term] ?? []) }
            shards.insert(SearchIndex.shard(of: term))
        }
        for shard in shards {
            if let terms = shardTerms[shard], !terms.isEmpty {
                shardFiles[shard] = shardFile(shard, index: index)
            } else {
                shardTerms[shard] = nil
                shardFiles[shard] = nil
            }
        }
        let chunk = max(1, index.textChunk)
        for number in chunks {
            chunkFiles[number] = index.chunkFile(number, texts: texts[number * chunk..<min(texts.count, number * chunk + chunk)])
        }
        if pagesFile.isEmpty { pagesFile = index.pagesFile(rows: rows) }
    }

    /// A shard's file, from the lines of its terms in sorted order.
    private func shardFile(_ shard: String, index: SearchIndex) -> String {
        index.shardFile(shard, lines: (shardTerms[shard] ?? []).sorted().compactMap { lines[$0] })
    }

    func files() -> [String: String] {
        let folder = SearchIndex.folder
        var files: [String: String] = ["\(folder)pages.js": pagesFile]
        for (shard, text) in shardFiles { files["\(folder)terms-\(shard).js"] = text }
        for (chunk, text) in chunkFiles { files["\(folder)text-\(chunk).js"] = text }
        return files
    }
}

/// The last build's search index, entry by entry, kept for the next build in the same process:
/// entries whose every field is unchanged keep their parts, and only the files the others are
/// in are made again.
final class SearchIndexMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var last: SearchIndexParts?

    func files(for entries: [SearchIndex.Entry], index: SearchIndex) -> [String: String] {
        let settings = index.settingsKey
        // Taken out of the memo while it is updated, so that its tables are changed in place, not copied.
        var parts = lock.withLock { () -> SearchIndexParts? in
            defer { last = nil }
            return last
        }
        let changed = parts.flatMap { previous -> [Int]? in
            guard previous.settings == settings, previous.entries.count == entries.count else { return nil }
            return entries.indices.filter { entries[$0] != previous.entries[$0] }
        }
        if let changed, changed.count <= max(8, entries.count / 4) {
            parts?.update(changed, entries: entries, index: index)
        } else {
            parts = nil
        }
        let result = parts ?? SearchIndexParts(entries: entries, index: index)
        lock.withLock { last = result }
        return result.files()
    }
}
