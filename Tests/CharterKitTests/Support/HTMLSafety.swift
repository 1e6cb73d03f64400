import Foundation

/// Finds what in a built page could run in a reader's browser: script and frame elements other
/// than the search box's own script, event-handler attributes, and `javascript:`, `vbscript:` or
/// `data:` URLs in any attribute that a browser follows, in any spelling a browser accepts.
///
/// Charter's pages come from its own templates and cmark-gfm, which always quote attributes with
/// `"`, so a small scanner is enough. Shared with the fuzz targets (Fuzz/Sources/CharterFuzz links it).
enum HTMLSafety {
    /// One thing that could run, with the text around it.
    struct Finding: Hashable, CustomStringConvertible {
        var reason: String
        var excerpt: String
        var description: String { "\(reason): \(excerpt)" }
    }

    /// Elements that run code or load another document.
    static let activeElements: Set<String> = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math"]
    /// Attributes whose value a browser treats as a URL.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "background", "xlink:href", "srcset", "data", "ping"]

    /// Every finding in `html`; empty when nothing in it can run.
    static func findings(in html: String) -> [Finding] {
        let bytes = Array(html.utf8)
        var findings: [Finding] = []
        var index = 0
        func excerpt(_ start: Int) -> String {
            String(decoding: bytes[start..<min(bytes.count, start + 120)], as: UTF8.self)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let start = index
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = Self.find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { continue }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var attributes: [(String, String)] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if Self.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                let attributeStart = index
                while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                    index += 1
                }
                let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        index = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                        index += 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute, value)) }
            }
            let isClosing = bytes[start + 1] == UInt8(ascii: "/")
            if !isClosing, activeElements.contains(name), !isOwnSearchScript(name, attributes), !isOwnMeasureChart(name, attributes) {
                findings.append(Finding(reason: "<\(name)> element", excerpt: excerpt(start)))
            }
            if name == "meta", attributes.contains(where: { $0.0 == "http-equiv" }) {
                findings.append(Finding(reason: "<meta http-equiv>", excerpt: excerpt(start)))
            }
            for (attribute, value) in attributes {
                if attribute.hasPrefix("on") {
                    findings.append(Finding(reason: "event handler \(attribute)", excerpt: excerpt(start)))
                }
                if attribute == "style", decodeEntities(value).lowercased().contains("expression(") || decodeEntities(value).lowercased().contains("url(") {
                    findings.append(Finding(reason: "style that loads or runs", excerpt: excerpt(start)))
                }
                if urlAttributes.contains(attribute), let scheme = runnableScheme(value) {
                    findings.append(Finding(reason: "\(scheme) URL in \(attribute)", excerpt: excerpt(start)))
                }
            }
        }
        return findings
    }

    /// The scheme of a URL that runs code when followed, as a browser reads the attribute's value.
    static func runnableScheme(_ attributeValue: String) -> String? {
        // Browsers decode character references, drop leading and trailing C0 controls and spaces,
        // and remove tabs and newlines anywhere in a URL before reading its scheme.
        var url = decodeEntities(attributeValue).unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        while let first = url.first, first.value <= 0x20 { url.removeFirst() }
        let lowered = String(String.UnicodeScalarView(url)).lowercased()
        for scheme in ["javascript:", "vbscript:"] where lowered.hasPrefix(scheme) {
            return String(scheme.dropLast())
        }
        // cmark-gfm lets these raster images through in safe mode; they cannot run anything.
        let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if lowered.hasPrefix("data:"), !images.contains(where: lowered.hasPrefix) { return "data" }
        return nil
    }

    /// The search box's script, which the default layout loads from the site's assets.
    /// A measure's chart as Charter draws it: an `<svg>` with exactly these attributes, in this
    /// order; its event handlers and URLs are still checked like any element's.
    private static func isOwnMeasureChart(_ name: String, _ attributes: [(String, String)]) -> Bool {
        name == "svg" && attributes.map(\.0) == ["class", "id", "role", "aria-labelledby", "viewbox", "width", "height"]
            && attributes[0].1 == "measure-chart" && attributes[2].1 == "img"
    }

    private static func isOwnSearchScript(_ name: String, _ attributes: [(String, String)]) -> Bool {
        guard name == "script" else { return false }
        return attributes.count == 2 && attributes[0].0 == "src" && attributes[0].1.hasSuffix("assets/search.js")
            && !attributes[0].1.contains(":") && attributes[1].0 == "defer"
    }

    /// Decodes the character references a browser would in an attribute value.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n",
            "nbsp": "\u{A0}", "lpar": "(", "rpar": ")", "sol": "/",
        ]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            let reference = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var consumed = reference.count
            var decoded: String?
            if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                decoded = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if reference.hasPrefix("#") {
                decoded = UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[reference.lowercased()]
            }
            if decoded != nil, rest.dropFirst(consumed).first == ";" { consumed += 1 }
            if let decoded {
                result += decoded
                rest = rest.dropFirst(consumed)
            } else {
                result += "&"
            }
        }
        return result + rest
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
