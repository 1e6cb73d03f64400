import Foundation
import Testing
@testable import CharterKit

/// Every word Charter writes into a page comes from a translation bundle (i18n/*.yaml); these
/// tests hold the templates, the Swift code and the shipped bundles to that.
@Suite struct TranslationTests {
    static let bundles = ExampleSiteTests.repository.appending(path: "i18n", directoryHint: .isDirectory)
    static let templates = DefaultTemplatesTests.templatesFolder
    static let sources = ExampleSiteTests.repository.appending(path: "Sources", directoryHint: .isDirectory)

    static func bundle(_ language: String) throws -> MessageBundle {
        let text = try String(contentsOf: bundles.appending(path: "\(language).yaml"), encoding: .utf8)
        let (bundle, diagnostics) = try MessageBundle.parse(text: text, path: "i18n/\(language).yaml")
        #expect(diagnostics.isEmpty, "\(language): \(diagnostics.map(\.message))")
        return bundle
    }

    static var english: MessageBundle { get throws { try bundle("en") } }

    /// Every default template, by path below Templates/.
    static func templateTexts() throws -> [(String, String)] {
        try TemporarySite.snapshot(of: templates).filter { $0.key.hasSuffix(".mustache") }.sorted { $0.key < $1.key }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }

    // MARK: Templates

    /// The words a template shows that do not come from `{{…}}`: the text between tags, and the
    /// attributes people read (aria-label, title, placeholder, alt, data-label). Code samples
    /// (`<code>`) and a message section's argument names (`name=` before a fragment) are not words.
    static func literals(in template: String) -> [String] {
        var text = template.replacing(/\{\{![\s\S]*?\}\}/, with: "")
        text = text.replacing(/<code>[^<]*<\/code>/, with: " ")
        text = text.replacing(/\}\}[a-z]+=/, with: "}} ").replacing(/\|[a-z]+=/, with: " ")
        var found: [String] = []
        for match in text.matches(of: /(?:aria-label|title|placeholder|alt|data-label)="([^"]*)"/) {
            let value = String(match.output.1).replacing(/\{\{\{?[^}]*\}?\}\}/, with: " ")
            if value.contains(where: \.isLetter) { found.append(value) }
        }
        let visible = text.replacing(/<[^>]*>/, with: "\n").replacing(/\{\{\{?[^}]*\}?\}\}/, with: "\n")
        for line in visible.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.contains(where: \.isLetter) { found.append(trimmed) }
        }
        return found
    }

    @Test("no default template holds a word of its own: every label comes from the bundles")
    func noLiterals() throws {
        for (path, text) in try Self.templateTexts() {
            #expect(Self.literals(in: text).isEmpty, "\(path): \(Self.literals(in: text))")
        }
        // The test sees a literal where there is one.
        #expect(Self.literals(in: "<p>{{t.a.b}} Owner</p>") == ["Owner"])
        #expect(Self.literals(in: "<th data-label=\"Owner\">x</th>") == ["Owner", "x"])
        #expect(Self.literals(in: "{{#t.a}}stage=<a href=\"{{url}}\">{{title}}</a>|counted={{counted}}{{/t.a}} <code>key</code>").isEmpty)
    }

    @Test("templates name only messages English has; a message with placeholders is a section, one without is a variable")
    func templateKeys() throws {
        let english = try Self.english.messages
        var used = 0
        for (path, text) in try Self.templateTexts() {
            for match in text.matches(of: /\{\{([#^\/]?)t\.([A-Za-z.]+)\}\}/) {
                let (kind, key) = (String(match.output.1), String(match.output.2))
                guard let message = english[key] else {
                    Issue.record("\(path): no message '\(key)' in i18n/en.yaml")
                    continue
                }
                used += 1
                // A message with placeholders as a variable keeps them for a script to fill.
                if kind.isEmpty, !message.placeholders.isEmpty {
                    #expect(key.hasPrefix("search."), "\(path): '\(key)' has placeholders, so it must be used as a section")
                }
                if kind == "#" { #expect(!message.placeholders.isEmpty, "\(path): '\(key)' has no placeholder to fill") }
            }
        }
        #expect(used > 250)
    }

    // MARK: Bundles

    @Test("each shipped bundle has exactly English's messages, with the same placeholders and its language's plural forms", arguments: ["de", "fr", "es"])
    func parity(language: String) throws {
        let english = try Self.english
        let bundle = try Self.bundle(language)
        #expect(bundle.language == language)
        let missing = Set(english.messages.keys).subtracting(bundle.messages.keys).sorted()
        let extra = Set(bundle.messages.keys).subtracting(english.messages.keys).sorted()
        #expect(missing.isEmpty, "\(language) lacks \(missing)")
        #expect(extra.isEmpty, "\(language) has what English lacks: \(extra)")
        let rule = bundle.plural ?? PluralRule.of(language: language)
        for (key, message) in bundle.messages {
            guard let original = english.messages[key] else { continue }
            let surplus = message.placeholders.subtracting(original.placeholders).subtracting(["count"])
            #expect(surplus.isEmpty, "\(language) \(key) uses \(surplus)")
            switch (original, message) {
            case (.plural, .plural(let forms)):
                for category in rule.categories { #expect(forms[category] != nil, "\(language) \(key) lacks '\(category)'") }
            case (.text, .text):
                #expect(message.placeholders == original.placeholders, "\(language) \(key): \(message.placeholders) against \(original.placeholders)")
            default:
                Issue.record("\(language) \(key): plural forms in one bundle and not the other")
            }
        }
        #expect(bundle.formats?.monthNames.count == 12)
    }

    @Test("the parity check fails on a bundle that misses a key or has one English lacks")
    func parityCanFail() throws {
        let (bundle, _) = try MessageBundle.parse(text: "language: de\nmessages:\n  home:\n    glance: Überblick\n    extra: Mehr\n", path: "x.yaml")
        let english = try Self.english
        #expect(Set(english.messages.keys).subtracting(bundle.messages.keys).contains("layout.skip"))
        #expect(Set(bundle.messages.keys).subtracting(english.messages.keys) == ["home.extra"])
    }

    /// The keys the Swift code names, written out (`l.text("home.glance")`) or built from a
    /// value (`l.text("status.\(…)")`); the built ones are enumerated below.
    static func keysInSources() throws -> Set<String> {
        var keys: Set<String> = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = try String(contentsOf: sources.appending(path: file), encoding: .utf8)
            for match in text.matches(of: /(?:\bl|messages|builder\.l)\.(?:text|count|html|has)\("([A-Za-z.\-]+)"/) {
                keys.insert(String(match.output.1))
            }
        }
        return keys
    }

    @Test("every message the code asks for is in English, and so in every shipped bundle")
    func codeKeys() throws {
        let english = try Self.english.messages
        let written = try Self.keysInSources()
        #expect(written.count > 120)
        var built: [String] = []
        built += MeasureProgress.Status.allCases.flatMap { ["measureStatus.\($0.key)", "measureStatusCount.\($0.key)"] }
        built += Severity.allCases.map { "severity.\($0.rawValue)" }
        built += Team.Kind.allCases.map { "teamKind.\($0.rawValue)" } + Team.PartyKind.allCases.map { "partyKind.\($0.rawValue)" }
        built += Set(PlaybookMetadata.Status.allCases.map(\.rawValue) + Strategy.Status.allCases.map(\.rawValue)).map { "status.\($0)" }
        built += ["day", "week", "month", "year"].map { "interval.\($0)" } + ["a", "r", "c", "i"].map { "letters.\($0)" }
        built += ["narrative", "assessment", "canvas", "methods", "maturity", "responsibilities", "risks", "playbooks"].map { "strategy.toc.\($0)" }
        built += DiagnosticCode.all.map { "codes.\($0.rawValue)" }
        built += DataDocument.Kind.allCases.map { "nav.\($0.folder)" }
        built += Strategy.Program.Anchor.allCases.map { "community.\($0.rawValue)" } + Strategy.Resource.Kind.allCases.map { "resourceKind.\($0.rawValue)" }
        built += Money.periods.map { "value.period.\($0)" } + MarkdownOptions.AlertTitles.kinds.map { "alerts.\($0)" }
        for key in written.union(built) { #expect(english[key] != nil, "the code asks for '\(key)', which i18n/en.yaml lacks") }
    }

    @Test("the bundles translate the whole built-in framework, and the pages show it in the site's language")
    func framework() throws {
        let english = try Self.english.messages
        let builtIn = FrameworkLoader.builtIn
        for stage in builtIn.stages {
            #expect(english["framework.stages.\(stage.id).name"] == .text(stage.name))
            for criterion in stage.criteria {
                let key = "framework.stages.\(stage.id).criteria.\(criterion.check.rawValue)" + (criterion.responsibility.map { "-" + $0 } ?? "")
                #expect(english[key] == .text(criterion.summary), "\(key)")
            }
        }
        for (group, entries) in [("responsibilities", builtIn.responsibilities), ("focusAreas", builtIn.focusAreas),
                                 ("programKinds", builtIn.programKinds), ("elements", builtIn.elements)] {
            for entry in entries { #expect(english["framework.\(group).\(entry.id).name"] == .text(entry.name), "\(group) \(entry.id)") }
        }
        let (german, _) = Messages.load(language: "de", siteFiles: [])
        let localized = builtIn.localized(by: german)
        #expect(localized.stage("formalised")?.name == "Formalisiert")
        // Files written in English still name the stage.
        #expect(localized.stage("Formalised")?.id == "formalised")
        // A name a site's model file changed stays the site's.
        var changed = builtIn
        changed.stages[0].entry.name = "Listening"
        #expect(changed.localized(by: german).stages[0].name == "Listening")
    }

    // MARK: Formats and plurals

    @Test("dates and numbers follow the site's language")
    func formats() throws {
        let day = CalendarDate(year: 2026, month: 12, day: 3)
        let expected: [(String, String, String, String)] = [
            ("en", "3 December 2026", "1,234.5", "61%"), ("de", "3. Dezember 2026", "1.234,5", "61 %"),
            ("fr", "3 décembre 2026", "1\u{202F}234,5", "61\u{202F}%"), ("es", "3 de diciembre de 2026", "1.234,5", "61\u{00A0}%"),
        ]
        for (language, date, number, percent) in expected {
            let (messages, diagnostics) = Messages.load(language: language, siteFiles: [])
            #expect(diagnostics.isEmpty)
            #expect(messages.date(day) == date)
            #expect(messages.number(1234.5) == number)
            #expect(messages.formats.percent(61) == percent)
        }
        let (french, _) = Messages.load(language: "fr", siteFiles: [])
        #expect(french.date(CalendarDate(year: 2027, month: 1, day: 1)) == "1er janvier 2027")
        let english = Messages.english
        #expect(english.number(-0.001) == "0")
        #expect(english.number(1_000_000) == "1,000,000")
        #expect(english.formats.number(2.5, decimals: 2, keepingZeros: true) == "2.50")
        #expect(english.amount(2.5, currency: "GBP") == "GBP 2.50")
        #expect(english.money(Money(amount: 47_500, currency: "GBP", period: "year")) == "GBP 47,500 a year")
    }

    @Test("plural forms follow the language's rule")
    func plurals() throws {
        #expect([0, 1, 2, 5].map(PluralRule.oneOther.category(of:)) == [.other, .one, .other, .other])
        #expect([0, 1, 2].map(PluralRule.zeroOneOther.category(of:)) == [.one, .one, .other])
        #expect([0, 1, 2, 3, 11, 100, 102].map(PluralRule.arabic.category(of:)) == [.zero, .one, .two, .few, .many, .other, .other])
        #expect([1, 2, 5, 21, 22, 25, 11, 12].map(PluralRule.eastSlavic.category(of:)) == [.one, .few, .many, .one, .few, .many, .many, .many])
        #expect([1, 2, 3].map(PluralRule.hebrew.category(of:)) == [.one, .two, .other])
        #expect(PluralRule.of(language: "fr-CA") == .zeroOneOther)
        #expect(PluralRule.of(language: "pl") == .polish)
        let (french, _) = Messages.load(language: "fr", siteFiles: [])
        let (english, _) = Messages.load(language: "en", siteFiles: [])
        #expect(english.count("home.errors", 0) == "0 errors")
        #expect(english.count("home.errors", 1) == "1 error")
        #expect(english.count("home.errors", 1_200) == "1,200 errors")
        // French says "0 erreur": 0 takes the singular.
        #expect(french.count("home.errors", 0) == "0 erreur")
        #expect(french.count("home.errors", 2) == "2 erreurs")
    }

    // MARK: A site's own translations

    static let portuguese = """
        language: pt
        name: Português
        formats:
          date: "{day} de {month} de {year}"
          months: [janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro]
          decimal: ","
          group: "."
        messages:
          home:
            glance: Estratégias num relance
          layout:
            skip: Saltar para o conteúdo
            skipp: typo
          strategy:
            owner: "Responsável {nobody}"
        """

    @Test("a site adds a language with i18n/<language>.yaml: its messages show, the rest fall back to English with a warning naming each key")
    func siteLanguage() throws {
        let site = try FixtureSite.make([
            .replace("title: Fixture Playbook\n", with: "title: Fixture Playbook\nlanguage: pt\n", in: "charter.yaml"),
            .write("i18n/pt.yaml", Self.portuguese),
        ])
        let result = try site.build(allowErrors: true)
        let home = try site.outputText("index.html")
        #expect(home.contains("<html lang=\"pt\" dir=\"ltr\">"))
        #expect(home.contains("<h2 id=\"strategies\">Estratégias num relance</h2>"))
        #expect(home.contains(">Saltar para o conteúdo</a>"))
        // Not translated: English, and the warning says which key and which bundle.
        #expect(home.contains(">Who works on what</h2>"))
        let missing = result.diagnostics.filter { $0.code == .missingTranslation }
        #expect(missing.contains {
            $0.message == "no 'pt' translation of the message 'home.involvement'; its English is used: \"Who works on what\""
                && $0.location.path == "i18n/pt.yaml" && $0.severity == .warning
        })
        #expect(!missing.contains { $0.message.contains("'home.glance'") })
        // A misspelt key is reported where it is, with the key it was meant to be.
        #expect(result.diagnostics.contains {
            $0.code == .unknownKey && $0.location == SourceLocation(path: "i18n/pt.yaml", line: 13, column: 12)
                && $0.fixHint == "did you mean 'layout.skip'?" && $0.severity == .warning
        })
        // A placeholder Charter does not fill is reported at the message.
        #expect(result.diagnostics.contains {
            $0.code == .missingTranslation && $0.message.contains("'{nobody}'") && $0.location.line == 15
        })
        let strategy = try site.outputText("strategies/community.html")
        #expect(strategy.contains("<time datetime=\"2026-03-01\">1 de março de 2026</time>"))
    }

    @Test("a language no bundle has draws one warning and keeps English; a site's en.yaml changes English")
    func unknownLanguageAndEnglishOverride() throws {
        let unknown = try FixtureSite.result([
            .replace("title: Fixture Playbook\n", with: "title: Fixture Playbook\nlanguage: nl\n", in: "charter.yaml"),
        ])
        #expect(located(unknown.diagnostics.filter { $0.code == .missingTranslation }) == ["CH404 warning charter.yaml:1:1"])
        let site = try FixtureSite.make([.write("i18n/en.yaml", "messages:\n  home:\n    glance: Our strategies\n")])
        let result = try site.build()
        #expect(!result.diagnostics.contains { $0.code == .missingTranslation || $0.code == .unknownKey })
        #expect(try site.outputText("index.html").contains("<h2 id=\"strategies\">Our strategies</h2>"))
    }

    // MARK: The example in every shipped language

    /// The English texts of the messages a language translates differently, cut at their
    /// placeholders into the runs of words a page could show: those of two words or more, and
    /// the one-word labels as the whole text of an element.
    static func englishTraces(against language: String) throws -> [String] {
        let english = try Self.english.messages
        let other = try Self.bundle(language).messages
        var traces: Set<String> = []
        for (key, message) in english where !key.hasPrefix("codes.") && !key.hasPrefix("search.") {
            guard let translated = other[key], translated != message else { continue }
            let texts: [String] = switch message {
            case .text(let text): [text]
            case .plural(let forms): Array(forms.values)
            }
            for text in texts {
                for run in text.split(separator: /\{[A-Za-z_]+\}/) {
                    let words = run.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                    guard words.contains(where: \.isLetter) else { continue }
                    if words.split(separator: " ").count >= 2 { traces.insert(words) } else { traces.insert(">" + words + "<") }
                }
            }
        }
        return traces.sorted()
    }

    @Test("the example builds in each shipped language with no English of Charter's on the home, strategy, health and stage pages", arguments: ["de", "fr", "es"])
    func exampleInLanguage(language: String) throws {
        let site = try ExampleSiteTests.copy()
        let configuration = site.root.appending(path: "charter.yaml")
        let text = try String(contentsOf: configuration, encoding: .utf8)
        #expect(text.contains("\nlanguage: en-GB\n"))
        try text.replacingOccurrences(of: "\nlanguage: en-GB\n", with: "\nlanguage: \(language)\n")
            .write(to: configuration, atomically: true, encoding: .utf8)
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        builder.today = ExampleSiteTests.today
        let result = try builder.build()
        #expect(!result.diagnostics.contains { $0.code == .missingTranslation })
        let traces = try Self.englishTraces(against: language)
        #expect(traces.count > 300)
        let pages = ["index.html", "strategies/customer-community.html", "strategies/storm-ready.html", "health.html",
                     "stages/index.html", "stages/formalised.html", "organisation.html"]
        let content = try Self.sourceText(of: site.root)
        for page in pages {
            let html = try site.outputText(page)
            #expect(html.contains("<html lang=\"\(language)\" dir=\"ltr\">"))
            let nodes = Self.chrome(of: html, content: content)
            let english = traces.filter { trace in
                trace.hasPrefix(">") ? nodes.contains(String(trace.dropFirst().dropLast()))
                    : nodes.contains { Self.shows(trace, in: $0, besides: content) }
            }
            #expect(english.isEmpty, "\(language) \(page): \(english)")
        }
    }

    /// Every text file of the site's content and its configuration, whitespace collapsed: the
    /// words written in the site's files, which pages show as written.
    static func sourceText(of root: URL) throws -> String {
        var texts: [String] = [try String(contentsOf: root.appending(path: "charter.yaml"), encoding: .utf8)]
        let folder = root.appending(path: "content")
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".yaml") || path.hasSuffix(".md") {
            texts.append(try String(contentsOf: folder.appending(path: path), encoding: .utf8))
        }
        return Self.collapsed(texts.joined(separator: "\n"))
    }

    /// Whether `node` shows `trace` other than inside words of the site's own: a text that
    /// quotes the content ("Small-business customer panel in …") shows the content's words, so
    /// an occurrence counts only when neither it with the word before nor with the word after
    /// is found in the content.
    static func shows(_ trace: String, in node: String, besides content: String) -> Bool {
        var start = node.startIndex
        while let range = node.range(of: trace, range: start..<node.endIndex) {
            start = range.upperBound
            let before = node[..<range.lowerBound].split(separator: " ").last.map { $0 + " " + trace }
            let after = node[range.upperBound...].split(separator: " ").first.map { trace + " " + $0 }
            let quoted = [before, after].compactMap { $0 }.contains { phrase in
                content.contains(phrase.trimmingCharacters(in: .punctuationCharacters))
            }
            if !quoted { return true }
        }
        return false
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The texts of a page that Charter wrote: its text nodes (and the attributes people read),
    /// less those found in the site's own files, and less the diagnostics' own messages, which
    /// are Charter's English on purpose, marked lang="en" under their code's translated meaning.
    static func chrome(of html: String, content: String) -> [String] {
        let page = html.replacing(/<p lang="en">[^<]*<\/p>/, with: " ")
        var texts = page.replacing(/<[^>]*>/, with: "\n").split(separator: "\n").map(String.init)
        texts += page.matches(of: /(?:aria-label|title|placeholder|alt|data-label)="([^"]*)"/).map { String($0.output.1) }
        return texts.map { collapsed(unescape($0)) }.filter { text in
            text.contains(where: \.isLetter) && !content.contains(text)
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("a right-to-left language turns the page round")
    func rightToLeft() throws {
        let site = try FixtureSite.make([
            .replace("title: Fixture Playbook\n", with: "title: Fixture Playbook\nlanguage: he\n", in: "charter.yaml"),
            .write("i18n/he.yaml", "direction: rtl\nmessages:\n  home:\n    glance: אסטרטגיות במבט\n"),
        ])
        _ = try site.build(allowErrors: true)
        let home = try site.outputText("index.html")
        #expect(home.contains("<html lang=\"he\" dir=\"rtl\">"))
        #expect(home.contains("<h2 id=\"strategies\">אסטרטגיות במבט</h2>"))
        // Without a direction in the bundle, Hebrew and Arabic are right to left anyway.
        let (arabic, _) = Messages.load(language: "ar", siteFiles: [])
        #expect(arabic.direction == "rtl")
        let stylesheet = try site.outputText("assets/charter.css")
        #expect(!stylesheet.contains("margin-left") && !stylesheet.contains("padding-left") && !stylesheet.contains("border-left"))
        #expect(!stylesheet.contains("text-align: left"))
    }
}
