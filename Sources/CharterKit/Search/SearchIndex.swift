import Foundation

/// The offline search index, written as JavaScript files that a page loads with `<script>`
/// tags only once its search box is used: that works from `file://` (where browsers refuse
/// to fetch JSON) and under any sub-path, and pages that are never searched download nothing.
///
/// A query loads only what it needs:
/// - `search/meta.js`, small: the first term of each term shard, the ranges of entry numbers
///   of each kind, and the values the filters offer;
/// - for each word, the term shard it falls in (`search/terms-ID.js`). Shards are cut by
///   bytes where a term's hash says so once they are big enough, so that an edit changes one
///   shard, not the names of all those after it. A term's postings are the base-36 gaps between
///   the numbers of the entries it is in, each followed by where it is in that entry: `!` in
///   its title, `*` in a heading or keyword, else its first position in the text (in words,
///   divided by 8) in capital base-26 letters, which ranks words near each other first;
/// - for the results on screen, their entries' files (`search/entries-N.js`, a few entries
///   each): title, link, kind, summary and the text an excerpt is cut from;
/// - for a word that finds nothing, the words of its first letter (`search/words-X.js`, most
///   frequent first), to correct one typo.
///
/// Filters are terms no query word can be (`:strategy:ID`, `:stage:ID`, `:tag:TAG`), in the
/// same shards. Words are folded to lower case without accents, here and in the browser alike.
public struct SearchIndex: Sendable {
    /// A value a filter offers (a strategy, a stage, a tag) that an entry has.
    public struct Facet: Sendable, Hashable {
        /// "strategy", "stage" or "tag".
        public var group: String
        public var value: String
        /// What the filter shows for it.
        public var label: String
        /// Values are offered by this, then by label: a stage's place on the ladder, say.
        public var order: Int

        public init(group: String, value: String, label: String, order: Int = 0) {
            self.group = group
            self.value = value
            self.label = label
            self.order = order
        }

        /// The filters, in the order the search box offers them.
        static let groups = ["strategy", "stage", "tag"]

        /// The term under which the entries that have it are listed.
        var term: String { ":\(group):\(value)" }
    }

    /// One thing that can be found.
    ///
    /// Its parts live in one box, copied only when a copy is changed: a site's entries are
    /// kept between builds and go through several stages, and a copy is then one reference.
    public struct Entry: Sendable, Equatable {
        private struct Fields: Equatable {
            var title: String
            var path: String
            var kind: String
            var kindKey: String
            /// Nil: the body.
            var summary: String?
            var keywords: [String]
            /// Followed by the body when `textsEndWithBody`.
            var texts: [String]
            var textsEndWithBody = false
            var headings: [String]
            var body: Body
            var facets: [Facet]
        }

        /// A page's body is kept as the HTML it already holds, and made plain text each time
        /// an index is made from it, rather than kept twice (at 100,000 pages, 250 MB).
        private enum Body: Equatable {
            case text(String)
            case html(String)

            var text: String {
                switch self {
                case .text(let text): text
                case .html(let html): PlainText.of(html: html)
                }
            }
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
        /// What kind of page it is, in the site's language, shown beside it in the results.
        public var kind: String {
            get { storage.fields.kind }
            set { unique().fields.kind = newValue }
        }
        /// The kind's key, which the kind filter uses: "playbook", "strategy", "team", "party",
        /// "objective", "stage", "responsibility".
        public var kindKey: String {
            get { storage.fields.kindKey }
            set { unique().fields.kindKey = newValue }
        }
        public var summary: String {
            get { storage.fields.summary ?? body }
            set { unique().fields.summary = newValue }
        }
        /// Words that should find it even if they are not in its text: IDs, names.
        public var keywords: [String] {
            get { storage.fields.keywords }
            set { unique().fields.keywords = newValue }
        }
        /// The searchable text (titles and headings count twice).
        public var text: String {
            get { texts.joined(separator: " ") }
            set { texts = [newValue] }
        }
        /// The searchable text in parts, read as if joined by spaces: a page's parts share their
        /// storage with its title, headings and body rather than copying them into one string
        /// (at 100,000 pages, a quarter of a gigabyte).
        public var texts: [String] {
            get { storage.fields.textsEndWithBody ? storage.fields.texts + [body] : storage.fields.texts }
            set {
                unique().fields.texts = newValue
                storage.fields.textsEndWithBody = false
            }
        }
        /// The entry's headings: their words rank above the body's.
        public var headings: [String] {
            get { storage.fields.headings }
            set { unique().fields.headings = newValue }
        }
        /// The text excerpts are cut from: a page's body; empty to show the summary instead.
        public var body: String {
            get { storage.fields.body.text }
            set {
                let texts = self.texts, summary = self.summary
                // The text and summary that read the old body keep it.
                let box = unique()
                box.fields.body = .text(newValue)
                box.fields.texts = texts
                box.fields.textsEndWithBody = false
                box.fields.summary = summary
            }
        }
        /// The summary and the body, the body made once.
        var summaryAndBody: (summary: String, body: String) {
            let body = self.body
            return (storage.fields.summary ?? body, body)
        }
        /// The filter values it has.
        public var facets: [Facet] {
            get { storage.fields.facets }
            set { unique().fields.facets = newValue }
        }

        public init(title: String, path: String, kind: String, kindKey: String? = nil, summary: String, keywords: [String] = [],
                    text: String, headings: [String] = [], body: String = "", facets: [Facet] = []) {
            storage = Storage(Fields(
                title: title, path: path, kind: kind, kindKey: kindKey ?? kind, summary: summary, keywords: keywords, texts: [text],
                headings: headings, body: .text(body), facets: facets))
        }

        /// A page's entry: its searchable text is `texts` then its body, the plain text of
        /// `html`, which is also its summary when it has none.
        init(title: String, path: String, kind: String, kindKey: String, summary: String?, keywords: [String],
             texts: [String], headings: [String], html: String, facets: [Facet]) {
            storage = Storage(Fields(
                title: title, path: path, kind: kind, kindKey: kindKey, summary: summary, keywords: keywords, texts: texts,
                textsEndWithBody: true, headings: headings, body: .html(html), facets: facets))
        }

        public static func == (left: Entry, right: Entry) -> Bool {
            left.storage === right.storage || left.storage.fields == right.storage.fields
        }

        /// Adds everything `SearchIndex.hits(of:)` and `row(_:)` read of the entry: its title,
        /// path, kind, summary, keywords, headings, searchable text (the body as it is kept,
        /// HTML or text) and filters.
        func fingerprintSearchable(into hasher: inout StableHasher) {
            let fields = storage.fields
            hasher.combine(fields.title)
            hasher.combine(fields.path)
            hasher.combine(fields.kind)
            // A summary of nil is the body's.
            hasher.combine(fields.summary != nil)
            hasher.combine(fields.summary ?? "")
            for list in [fields.keywords, fields.headings, fields.texts] {
                hasher.combine(list.count)
                for item in list { hasher.combine(item) }
            }
            hasher.combine(fields.textsEndWithBody)
            // The body: the row's excerpt text, and the end of the searchable text when
            // `textsEndWithBody`.
            switch fields.body {
            case .text(let text):
                hasher.combine(0)
                hasher.combine(text)
            case .html(let html):
                hasher.combine(1)
                hasher.combine(html)
            }
            hasher.combine(fields.facets.count)
            for facet in fields.facets { hasher.combine(facet.term) }
        }
    }

    /// At most this many distinct terms are indexed per entry (every word of the title and
    /// keywords, then of the headings, then the most frequent others), as a guard against giant
    /// pages. Typical pages have far fewer, so every word of them can be searched.
    public var termsPerEntry = 400
    /// Summaries are cut to this many characters.
    public var summaryLength = 110
    /// A term shard ends, once it has at least half this many bytes, before a term whose hash is
    /// a multiple of 8, and in any case once it has twice this many.
    public var shardBytes = 16_000
    /// How many entries share one `search/entries-N.js` file.
    public var entriesPerFile = 2
    /// Each entry's text for excerpts is cut to this many characters, as a guard against giant pages.
    public var textLength = 20_000

    /// Creates an index builder.
    public init() {}

    /// The folder of the site every index file is in, with its slash.
    static let folder = "search/"

    /// How many threads find the terms of entries; the index does not depend on it.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// About how many entries a build of the whole index reads at a time (a multiple of
    /// `entriesPerFile`): what it holds at once. The index does not depend on it.
    var batchEntries = 4096
    /// The parts of the last build's index in this process (the live preview), entry by entry.
    var memo: SearchIndexMemo?
    /// Each entry's terms from earlier builds, on disk: a single build that writes the site
    /// finds the words only of the entries that changed.
    var entryCache: SearchEntryCache?

    /// The index files by their path in the site.
    public func files(for entries: [Entry]) -> [String: String] {
        if let memo { return memo.files(for: entries, index: self) }
        var parts = SearchIndexParts(settings: settingsKey, once: true)
        parts.update(entries: entries, index: self)
        return parts.files
    }

    /// The index files by their path in the site, but for the entry files, which are given to
    /// `write` (path, then text) a batch at a time as they are made, and not kept: a single
    /// build that writes the site holds none of their text at once (at 100,000 pages, 240 MB).
    /// The files are those `files(for:)` makes. Not for a session's builds, which keep them.
    func files(for entries: [Entry], writingEntryFiles write: (String, String) throws -> Void) throws -> [String: String] {
        var parts = SearchIndexParts(settings: settingsKey, once: true)
        try withoutActuallyEscaping(write) { try parts.update(entries: entries, index: self, writingEntryFiles: $0) }
        return parts.files
    }

    /// What every setting that shapes the files adds to an entry's key.
    var settingsKey: String {
        "\(termsPerEntry) \(summaryLength) \(shardBytes) \(entriesPerFile) \(textLength)"
    }

    /// Where a term is in an entry, as its postings write it after the entry's gap.
    struct Hit: Sendable, Equatable {
        var term: String
        var marker: String
    }

    /// An entry's terms, in the order of `bytesPrecede`, with where each is, and its filter terms.
    func hits(of entry: Entry) -> [Hit] {
        var strong: [String: String] = [:]
        var order: [String] = []
        func add(_ word: String, _ marker: String) {
            guard strong[word] == nil else { return }
            strong[word] = marker
            order.append(word)
        }
        for word in Self.words(entry.title) { add(word, "!") }
        for word in entry.keywords.flatMap(Self.words) { add(word, "*") }
        // Headings' words too, within the limit.
        for word in entry.headings.flatMap(Self.words) where strong.count < termsPerEntry { add(word, "*") }
        // Each word's count and first position, in one table; stop words are left out once each,
        // after, rather than looked up at every occurrence.
        var seen: [String: (count: Int, first: Int)] = [:]
        seen.reserveCapacity(256)
        var position = 0
        for part in entry.texts {
            for word in Self.words(part) {
                seen[word, default: (0, position)].count += 1
                position += 1
            }
        }
        var frequent: [(term: String, count: Int, first: Int)] = []
        frequent.reserveCapacity(seen.count)
        for (term, found) in seen where strong[term] == nil && !Self.stopWords.contains(term) {
            frequent.append((term, found.count, found.first))
        }
        let room = max(0, termsPerEntry - strong.count)
        if frequent.count > room {
            frequent.sort { $0.count != $1.count ? $0.count > $1.count : Self.bytesPrecede($0.term, $1.term) }
            frequent.removeSubrange(room...)
        }
        var hits = order.map { Hit(term: $0, marker: strong[$0]!) }
        hits += frequent.map { Hit(term: $0.term, marker: Self.letters($0.first / 8)) }
        hits += Set(entry.facets.map(\.term)).map { Hit(term: $0, marker: "!") }
        // Sorted by each term's first eight bytes as one number, the whole terms compared only
        // when those are equal: the order of `bytesPrecede`, at a fraction of its cost.
        var keyed = hits.map { (key: Self.leadingBytes($0.term), hit: $0) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : Self.bytesPrecede($0.hit.term, $1.hit.term) }
        return keyed.map(\.hit)
    }

    /// An entry's hits and row, from the cache on disk when it holds them, with the key they
    /// are kept under there (nil without a cache).
    func cachedParts(of entry: Entry) -> (hits: [Hit], row: String, key: String?) {
        guard let entryCache else { return (hits(of: entry), row(entry), nil) }
        let key = entryCache.key(for: entry)
        if let known = entryCache.load(key) { return (known.hits, known.row, key) }
        let made = (hits: hits(of: entry), row: row(entry))
        entryCache.store(made, as: key)
        return (made.hits, made.row, key)
    }

    /// A term's first eight UTF-8 bytes, big-endian, zeros after a shorter term's end. Two
    /// terms whose numbers differ are in that order by their bytes; equal numbers (the same
    /// first bytes, or a zero byte against an end) are settled by comparing the terms whole.
    static func leadingBytes(_ term: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for byte in term.utf8 {
            key = key << 8 | UInt64(byte)
            count += 1
            if count == 8 { return key }
        }
        return key << (8 * UInt64(8 - count))
    }

    private static let singleLetters = (0..<26).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }

    /// The order of an entry's hits: by UTF-8 bytes, the cheapest total order.
    static func bytesPrecede(_ left: String, _ right: String) -> Bool {
        let compared = left.utf8.withContiguousStorageIfAvailable { a in
            right.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let shared = min(a.count, b.count)
                if shared > 0, let x = a.baseAddress, let y = b.baseAddress {
                    let order = memcmp(x, y, shared)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
        return (compared ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// A number in capital base-26 letters: 0 is `A`, 26 is `BA`.
    static func letters(_ number: Int) -> String {
        if number < 26 { return singleLetters[number] }
        var number = number
        var out: [UInt8] = []
        repeat {
            out.append(UInt8(ascii: "A") + UInt8(number % 26))
            number /= 26
        } while number > 0
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// The order of terms in shards, the browser's: by UTF-16 code units. That is the order of
    /// the UTF-8 bytes up to where they differ, unless a character from U+E000 on is there
    /// (lead byte 0xEE or more), where UTF-16's surrogates sort below it.
    static func precedes(_ left: String, _ right: String) -> Bool {
        var left = left, right = right
        let byBytes = left.withUTF8 { a in
            right.withUTF8 { b -> Bool? in
                let shared = min(a.count, b.count)
                var index = 0
                while index < shared && a[index] == b[index] { index += 1 }
                if index == shared { return a.count < b.count }
                return a[index] < 0xEE && b[index] < 0xEE ? a[index] < b[index] : nil
            }
        }
        return byBytes ?? left.utf16.lexicographicallyPrecedes(right.utf16)
    }

    /// An entry's row of its `entries-N.js` file: title, link from the site's top (encoded like
    /// every href), kind, summary and the text excerpts are cut from.
    func row(_ entry: Entry) -> String {
        let (summary, body) = entry.summaryAndBody
        return "[\(Self.quote(entry.title)),\(Self.quote(LinkResolver.percentEncoded(entry.path))),\(Self.quote(entry.kind)),"
            + "\(Self.quote(Self.cut(summary, to: summaryLength))),\(Self.quote(Self.cut(body, to: textLength)))]"
    }

    /// The start of every index file: it may load before or after any other.
    static let prologue = "var s=window.charterSearch=window.charterSearch||{};"

    /// A shard's name in its file's: from a hash of its first term, so that it stays the same
    /// when shards before it change.
    static func shardName(_ first: String) -> String {
        String(hash(first), radix: 36)
    }

    /// Whether a shard may end before this term once it is big enough.
    static func cutsBefore(_ term: String) -> Bool {
        (hash(term) >> 7) % 8 == 0
    }

    /// 32-bit FNV-1a of a term's UTF-8 bytes: the same on every machine and in every run.
    private static func hash(_ term: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// Lower-cased words of two letters or more, without accents; the same rule as the browser's
    /// query splitting (runs of Unicode letters, marks and numbers). Works on Unicode scalars, with a fast path for
    /// ASCII, rather than on `Character`s, whose grapheme breaking dominated the index's cost.
    static func words(_ text: String) -> [String] {
        var text = text
        if let ascii = text.withUTF8({ asciiWords($0) }) { return ascii }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        func flush() {
            if length >= 2 { words.append(String(current).precomposedStringWithCanonicalMapping) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        // Accents are dropped: the letters decomposed, their combining diacritical marks left out.
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
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
/// entries remakes only the files those entries are in. Made from scratch or updated, the files
/// are the same.
struct SearchIndexParts: Sendable {
    var settings: String
    /// The entries the parts were made from, to find the changed ones: an entry the next build
    /// reused shares its strings' storage with this one, so comparing the two costs next to nothing.
    var entries: [SearchIndex.Entry] = []
    var hits: [[SearchIndex.Hit]] = []
    var rows: [String] = []
    /// The numbers of the entries each term is in, ascending (empty when made `once`).
    var postings: [String: [Int]] = [:]
    /// How many entries each term is in, when made `once`, in place of the postings.
    var termCounts: [String: Int] = [:]
    /// Every term, in the order of `SearchIndex.precedes`.
    var sortedTerms: [String] = []
    /// Each term's postings as its shard writes them.
    var lines: [String: String] = [:]
    /// Each shard's terms and file, by the shard's name.
    var shards: [String: (terms: [String], text: String)] = [:]
    var entryFiles: [Int: String] = [:]
    var wordFiles: [String: String] = [:]
    /// Every file, by its path in the site.
    var files: [String: String] = [:]

    /// Made for one build, never updated: the entries' hits, rows and postings, which only an
    /// update reads, are never all held (at 100,000 pages, most of a gigabyte).
    let once: Bool

    init(settings: String, once: Bool = false) {
        self.settings = settings
        self.once = once
    }

    /// Makes the parts of the entries that differ from the last ones, and the files they are in:
    /// all of them when the number of entries changed or many did.
    mutating func update(entries new: [SearchIndex.Entry], index: SearchIndex) {
        // Without a writer, nothing throws.
        try! update(entries: new, index: index, writingEntryFiles: nil)
    }

    /// `update`, with the entry files of a fresh build given to `write` rather than kept.
    mutating func update(
        entries new: [SearchIndex.Entry], index: SearchIndex, writingEntryFiles write: ((String, String) throws -> Void)?
    ) throws {
        let changed = new.indices.filter { !entries.indices.contains($0) || new[$0] != entries[$0] }
        let fresh = new.count != entries.count || changed.count > max(8, new.count / 4)
        var changedTerms: Set<String> = []
        if fresh {
            try makeAll(new, index: index, writingEntryFiles: write)
        } else {
            let made = ParallelMap.map(changed, workers: index.workers) { number in (index.hits(of: new[number]), index.row(new[number])) }
            for (number, parts) in zip(changed, made) {
                changedTerms.formUnion(difference(hits[number], parts.0, entry: number))
                hits[number] = parts.0
                rows[number] = parts.1
            }
            for term in changedTerms {
                if let numbers = postings[term], !numbers.isEmpty {
                    lines[term] = line(term, numbers)
                } else {
                    postings[term] = nil
                    lines[term] = nil
                }
            }
            makeEntryFiles(changed: changed, index: index)
        }
        entries = new
        cutShards(index: index, changed: fresh ? nil : changedTerms)
        makeWordFiles(changed: fresh ? nil : changedTerms)
        let folder = SearchIndex.folder
        files = ["\(folder)meta.js": metaFile(index: index)]
        for (name, shard) in shards { files["\(folder)terms-\(name).js"] = shard.text }
        for (number, text) in entryFiles { files[Self.entryFilePath(number)] = text }
        for (letter, text) in wordFiles { files["\(folder)words-\(letter).js"] = text }
    }

    /// Makes every entry's parts, a few thousand entries at a time: each batch's hits go into
    /// the postings and its rows into entry files before the next batch is made, so that a
    /// single build (`once`) never holds every entry's hits or rows at once.
    private mutating func makeAll(
        _ new: [SearchIndex.Entry], index: SearchIndex, writingEntryFiles write: ((String, String) throws -> Void)?
    ) throws {
        hits = []
        rows = []
        entryFiles = [:]
        // One table lookup per hit: each term's number, then its postings and bytes by that.
        var numbered: [String: Int] = [:]
        var numbers: [[Int]] = []
        var last: [Int] = []
        var counts: [Int] = []
        var bytes: [[UInt8]] = []
        // The keys of the cached hits this index used, which a new pack keeps.
        var used: Set<String> = []
        let size = max(1, index.entriesPerFile)
        // Whole entry files per batch.
        let batch = size * max(1, index.batchEntries / size)
        for start in stride(from: 0, to: new.count, by: batch) {
            let range = start..<min(new.count, start + batch)
            let made = ParallelMap.map(Array(range), workers: index.workers) { number in
                index.cachedParts(of: new[number])
            }
            for (offset, (entryHits, _, key)) in made.enumerated() {
                if let key { used.insert(key) }
                let number = start + offset
                for hit in entryHits {
                    let term: Int
                    if let known = numbered[hit.term] {
                        term = known
                    } else {
                        term = counts.count
                        numbered[hit.term] = term
                        last.append(0)
                        counts.append(0)
                        bytes.append([])
                        if !once { numbers.append([]) }
                    }
                    Self.appendPosting(number - last[term], hit.marker, to: &bytes[term])
                    last[term] = number
                    counts[term] += 1
                    if !once { numbers[term].append(number) }
                }
            }
            let batchRows = made.map(\.row)
            for file in stride(from: start, to: range.upperBound, by: size) {
                let slice = batchRows[(file - start)..<min(batchRows.count, file - start + size)]
                let text = Self.entryFile(file / size, rows: slice)
                if let write { try write(Self.entryFilePath(file / size), text) } else { entryFiles[file / size] = text }
            }
            if !once {
                hits += made.map(\.hits)
                rows += batchRows
            }
        }
        index.entryCache?.save(keeping: used)
        postings = [:]
        lines = [:]
        termCounts = [:]
        lines.reserveCapacity(numbered.count)
        if once { termCounts.reserveCapacity(numbered.count) } else { postings.reserveCapacity(numbered.count) }
        for (term, number) in numbered {
            if once { termCounts[term] = counts[number] } else { postings[term] = numbers[number] }
            lines[term] = String(decoding: bytes[number], as: UTF8.self)
        }
        sortedTerms = numbered.keys.sorted(by: SearchIndex.precedes)
        shards = [:]
        wordFiles = [:]
    }

    /// How many entries a term is in.
    private func count(of term: String) -> Int {
        once ? termCounts[term] ?? 0 : postings[term]?.count ?? 0
    }

    /// Appends one posting: the gap in base 36, then the marker.
    private static func appendPosting(_ gap: Int, _ marker: String, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var gap = gap
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(gap % 36)
                buffer[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                count += 1
                gap /= 36
            } while gap > 0 && count < 8
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
        bytes.append(contentsOf: marker.utf8)
    }

    /// Moves an entry's postings from its old hits to its new ones; the terms whose lines change.
    private mutating func difference(_ old: [SearchIndex.Hit], _ new: [SearchIndex.Hit], entry number: Int) -> Set<String> {
        var touched: Set<String> = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && SearchIndex.bytesPrecede(old[i].term, new[j].term)) {
                let term = old[i].term
                var numbers = postings[term] ?? []
                let at = Self.position(of: number, in: numbers)
                if at < numbers.count, numbers[at] == number {
                    numbers.remove(at: at)
                    postings[term] = numbers
                    if numbers.isEmpty {
                        let gone = Self.insertion(term, in: sortedTerms)
                        if gone < sortedTerms.count, sortedTerms[gone] == term { sortedTerms.remove(at: gone) }
                    }
                }
                touched.insert(term)
                i += 1
            } else if i == old.count || SearchIndex.bytesPrecede(new[j].term, old[i].term) {
                let term = new[j].term
                var numbers = postings[term] ?? []
                if numbers.isEmpty { sortedTerms.insert(term, at: Self.insertion(term, in: sortedTerms)) }
                numbers.insert(number, at: Self.position(of: number, in: numbers))
                postings[term] = numbers
                touched.insert(term)
                j += 1
            } else {
                if old[i].marker != new[j].marker { touched.insert(new[j].term) }
                i += 1
                j += 1
            }
        }
        return touched
    }

    /// The first index of `items`, sorted so that `isBelow` holds for a prefix of them, where it
    /// does not hold; `items.count` when it holds for all.
    private static func partition<Item>(_ items: [Item], isBelow: (Item) -> Bool) -> Int {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if isBelow(items[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Where `number` is, or goes, in ascending numbers.
    private static func position(of number: Int, in numbers: [Int]) -> Int {
        partition(numbers) { $0 < number }
    }

    /// Where a term is, or goes, in the sorted terms.
    private static func insertion(_ term: String, in terms: [String]) -> Int {
        partition(terms) { SearchIndex.precedes($0, term) }
    }

    /// A term's postings, from the numbers of its entries and where it is in each.
    private func line(_ term: String, _ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        var previous = 0
        for number in numbers {
            let entryHits = hits[number]
            let at = Self.partition(entryHits) { SearchIndex.bytesPrecede($0.term, term) }
            Self.appendPosting(number - previous, entryHits[at].marker, to: &bytes)
            previous = number
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Cuts the sorted terms into shards by bytes, where a term's hash allows it, and remakes
    /// the shards whose terms or lines changed (all of them when `changed` is nil).
    private mutating func cutShards(index: SearchIndex, changed: Set<String>?) {
        var cut: [(name: String, terms: [String])] = []
        var current: [String] = []
        var bytes = 0
        var names: Set<String> = []
        func close() {
            guard let first = current.first else { return }
            var name = SearchIndex.shardName(first)
            while names.contains(name) { name += "x" }
            names.insert(name)
            cut.append((name, current))
            current = []
            bytes = 0
        }
        for term in sortedTerms {
            if bytes >= 2 * index.shardBytes || (bytes >= index.shardBytes / 2 && SearchIndex.cutsBefore(term)) { close() }
            current.append(term)
            bytes += term.utf8.count + (lines[term]?.utf8.count ?? 0) + 6
        }
        close()
        var made: [String: (terms: [String], text: String)] = [:]
        for (name, terms) in cut {
            if let changed, let old = shards[name], old.terms == terms, !terms.contains(where: changed.contains) {
                made[name] = old
                continue
            }
            let body = terms.map { "\(SearchIndex.quote($0)):\"\(lines[$0] ?? "")\"" }.joined(separator: ",\n")
            made[name] = (terms, SearchIndex.prologue + "(s.terms=s.terms||{})[\"\(name)\"]={\n\(body)\n};\n")
        }
        shards = made
    }

    /// Makes again the entry files the changed entries are in.
    private mutating func makeEntryFiles(changed: [Int], index: SearchIndex) {
        let size = max(1, index.entriesPerFile)
        for number in Set(changed.map { $0 / size }) {
            entryFiles[number] = Self.entryFile(number, rows: rows[number * size..<min(rows.count, number * size + size)])
        }
    }

    static func entryFilePath(_ number: Int) -> String {
        "\(SearchIndex.folder)entries-\(number).js"
    }

    /// `search/entries-N.js`: the rows of its entries.
    private static func entryFile(_ number: Int, rows: ArraySlice<String>) -> String {
        SearchIndex.prologue + "(s.entries=s.entries||{})[\(number)]=[\n" + rows.joined(separator: ",\n") + "\n];\n"
    }

    /// The file of words a term is in, for corrections: its first letter or digit, or `_`.
    static func letter(of term: String) -> String {
        guard let first = term.utf16.first, (0x61...0x7A).contains(first) || (0x30...0x39).contains(first) else { return "_" }
        return String(UnicodeScalar(UInt8(first)))
    }

    /// The words of each first letter, the most frequent first, for the letters of the changed
    /// terms (all of them when `changed` is nil).
    private mutating func makeWordFiles(changed: Set<String>?) {
        let letters = changed.map { Set($0.filter { !$0.hasPrefix(":") }.map(Self.letter)) }
        var words: [String: [String]] = [:]
        for term in sortedTerms where !term.hasPrefix(":") {
            let letter = Self.letter(of: term)
            if letters == nil || letters!.contains(letter) { words[letter, default: []].append(term) }
        }
        for letter in letters ?? [] where words[letter] == nil { wordFiles[letter] = nil }
        for (letter, terms) in words {
            // Sorted terms, stably by how many entries each is in: the most frequent correction first.
            let ordered = terms.enumerated().sorted {
                let left = count(of: $0.element), right = count(of: $1.element)
                return left != right ? left > right : $0.offset < $1.offset
            }.map(\.element)
            wordFiles[letter] = SearchIndex.prologue + "(s.words=s.words||{})[\"\(letter)\"]=[\n"
                + ordered.map(SearchIndex.quote).joined(separator: ",") + "\n];\n"
        }
    }

    /// `search/meta.js`: the shards' first terms and names, each kind's runs of entry numbers,
    /// and the filters' values.
    private func metaFile(index: SearchIndex) -> String {
        let quote = SearchIndex.quote
        let shardList = shards.map { (first: $0.value.terms[0], name: $0.key) }
            .sorted { SearchIndex.precedes($0.first, $1.first) }
            .map { "[\(quote($0.first)),\(quote($0.name))]" }
        var kinds: [String] = []
        var start = 0
        for number in entries.indices where number == entries.count - 1 || entries[number + 1].kindKey != entries[number].kindKey {
            kinds.append("[\(quote(entries[number].kindKey)),\(quote(entries[number].kind)),\(start),\(number + 1)]")
            start = number + 1
        }
        var facets: [String: Set<SearchIndex.Facet>] = [:]
        for entry in entries {
            for facet in entry.facets { facets[facet.group, default: []].insert(facet) }
        }
        let groups = facets.keys.sorted { (SearchIndex.Facet.groups.firstIndex(of: $0) ?? 99, $0) < (SearchIndex.Facet.groups.firstIndex(of: $1) ?? 99, $1) }
            .map { group -> String in
                let values = facets[group]!.sorted { ($0.order, $0.label.lowercased(), $0.value) < ($1.order, $1.label.lowercased(), $1.value) }
                return "\(quote(group)):[" + values.map { "[\(quote($0.value)),\(quote($0.label))]" }.joined(separator: ",") + "]"
            }
        return SearchIndex.prologue + "s.meta={\n\"entries\":\(entries.count),\"perFile\":\(max(1, index.entriesPerFile)),"
            + "\"shards\":[\n" + shardList.joined(separator: ",\n") + "\n],\"kinds\":[" + kinds.joined(separator: ",")
            + "],\"facets\":{" + groups.joined(separator: ",") + "}};\n"
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
        if parts?.settings != settings { parts = SearchIndexParts(settings: settings) }
        parts!.update(entries: entries, index: index)
        let files = parts!.files
        lock.withLock { last = parts }
        return files
    }
}
