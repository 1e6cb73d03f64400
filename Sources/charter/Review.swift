import ArgumentParser
import CharterKit
import Foundation

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes the pack for a strategy review: what moved between two versions of the site.",
        discussion: """
            FROM and TO are days (YYYY-MM-DD: the last commit made on or before that day), git \
            revisions of the site's repository, or folders; TO defaults to the working tree. \
            The pack lists stage changes, measures that changed status, new results, budgets, \
            assessments due and objectives without new evidence, as Markdown for a pull \
            request or an email. With --out inside the content folder it becomes a page of the \
            site at the next build.
            """)

    @Argument(help: "The start of the period: a day, a git revision or a folder.")
    var from: String

    @Argument(help: "The end of the period (default: the working tree, judged on --today).")
    var to: String?

    @Option(help: "The site's folder (in the repository whose history is read).")
    var root = "."

    @Option(help: "Judge the working tree or a folder as of this day (YYYY-MM-DD).")
    var today: String?

    @Option(help: "Write the pack to this file, as a page with front matter, instead of printing it.")
    var out: String?

    func validate() throws {
        _ = try today.map(CalendarDate.parse(option:))
    }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        let day = try today.map(CalendarDate.parse(option:)) ?? SiteBuilder.defaultToday()
        let pack: ReviewPack
        do {
            let reader = RevisionReader(root: rootURL)
            /// A side of the period: the folder to read, the day to judge it on, and what to call it.
            func side(_ argument: String?) throws -> (URL, CalendarDate, String, @Sendable () -> Void) {
                guard let argument else { return (rootURL, day, "the working tree", {}) }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                    return (URL(fileURLWithPath: argument, isDirectory: true), day, argument, {})
                }
                if let date = CalendarDate(argument) {
                    let (folder, cleanup) = try reader.site(at: try reader.commit(onOrBefore: date))
                    return (folder, date, argument, cleanup)
                }
                let (folder, cleanup) = try reader.site(at: argument)
                return (folder, try reader.day(of: argument), argument, cleanup)
            }
            let (fromRoot, fromDay, fromLabel, cleanFrom) = try side(from)
            defer { cleanFrom() }
            let (toRoot, toDay, toLabel, cleanTo) = try side(to)
            defer { cleanTo() }
            func site(_ folder: URL, _ day: CalendarDate) throws -> Site {
                var builder = SiteBuilder(root: folder)
                builder.today = day
                return try builder.check().model!
            }
            pack = ReviewPack(from: .init(site: try site(fromRoot, fromDay), day: fromDay, label: fromLabel),
                              to: .init(site: try site(toRoot, toDay), day: toDay, label: toLabel))
        } catch {
            throw DiagnosticOutput.fail(error)
        }
        if let out {
            do {
                let file = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(pack.markdown(asPage: true).utf8).write(to: file)
            } catch {
                throw DiagnosticOutput.fail(CharterError.unwritable(out, error.localizedDescription))
            }
            print("Wrote the review pack to \(out).")
        } else {
            print(pack.markdown(), terminator: "")
        }
    }
}
