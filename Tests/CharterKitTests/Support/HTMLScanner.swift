import Foundation

/// A small HTML reader written for the tests alone, so that checks of the built site do not
/// share a line of parsing with the code that wrote it. It knows what a browser needs to find
/// links and ids: start and end tags with quoted, unquoted and valueless attributes, character
/// references, comments, doctypes, void elements and the raw text of `script` and `style`.
struct HTMLScanner {
    /// An element of the page, with its attributes (character references decoded), the names
    /// of the elements it is inside (outermost first, each with its class when it has one, as
    /// `article.page`), and the text it contains.
    struct Element: Equatable, CustomStringConvertible {
        var name: String
        var attributes: [String: String]
        var ancestors: [String]
        var text: String

        var description: String { "<\(name) \(attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: " "))>\(text)" }

        /// Whether the element is inside one named like `article.page` or `nav`.
        func isInside(_ container: String) -> Bool { ancestors.contains(container) }
    }

    /// Every element, in document order.
    private(set) var elements: [Element] = []

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    init(_ html: String) {
        let characters = Array(html.unicodeScalars)
        var open: [(index: Int, label: String)] = []
        var position = 0
        var text = ""

        func flushText() {
            guard !text.isEmpty else { return }
            let decoded = Self.decode(text)
            for entry in open { elements[entry.index].text += decoded }
            text = ""
        }

        while position < characters.count {
            let character = characters[position]
            guard character == "<", position + 1 < characters.count else {
                text.unicodeScalars.append(character)
                position += 1
                continue
            }
            let next = characters[position + 1]
            if Self.starts(characters, at: position, with: "<!--") {
                flushText()
                position = Self.index(of: "-->", in: characters, from: position + 4).map { $0 + 3 } ?? characters.count
            } else if next == "!" || next == "?" {
                flushText()
                position = Self.index(of: ">", in: characters, from: position).map { $0 + 1 } ?? characters.count
            } else if next == "/", position + 2 < characters.count, Self.isLetter(characters[position + 2]) {
                flushText()
                var cursor = position + 2
                let name = Self.tagName(characters, &cursor)
                position = Self.index(of: ">", in: characters, from: cursor).map { $0 + 1 } ?? characters.count
                if let depth = open.lastIndex(where: { elements[$0.index].name == name }) {
                    open.removeSubrange(depth...)
                }
            } else if Self.isLetter(next) {
                flushText()
                var cursor = position + 1
                let name = Self.tagName(characters, &cursor)
                var attributes: [String: String] = [:]
                var selfClosing = false
                while cursor < characters.count {
                    Self.skipSpace(characters, &cursor)
                    guard cursor < characters.count else { break }
                    if characters[cursor] == ">" { cursor += 1; break }
                    if characters[cursor] == "/" {
                        cursor += 1
                        if cursor < characters.count, characters[cursor] == ">" { selfClosing = true; cursor += 1; break }
                        continue
                    }
                    var attributeName = ""
                    while cursor < characters.count, !Self.isSpace(characters[cursor]), !"/>=".unicodeScalars.contains(characters[cursor]) {
                        attributeName.unicodeScalars.append(characters[cursor])
                        cursor += 1
                    }
                    Self.skipSpace(characters, &cursor)
                    var value = ""
                    if cursor < characters.count, characters[cursor] == "=" {
                        cursor += 1
                        Self.skipSpace(characters, &cursor)
                        if cursor < characters.count, characters[cursor] == "\"" || characters[cursor] == "'" {
                            let quote = characters[cursor]
                            let end = characters[(cursor + 1)...].firstIndex(of: quote) ?? characters.count
                            value = String(String.UnicodeScalarView(characters[(cursor + 1)..<end]))
                            cursor = min(end + 1, characters.count)
                        } else {
                            while cursor < characters.count, !Self.isSpace(characters[cursor]), characters[cursor] != ">" {
                                value.unicodeScalars.append(characters[cursor])
                                cursor += 1
                            }
                        }
                    }
                    let key = attributeName.lowercased()
                    // As in a browser, the first of two attributes with one name wins.
                    if !key.isEmpty, attributes[key] == nil { attributes[key] = Self.decode(value) }
                }
                position = cursor
                let label = attributes["class"].map { "\(name).\($0)" } ?? name
                elements.append(Element(name: name, attributes: attributes, ancestors: open.map(\.label), text: ""))
                if name == "script" || name == "style" {
                    // Raw text: nothing inside is a tag.
                    let end = Self.index(of: "</\(name)", in: characters, from: position, caseInsensitive: true) ?? characters.count
                    let raw = String(String.UnicodeScalarView(characters[position..<end]))
                    // As in the DOM's textContent, the enclosing elements' text includes it.
                    for entry in open { elements[entry.index].text += raw }
                    elements[elements.count - 1].text = raw
                    position = Self.index(of: ">", in: characters, from: end).map { $0 + 1 } ?? characters.count
                } else if !selfClosing, !Self.voidElements.contains(name) {
                    open.append((elements.count - 1, label))
                }
            } else {
                text.unicodeScalars.append(character)
                position += 1
            }
        }
        flushText()
    }

    /// The elements with this tag name.
    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Every id a fragment can point at: `id` attributes, and `name` on `a` elements.
    var ids: Set<String> {
        var ids: Set<String> = []
        for element in elements {
            if let id = element.attributes["id"] { ids.insert(id) }
            if element.name == "a", let name = element.attributes["name"] { ids.insert(name) }
        }
        return ids
    }

    /// Every URL the page refers to, from `href` and `src` attributes, as they are written.
    var references: [String] {
        elements.flatMap { element in ["href", "src"].compactMap { element.attributes[$0] } }
    }

    // MARK: - Reading characters

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
    }

    private static func skipSpace(_ characters: [Unicode.Scalar], _ cursor: inout Int) {
        while cursor < characters.count, isSpace(characters[cursor]) { cursor += 1 }
    }

    private static func tagName(_ characters: [Unicode.Scalar], _ cursor: inout Int) -> String {
        var name = ""
        while cursor < characters.count, !isSpace(characters[cursor]), characters[cursor] != "/", characters[cursor] != ">" {
            name.unicodeScalars.append(characters[cursor])
            cursor += 1
        }
        return name.lowercased()
    }

    private static func starts(_ characters: [Unicode.Scalar], at position: Int, with prefix: String, caseInsensitive: Bool = false) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        guard position + wanted.count <= characters.count else { return false }
        for (offset, scalar) in wanted.enumerated() {
            let found = characters[position + offset]
            if caseInsensitive ? String(found).lowercased() != String(scalar).lowercased() : found != scalar { return false }
        }
        return true
    }

    private static func index(of needle: String, in characters: [Unicode.Scalar], from start: Int, caseInsensitive: Bool = false) -> Int? {
        var position = start
        while position < characters.count {
            if starts(characters, at: position, with: needle, caseInsensitive: caseInsensitive) { return position }
            position += 1
        }
        return nil
    }

    // MARK: - Character references

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "—", "ndash": "–", "hellip": "…", "rarr": "→", "larr": "←", "middot": "·", "copy": "©",
    ]

    /// Decodes numeric references and the common named ones; anything else stays as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(32).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let body = after[..<semicolon]
            var replacement: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if body.hasPrefix("#") {
                replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[String(body)]
            }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
