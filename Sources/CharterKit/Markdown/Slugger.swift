/// Makes heading ids the way GitHub does, so `#anchor` links work on GitHub and on the site.
///
/// Lower-cases the text, drops every character that is not a letter, mark, number,
/// connector punctuation, space or hyphen, and turns spaces into hyphens. A repeated
/// slug gets `-1`, `-2`, … in order of appearance.
public struct Slugger: Sendable {
    private var seen: [String: Int] = [:]
    private let fallback: String
    /// The most UTF-8 bytes a slug keeps before its `-N` suffix, or nil for no limit.
    private let maximumLength: Int?

    /// Creates a slugger with no slugs used yet; `fallback` names text with no slug characters.
    /// Slugs that become file names take a `maximumLength`, since a file name has at most 255 bytes.
    public init(fallback: String = "section", maximumLength: Int? = nil) {
        self.fallback = fallback
        self.maximumLength = maximumLength
    }

    /// Marks `slug` as taken, so that no text is given it (a tag called "index" must not take
    /// the tags page's own file name).
    public mutating func reserve(_ slug: String) {
        seen[slug] = seen[slug] ?? 0
    }

    /// The slug for `text`, made unique among the slugs this slugger has returned.
    public mutating func slug(for text: String) -> String {
        var base = Self.slug(text)
        if let maximumLength, base.utf8.count > maximumLength {
            var cut = String.UnicodeScalarView()
            var length = 0
            for scalar in base.unicodeScalars {
                length += UTF8.width(scalar)
                guard length <= maximumLength else { break }
                cut.append(scalar)
            }
            base = String(cut)
        }
        if base.isEmpty { base = fallback }
        var result = base
        while seen[result] != nil {
            let next = seen[base, default: 0] + 1
            seen[base] = next
            result = "\(base)-\(next)"
        }
        seen[result] = 0
        return result
    }

    /// The GitHub slug of `text`, without de-duplication.
    public static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                out.append(scalar)
            default:
                if scalar == " " { out.append("-") } else if scalar == "-" { out.append(scalar) }
            }
        }
        return String(out)
    }
}
