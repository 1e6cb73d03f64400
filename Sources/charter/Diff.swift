public import ArgumentParser
import CharterKit
import Foundation

extension DiffReport.Format: ExpressibleByArgument {}
extension ModelChange.Grade: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows what changed in the strategies between two versions of the site.",
        discussion: """
            BASE and HEAD are git revisions of the site's repository (read with git archive, \
            without touching the working tree) or folders; HEAD defaults to the working tree.
            """)

    @Argument(help: "The version to compare from: a git revision or a folder.")
    var base: String

    @Argument(help: "The version to compare to (default: the working tree).")
    var head: String?

    @Option(help: "The site's folder (in the repository whose revisions are compared).")
    var root = "."

    @Option(help: "markdown, json or text.")
    var format: DiffReport.Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a change is this grave or worse: breaking or warning.")
    var failOn: ModelChange.Grade?

    @Option(help: "Judge review dates as of this day (YYYY-MM-DD).")
    var today: String?

    func validate() throws {
        _ = try today.map(CalendarDate.parse(option:))
    }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        let day = try today.map(CalendarDate.parse(option:)) ?? SiteBuilder.defaultToday()
        let report: DiffReport
        do {
            let reader = RevisionReader(root: rootURL)
            let (baseRoot, cleanBase) = try reader.site(at: base)
            defer { cleanBase() }
            let (headRoot, cleanHead) = try head.map(reader.site(at:)) ?? (rootURL, {})
            defer { cleanHead() }
            func snapshot(_ folder: URL) throws -> ModelSnapshot {
                var builder = SiteBuilder(root: folder)
                builder.today = day
                let result = try builder.check()
                return ModelSnapshot(site: result.model!, diagnostics: result.diagnostics)
            }
            let changes = ModelDiffer(today: day).changes(from: try snapshot(baseRoot), to: try snapshot(headRoot))
            report = DiffReport(changes: changes, base: base, head: head ?? "working tree")
        } catch {
            throw DiagnosticOutput.fail(error)
        }
        print(report.render(format), terminator: "")
        if let failOn, report.hasChanges(atLeast: failOn) { throw Exit.contentErrors }
    }
}
