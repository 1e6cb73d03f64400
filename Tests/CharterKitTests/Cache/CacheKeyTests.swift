import Foundation
import Testing
@testable import CharterKit

/// Every input that can change the site is part of the build cache's key. Each input is
/// enumerated, not sampled: the keys `charter.yaml` understands, the builder's settings and the
/// options of `charter build`. Each one either has a change that alters the site, or a reason
/// why it cannot; a new key, setting or option with neither fails `everyInputIsListed`.
@Suite struct CacheKeyTests {
    /// The `basic` fixture plus what the inputs below need: a `charter.yaml` that sets nothing
    /// (each case adds its key), raw HTML for `unsafe_html` (a CH403 note for `severity`), a dated
    /// assessment for `assessment_max_age`, a measure 2.45 behind its line (off track in a band of
    /// 1.5, at risk in one of 15) for `measure_band`, and a template override and a model file to
    /// change. A site's translation is added by its case.
    static let base: [FixtureSite.Edit] = [
        .write("charter.yaml", "# Every key is added by a test case.\n"),
        .replace("assessment:\n", with: "assessment:\n  assessed_on: 2026-06-01\n"),
        .replace("    target: {value: 80, date: 2027-12-31}\n",
                 with: "    baseline: {value: 50, date: 2026-01-01}\n    target: {value: 80, date: 2027-12-31}\n    results: [{date: 2026-07-01, value: 55}]\n"),
        .replace("## Checklist\n", with: "<div class=\"callout\">Raw HTML in a playbook.</div>\n\n## Checklist\n", in: "content/guides/listening-plan.md"),
        .write("Templates/partials/footer.mustache", footer + "<!-- first footer -->\n"),
        .write("model/focus-areas.yaml", "focus_areas:\n  - id: pricing\n    name: Pricing\n    summary: How we price what we sell.\n"),
    ]

    static var footer: String {
        String(decoding: DefaultTemplates.files["partials/footer.mustache"]!.data, as: UTF8.self)
    }

    /// A change to one input, made to a site that has been built with the cache.
    enum Change: Sendable, Equatable, CustomTestStringConvertible {
        case configuration(String)
        case file(String, String)
        case day(CalendarDate)
        /// Changes the site only when there are errors: its case starts from a site with one.
        case allowErrors

        var testDescription: String {
            switch self {
            case .configuration(let line): "charter.yaml gains \(line.debugDescription)"
            case .file(let path, _): "\(path) changes"
            case .day(let day): "the day becomes \(day)"
            case .allowErrors: "errors are allowed"
            }
        }
    }

    /// For each key of `charter.yaml`, a line that changes the site.
    static let configurationChanges: [String: String] = [
        "title": "title: Another playbook\n",
        "description": "description: Another description.\n",
        "language": "language: fr\n",
        "unsafe_html": "unsafe_html: true\n",
        "base_url": "base_url: https://playbook.example.org/\n",
        "public": "public: true\n",
        "severity": "severity: {CH403: warning}\n",
        "assessment_max_age": "assessment_max_age: 1 month\n",
        "limits": "limits: {max_file_size: 1000}\n",
        "measure_band": "measure_band: 50%\n",
        "business_areas": "business_areas: [Claims]\n",
    ]

    /// For each key under `limits:`, a line that changes the site. A file or a count over a limit
    /// is an error, so these cases build with errors allowed, as `limits` above does.
    static let limitChanges: [String: String] = [
        "max_file_size": "limits: {max_file_size: 1000}\n",
        "max_files": "limits: {max_files: 5}\n",
    ]

    /// For each stored property of `SiteBuilder`: a change that alters the site, or why none can.
    static let builderInputs: [String: String?] = [
        "root": "the cache lives under the root: another root has another cache",
        "output": nil,
        "allowErrors": nil,
        "useCache": "whether to use the cache at all; BuildCacheTests compares cached and clean builds",
        "workers": "the site does not depend on the thread count (BuildCacheTests.threadCountIndependence)",
        "progress": "only reports what the build does",
        "today": nil,
        "session": "the live preview's memory of earlier builds; BuildSessionTests compares it with clean builds",
        "changed": "a hint for the live preview; BuildSessionTests compares it with clean builds",
        "waitForLock": "what to do while another build writes the same output",
        "durable": "whether to flush to the disk before the swap, not what is written",
        "stampsMargin": "when a walk is recorded for the next build (InputStamps); these tests build with 0, so each change here is also checked against the stamps",
        "overlay": "an editor's buffers, read as their files' texts, so they are in every key a file's text is in; OverlayTests",
    ]

    /// For each option of `charter build`, the builder property it sets, or why it changes nothing.
    static let buildOptions: [String: String] = [
        "--root": "root", "--out": "output", "--today": "today", "--allow-errors": "allowErrors",
        "--no-cache": "useCache", "--jobs": "workers", "--wait": "waitForLock",
        "--version": "prints the version, builds nothing", "-h, --help": "prints the help, builds nothing",
    ]

    /// Each distinct line once: `limits` shares its line with `max_file_size`.
    static let changes: [Change] = Set(configurationChanges.values).union(limitChanges.values).sorted().map { .configuration($0) }
        + [
            .file("Templates/partials/footer.mustache", footer + "<!-- second footer -->\n"),
            .file("model/focus-areas.yaml", "focus_areas:\n  - id: pricing\n    name: Prices and cover\n    summary: How we price what we sell.\n"),
            .file("i18n/en.yaml", "messages:\n  home:\n    glance: What we are doing\n"),
            .day(CalendarDate(year: 2027, month: 3, day: 1)),
            .allowErrors,
        ]

    @Test("every key of charter.yaml, every builder setting and every build option is listed here")
    func everyInputIsListed() throws {
        #expect(Set(Self.configurationChanges.keys) == Set(SiteConfiguration.knownKeys))
        #expect(Set(Self.limitChanges.keys) == Set(SiteLimits.knownKeys))
        let properties = Mirror(reflecting: SiteBuilder.pinned(root: FixtureSite.basic)).children.compactMap(\.label)
        #expect(Set(properties) == Set(Self.builderInputs.keys))
        let help = try CharterProcess.run(["build", "--help"]).stdout
        let options = help.split(separator: "\n").compactMap { line -> String? in
            let words = line.trimmingCharacters(in: .whitespaces)
            guard words.hasPrefix("-") else { return nil }
            return words.components(separatedBy: "  ").first.map { $0.components(separatedBy: " <").first! }
        }
        #expect(Set(options) == Set(Self.buildOptions.keys))
        for (option, property) in Self.buildOptions where property.first!.isLowercase && !property.contains(" ") {
            #expect(Self.builderInputs.keys.contains(property), "\(option) sets \(property)")
        }
    }

    @Test("a change to any input that alters the site rebuilds it: the cached build is the clean build", arguments: changes)
    func changeRebuilds(change: Change) throws {
        let site = try FixtureSite.make(Self.base + (change == .allowErrors ? [.replace("owner: hub\n", with: "owner: nobody\n")] : []))
        var builder = SiteBuilder.pinned(root: site.root, output: site.output)
        if case .configuration(let line) = change, line.hasPrefix("limits:") { builder.allowErrors = true }
        let first = try builder.build()
        let before = try TemporarySite.snapshot(of: site.output)

        switch change {
        case .configuration(let line):
            let text = try String(contentsOf: site.root.appending(path: "charter.yaml"), encoding: .utf8)
            try site.write("charter.yaml", text + line)
        case .file(let path, let text):
            try site.write(path, text)
        case .day(let day):
            builder.today = day
        case .allowErrors:
            builder.allowErrors = true
        }
        let cached = try builder.build()
        let clean = site.folder.appending(path: "clean", directoryHint: .isDirectory)
        var fresh = builder
        fresh.output = clean
        fresh.useCache = false
        let expected = try fresh.build()

        #expect(!cached.upToDate)
        #expect(located(cached.diagnostics) == located(expected.diagnostics))
        #expect(cached.diagnostics.map(\.message) == expected.diagnostics.map(\.message))
        let built = try TemporarySite.snapshot(of: site.output)
        let wanted = try TemporarySite.snapshot(of: clean)
        #expect(wanted.count > 10, "the clean build wrote the site")
        #expect(Set(built.keys).symmetricDifference(wanted.keys).sorted() == [])
        #expect(wanted.keys.sorted().filter { built[$0] != wanted[$0] } == [])
        // The change alters what a user gets, so a key that left it out would fail this case.
        let altered = Set(wanted.keys).union(before.keys).filter { wanted[$0] != before[$0] }
        #expect(!altered.isEmpty || located(first.diagnostics) != located(expected.diagnostics), "nothing changed: this case proves nothing")
    }

    @Test("another output folder gets the whole site, as a clean build writes it")
    func anotherOutput() throws {
        let site = try FixtureSite.make(Self.base)
        _ = try SiteBuilder.pinned(root: site.root, output: site.output).build()
        let elsewhere = site.folder.appending(path: "elsewhere", directoryHint: .isDirectory)
        let moved = try SiteBuilder.pinned(root: site.root, output: elsewhere).build()
        #expect(!moved.upToDate)
        #expect(try TemporarySite.snapshot(of: elsewhere) == TemporarySite.snapshot(of: site.output))
    }
}
