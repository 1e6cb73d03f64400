import Foundation

/// What a build is made from, hashed in two layers: `key`, everything that changes every
/// page (Charter itself, the templates, the model, the configuration, the day, the options),
/// and `inputs`, that plus every content file, so that equal inputs mean nothing changed.
struct BuildFingerprint {
    var key: String
    var inputs: String
    /// Charter itself and the site's configuration, model files and templates: what the model
    /// stage reads besides the content, and not the day or the options.
    var model: String

    /// With `files`, a session's memory, the digest of a text it has seen is not worked out again.
    init(content: LoadedContent, today: CalendarDate, allowErrors: Bool, output: URL, files: FileMemo? = nil) {
        var hasher = Self.charter()
        var model = hasher
        Self.combineSettings(of: content, into: &model)
        self.model = model.finalize()
        Self.combineOptions(today: today, allowErrors: allowErrors, output: output, into: &hasher)
        Self.combineSettings(of: content, into: &hasher)
        key = hasher.finalize()

        for file in (content.markdown + content.data).sorted(by: { $0.source.path < $1.source.path }) {
            hasher.combine(file.source.path)
            hasher.combine(files?.digest(of: file.source) ?? StableHasher.digest(file.source.text))
        }
        // Assets are copied, not read: their size and modification time stand for their bytes.
        for asset in content.assets.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            hasher.combine(asset.sourcePath)
            let attributes = try? FileManager.default.attributesOfItem(atPath: asset.fileURL.path)
            hasher.combine((attributes?[.size] as? NSNumber)?.intValue ?? -1)
            hasher.combine(Int(((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1_000_000))
        }
        for diagnostic in content.diagnostics {
            hasher.combine(diagnostic.location.description)
            hasher.combine(diagnostic.message)
        }
        inputs = hasher.finalize()
    }

    /// A hasher that has taken Charter itself: its version and, since a rebuilt Charter of the
    /// same version may render differently, its binary.
    static func charter() -> StableHasher {
        var hasher = StableHasher()
        hasher.combine("charter \(CharterRelease.version)")
        for part in executableIdentity() { hasher.combine(part) }
        return hasher
    }

    /// The day and the options of a build, and the folder it writes.
    static func combineOptions(today: CalendarDate, allowErrors: Bool, output: URL, into hasher: inout StableHasher) {
        hasher.combine(today.description)
        hasher.combine(allowErrors)
        hasher.combine(output.path)
    }

    /// What every page depends on besides the content: the configuration, the model files, the
    /// translation files and the templates.
    private static func combineSettings(of content: LoadedContent, into hasher: inout StableHasher) {
        hasher.combine(content.contentPrefix)
        hasher.combine(content.configuration?.text ?? "")
        for file in (content.modelFiles + content.messageFiles).sorted(by: { $0.path < $1.path }) {
            hasher.combine(file.path)
            hasher.combine(file.text)
        }
        for (path, template) in content.templates.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            template.data.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The running executable's size and modification time.
    static func executableIdentity() -> [String] {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return [path] }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return [path, String(size), String(modified)]
    }
}
