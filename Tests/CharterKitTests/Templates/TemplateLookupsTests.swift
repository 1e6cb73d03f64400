import Foundation
import Testing
@testable import CharterKit

/// Templates read views through `child(named:)` (a switch over each view's synthesized
/// `CodingKeys`, which the compiler holds exhaustive) and the cache fingerprints them field by
/// field (through the synthesized `Encodable` conformance; see `TemplateView`). These tests
/// walk every page context of the example site and compare each view's answers with its stored
/// properties as reflection sees them, and check that the fingerprint covers every field.
@Suite struct TemplateLookupsTests {
    /// Every page context of the example site, built as `build` builds them.
    static func exampleContexts() throws -> [PageContext] {
        try exampleJobs().map { $0.make() }
    }

    /// Every page of the example site, as `build` plans them.
    static func exampleJobs() throws -> [SiteRenderer.Job] {
        let content = try ContentLoader().load(root: ExampleSiteTests.repository)
        let (configuration, _) = SiteConfiguration.read(content.configuration)
        let (framework, _) = FrameworkLoader().load(siteFiles: content.modelFiles)
        let (site, _) = ModelBuilder().build(content, configuration: configuration, framework: framework)
        let links = LinkResolver(site: site)
        let options = MarkdownOptions(allowRawHTML: configuration.unsafeHTML)
        let markdown = try PageRenderer(options: options).render(site, links: links)
        // The example's maturity gaps fill the health page's groups and items.
        let diagnostics = SiteValidator().validate(ValidationContext(site: site, today: ExampleSiteTests.today)).sorted()
        let builder = ContextBuilder(site: site, content: markdown, diagnostics: diagnostics, today: ExampleSiteTests.today)
        let (templates, _) = try TemplateSet.load(overrides: [:])
        return SiteRenderer(templates: templates).jobs(builder, links: links, markdown: options)
    }

    @Test("every page's path, known before its context is made, is the one its context gives it")
    func jobPathsAreTheirContexts() throws {
        let jobs = try Self.exampleJobs()
        var mismatched: [String] = []
        for job in jobs {
            let path = job.make().page.path
            if path != job.path { mismatched.append("\(job.template): planned at \(job.path), made at \(path)") }
        }
        #expect(mismatched == [])
        // Every kind of page the site makes is among them, the tags' and the model's too.
        let templates = Set(jobs.map(\.template))
        #expect(templates.isSuperset(of: [
            "home", "page", "strategy", "team", "stages", "stage", "matrix", "responsibility", "listing", "health", "organisation",
            "exchanges", "objective", "section", "print", "404",
        ]), "\(templates.sorted())")
        #expect(jobs.contains { $0.path == SitePaths.tags } && jobs.contains { $0.path.hasPrefix("tags/") && $0.path != SitePaths.tags })
        #expect(Set(jobs.map(\.path)).count == jobs.count, "no two pages share a path")
    }

    @Test("each view answers every stored property by name, with its value, and nothing else")
    func lookupsMatchProperties() throws {
        var visited: Set<String> = []
        var problems: [String] = []
        func walk(_ value: Any, at path: String) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                if let wrapped = mirror.children.first?.value { walk(wrapped, at: path) }
                return
            case .collection:
                for (index, element) in mirror.children.enumerated() { walk(element.value, at: "\(path)[\(index)]") }
                return
            default:
                break
            }
            guard let view = value as? any TemplateView else { return }
            let type = String(reflecting: Swift.type(of: value))
            visited.insert(type)
            if view.lookup("noSuchField", []) != nil { problems.append("\(type): answers a name it has no field for") }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let answer = view.lookup(label, [])
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
                if isNil != (answer == nil) {
                    problems.append("\(path).\(label): property is \(isNil ? "nil" : "set") but the lookup says \(answer == nil ? "nil" : "set")")
                }
                let stored = Self.unwrapped(child.value)
                if let answer, let stored, !Self.matches(answer, stored) {
                    problems.append("\(path).\(label): the lookup answers another field's value")
                }
                walk(child.value, at: "\(path).\(label)")
            }
        }
        for context in try Self.exampleContexts() { walk(context, at: context.page.path) }
        #expect(problems == [])
        // The example shows every kind of view: all 60 types were checked.
        #expect(visited.count == 60, "\(visited.sorted())")
    }

    /// True when a lookup's answer is the stored value: the same text, number or Boolean, the
    /// same view, or a list of the same length whose elements match one by one.
    static func matches(_ answer: TemplateValue, _ stored: Any) -> Bool {
        switch answer {
        case .string(let string): (stored as? String) == string
        case .int(let int): (stored as? Int) == int
        case .double(let double): (stored as? Double) == double
        case .bool(let bool): (stored as? Bool) == bool
        case .object(let object): String(describing: object) == String(describing: stored)
        case .list(let list):
            Mirror(reflecting: stored).displayStyle == .collection
                && Mirror(reflecting: stored).children.count == list.count
                && zip(0..<list.count, Mirror(reflecting: stored).children).allSatisfy { matches(list.element($0), $1.value) }
        case .null, .lambda: false
        }
    }

    /// The value inside an optional, or the value itself.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    @Test("a context's fingerprint changes with any field a template can read, and only then")
    func fingerprints() throws {
        let contexts = try Self.exampleContexts()
        func print(_ context: PageContext) -> String {
            var hasher = StableHasher()
            context.fingerprint(into: &hasher)
            return hasher.finalize()
        }
        let prints = contexts.map(print)
        // Every page of the site is different, and so is its fingerprint.
        #expect(Set(prints).count == contexts.count)
        // The same context, built again, has the same fingerprint.
        #expect(try Self.exampleContexts().map(print) == prints)
        var changed = try #require(contexts.first { $0.strategy != nil })
        let before = print(changed)
        changed.strategy?.ladder.steps[0].criteria[0].met.toggle()
        #expect(print(changed) != before)
        changed.strategy?.ladder.steps[0].criteria[0].met.toggle()
        #expect(print(changed) == before)
        changed.page.params.values["x-extra"] = ["nested": [1, 2]] as [String: any Sendable]
        #expect(print(changed) != before)

        // The same value in another optional field, or a list split differently, is another page.
        let link = LinkView(title: "Owner", url: "teams/a.html")
        var playbook = PlaybookView(
            owner: link, strategy: nil, stage: nil, responsibilities: [], status: nil, lastReviewed: nil, reviewDue: nil,
            isStale: false, hasMetadata: true, referencedBy: [link, link], previous: nil, next: nil)
        func hash(_ view: PlaybookView) -> String {
            var hasher = StableHasher()
            view.fingerprint(into: &hasher)
            return hasher.finalize()
        }
        let owned = hash(playbook)
        playbook.owner = nil
        playbook.strategy = link
        #expect(hash(playbook) != owned)
        playbook.strategy = nil
        playbook.owner = link
        #expect(hash(playbook) == owned)
        playbook.referencedBy = [link]
        playbook.responsibilities = [link]
        #expect(hash(playbook) != owned)
    }

    @Test("the stable hasher tells apart the same bytes split differently, and never varies between runs")
    func stableHasher() {
        var first = StableHasher()
        first.combine("ab")
        first.combine("c")
        var second = StableHasher()
        second.combine("a")
        second.combine("bc")
        #expect(first.finalize() != second.finalize())
        // A fixed value: Swift's own Hasher is seeded per process, this one must not be.
        // Pinned: a cache written by one run must be readable by the next.
        #expect(StableHasher.hash(Array("charter".utf8)) == "82edcbbfea09161614dce4c6af28c71d")
    }
}
