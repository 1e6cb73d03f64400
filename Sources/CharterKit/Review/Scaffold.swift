public import Foundation

/// The files `charter init` writes: a complete small playbook repository that passes
/// `charter check --strict` as generated, with a CI workflow, editor schemas and CODEOWNERS.
public struct Scaffold: Sendable {
    /// The day written as every playbook's `last_reviewed`.
    public var today: CalendarDate
    /// Whether to copy the default templates into `Templates/` for customising.
    public var includeTemplates: Bool

    /// How often the scaffold's playbooks are reviewed: their `review_interval`.
    public static let reviewInterval = ReviewInterval(count: 12, unit: .month)

    /// The day the scaffold's playbooks fall due for review. From that day `charter check
    /// --strict` fails with CH252 until each one's `last_reviewed` is brought up to date; the
    /// scaffold's README and `charter init` say so, with this date.
    public var reviewDue: CalendarDate { today.adding(Self.reviewInterval) }

    /// The playbooks that fall due on `reviewDue`, by path.
    public static var reviewedPlaybooks: [String] {
        ScaffoldFiles.files.keys.filter { $0.hasPrefix("content/playbooks/") && $0.hasSuffix(".md") }.sorted()
    }

    /// Creates a scaffold.
    public init(today: CalendarDate, includeTemplates: Bool = false) {
        self.today = today
        self.includeTemplates = includeTemplates
    }

    /// The text files by path, before CODEOWNERS (which is generated from them): the files of
    /// the repository's `Scaffold/` folder, with their dates, review interval and Charter's
    /// release filled in, and the editor schemas of the built-in framework.
    public func files() -> [String: Data] {
        var files = ScaffoldFiles.files.mapValues { file -> Data in
            guard case .text(let text) = file else { return file.data }
            return Data(filled(text).utf8)
        }
        for (name, text) in SchemaGenerator(framework: FrameworkLoader().load().0).files() {
            files["schemas/\(name)"] = Data(text.utf8)
        }
        if includeTemplates {
            for (path, file) in DefaultTemplates.files { files["Templates/\(path)"] = file.data }
        }
        return files
    }

    /// Writes the scaffold into `folder`, then its CODEOWNERS, made from the files just written.
    /// Refuses, writing nothing, when any of the files already exists.
    public func write(to folder: URL) throws -> [String] {
        let files = files()
        let fileManager = FileManager.default
        let taken = (files.keys.sorted() + [Self.codeownersPath]).filter {
            fileManager.fileExists(atPath: folder.appending(path: $0).path)
        }
        if let first = taken.first { throw CharterError.exists(folder.appending(path: first).path) }
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = folder.appending(path: path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw CharterError.unwritable(folder.path, error.localizedDescription)
        }
        var builder = SiteBuilder(root: folder)
        builder.today = today
        guard let model = try builder.check().model else { return files.keys.sorted() }
        let codeowners = CodeownersGenerator(site: model).text()
        do {
            try Data(codeowners.utf8).write(to: folder.appending(path: Self.codeownersPath))
        } catch {
            throw CharterError.unwritable(Self.codeownersPath, error.localizedDescription)
        }
        return (files.keys + [Self.codeownersPath]).sorted()
    }

    /// Where CODEOWNERS goes: GitHub reads it from `.github/`.
    public static let codeownersPath = ".github/CODEOWNERS"

    /// The text with the scaffold's placeholders filled in: its dates, its review interval,
    /// and the repository and release of the Charter that writes it (for the CI workflow).
    private func filled(_ text: String) -> String {
        text.replacingOccurrences(of: "LAST_REVIEWED", with: today.description)
            .replacingOccurrences(of: "REVIEW_DUE", with: reviewDue.description)
            .replacingOccurrences(of: "REVIEW_INTERVAL", with: Self.reviewInterval.description)
            .replacingOccurrences(of: "CHARTER_ACTION", with: Self.action)
            .replacingOccurrences(of: "CHARTER_REPOSITORY", with: CharterRelease.repository)
    }

    /// The GitHub Action the scaffold's workflow runs: this release of Charter's.
    static let action = "\(CharterRelease.repository)@v\(CharterRelease.version)"
}
