import ArgumentParser
import CharterKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validates the site and writes it as static HTML.",
        discussion: "Nothing is written when the content has errors; the previous site stays as it was.")

    @Option(help: "The site's folder: it holds content/ (or the Markdown itself), charter.yaml and Templates/.")
    var root = "."

    @Option(help: "Where to write the site (default: _site under the root).")
    var out: String?

    @Option(help: "Check review dates as of this day (YYYY-MM-DD) instead of today; SOURCE_DATE_EPOCH is honoured too.")
    var today: String?

    @Flag(help: "Write the site even when the content has errors.")
    var allowErrors = false

    @Flag(help: "Build from scratch, without the build cache in .charter-cache/ (which is then removed).")
    var noCache = false

    @Option(help: "How many threads render pages (default: one per core). The site written is the same.")
    var jobs: Int?

    @Flag(help: "When another build is writing the same output folder, wait for it to finish instead of stopping with exit code 75.")
    var wait = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        _ = try today.map(CalendarDate.parse(option:))
    }

    func run() throws {
        var builder = SiteBuilder(
            root: URL(fileURLWithPath: root, isDirectory: true),
            output: out.map { URL(fileURLWithPath: $0, isDirectory: true) })
        builder.allowErrors = allowErrors
        builder.useCache = !noCache
        builder.waitForLock = wait
        if let jobs { builder.workers = jobs }
        if let today { builder.today = try CalendarDate.parse(option: today) }
        let progress = ProgressLine.make()
        if let progress {
            builder.progress = { @Sendable update in progress.show(update) }
        }
        let start = Date()
        let result: BuildResult
        do {
            result = try builder.build()
        } catch {
            progress?.clear()
            throw DiagnosticOutput.fail(error)
        }
        progress?.clear()
        DiagnosticOutput.print(result)
        let hasErrors = result.diagnostics.containsErrors
        guard let written = result.outputDirectory else {
            FileHandle.standardError.write(Data("charter: the site was not written because the content has errors\n".utf8))
            throw Exit.contentErrors
        }
        if hasErrors {
            FileHandle.standardError.write(Data("charter: WARNING: the site was written despite errors (--allow-errors)\n".utf8))
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        if result.upToDate {
            Swift.print("The site is up to date: nothing changed since the last build (\(result.pageCount) pages in \(written.path), \(seconds) s)")
        } else {
            Swift.print("Wrote \(result.pagesWritten) pages, reused \(result.pagesReused) from the cache, to \(written.path) in \(seconds) s")
        }
        Swift.print("Open file://\(written.appending(path: "index.html").path) in a browser.")
        if hasErrors { throw Exit.contentErrors }
    }
}
