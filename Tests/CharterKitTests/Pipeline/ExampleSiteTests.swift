import Foundation
import Testing
@testable import CharterKit

/// The example playbook in content/, which the README's first command builds.
@Suite struct ExampleSiteTests {
    static let repository = DefaultTemplatesTests.templatesFolder.deletingLastPathComponent()
    /// Review dates are checked as of a fixed day, so the suite does not age.
    static let today = CalendarDate(year: 2026, month: 11, day: 23)

    @Test("the example passes check --strict: no errors, no warnings but the off-track measure it shows on purpose")
    func strict() throws {
        var builder = SiteBuilder(root: Self.repository)
        builder.today = Self.today
        let result = try builder.check()
        let problems = result.diagnostics.filter { $0.severity == .error || ($0.severity == .warning && $0.code.failsStrict) }
        #expect(problems.isEmpty, "\(problems.map { "\($0.location): \($0.message) [\($0.code)]" })")
        // The scoreboard shows a measure off track; it is reported, and does not fail --strict.
        #expect(located(result.diagnostics.filter { $0.severity == .warning }) == ["CH280 warning content/strategies/storm-ready.yaml:114:5"])
    }

    @Test("the built example has a page for every strategy, team, stage, responsibility and playbook, and no broken link")
    func crawl() throws {
        let scratch = try TemporarySite()
        var builder = SiteBuilder(root: Self.repository, output: scratch.output)
        builder.today = Self.today
        let result = try builder.build()
        let paths = Set(result.paths)
        #expect(result.outputDirectory != nil)
        let content = try ContentLoader().load(root: Self.repository)
        let (framework, _) = FrameworkLoader().load(siteFiles: content.modelFiles)
        let model = ModelBuilder().build(content, configuration: SiteConfiguration(), framework: framework).site
        #expect(model.strategyModels.count >= 4)
        #expect(model.teamModels.count >= 6)
        var expected = model.strategyModels.map { SitePaths.strategy($0.id) } + model.teamModels.map { SitePaths.team($0.id) }
        expected += framework.stages.map { SitePaths.stage($0.id) } + framework.responsibilities.map { SitePaths.responsibility($0.id) }
        expected += model.pages.map(\.outputPath)
        expected += [SitePaths.stages, SitePaths.matrix, SitePaths.focusAreas, SitePaths.programKinds, SitePaths.health, SitePaths.notFound]
        #expect(expected.filter { !paths.contains($0) } == [])

        let report = try SiteCrawler.crawl(scratch.output)
        #expect(report.broken == [])
        #expect(report.linksChecked > 1000)
    }
}
