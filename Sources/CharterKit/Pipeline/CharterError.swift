/// Failures of the environment rather than of the content: these stop a run.
public enum CharterError: Error, Equatable, CustomStringConvertible {
    case missingRoot(String)
    case unreadable(String, String)
    case unwritable(String, String)
    case refusedOutput(String, reason: String)
    case markdown(MarkdownError)
    case defaultTemplates(String)
    case badRevision(String, String)
    case exists(String)
    /// Another build holds the lock on this output folder; `holder` says which process.
    case locked(String, holder: String)

    public var description: String {
        switch self {
        case .missingRoot(let path): "the site folder '\(path)' does not exist"
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        case .unwritable(let path, let reason): "cannot write '\(path)': \(reason)"
        case .refusedOutput(let path, let reason): "refusing to write the site to '\(path)': \(reason)"
        case .markdown(let error): error.description
        case .defaultTemplates(let reason): "the built-in templates are broken: \(reason)"
        case .badRevision(let revision, let reason): "cannot read revision '\(revision)': \(reason)"
        case .exists(let path): "'\(path)' already exists; nothing was written"
        case .locked(let path, let holder):
            "another build is writing '\(path)' (\(holder)); nothing was written. Try again once it has finished, or pass --wait to wait for it"
        }
    }

    /// Whether the failure is the caller's choice of paths rather than the machine's.
    public var isUsageError: Bool {
        switch self {
        case .missingRoot, .refusedOutput, .badRevision, .exists: true
        default: false
        }
    }
}
