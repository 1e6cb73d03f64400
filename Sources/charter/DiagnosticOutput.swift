import ArgumentParser
import CharterKit
import Foundation

/// Prints diagnostics to standard error, quoting the source line when it is a terminal.
enum DiagnosticOutput {
    static func print(_ result: BuildResult) {
        let sources = result.sources
        let quoting = isatty(STDERR_FILENO) == 1
        let lookup: DiagnosticFormatter.LineLookup = { path, line in sources[path]?.line(line) }
        let formatter = DiagnosticFormatter(quotingSourceWith: quoting ? lookup : nil)
        guard !result.diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data(formatter.report(result.diagnostics).utf8))
    }

    static func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("charter: error: \(error)\n".utf8))
        if case .locked = error as? CharterError { return Exit.locked }
        if let error = error as? CharterError, error.isUsageError { return Exit.usage }
        return Exit.io
    }
}

extension CalendarDate {
    /// A `--today` value, or a usage error.
    static func parse(option: String) throws -> CalendarDate {
        guard let date = CalendarDate(option) else { throw ValidationError("--today takes a date written as YYYY-MM-DD, not '\(option)'") }
        return date
    }
}
