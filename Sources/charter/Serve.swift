import ArgumentParser
import CharterKit
import CharterServe
import Dispatch
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the site, serves it, and rebuilds it as its files change: a live preview.",
        discussion: """
            The site is built into .charter-cache/serve-site/ under the root (never into the build \
            output folder); each change rebuilds only the pages it affects, and open pages reload by \
            themselves, or show the errors over the page while the last good version stays served. \
            Exit codes: 0 stopped with Ctrl-C or SIGTERM, 64 wrong usage, 69 the server could not \
            listen (the port is in use), 74 a file could not be read or written.
            """)

    @Option(help: "The site's folder.")
    var root = "."

    @Option(help: "The address to listen on. Anything but a loopback address exposes the site to the network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    @Flag(help: "Open the site in the default browser once it is served.")
    var open = false

    @Option(help: "Check review dates as of this day (YYYY-MM-DD) instead of today; SOURCE_DATE_EPOCH is honoured too.")
    var today: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, such as 127.0.0.1") }
        _ = try today.map(CalendarDate.parse(option:))
    }

    func run() async throws {
        let signals = EarlySignals()
        var options = LivePreview.Options(root: URL(fileURLWithPath: root, isDirectory: true))
        if let today { options.today = try CalendarDate.parse(option: today) }
        if ProcessInfo.processInfo.environment["CHARTER_SERVE_WATCHER"] == "poll" {
            options.watcher = .polling(interval: .milliseconds(300))
        }
        LivePreview.limitMallocArenas()
        let preview = LivePreview(options: options)
        preview.onBuild = { @Sendable report in ServeOutput.show(report) }

        let first = preview.prepare()
        if let failure = first.failure {
            preview.stop()
            FileHandle.standardError.write(Data("charter: error: \(failure)\n".utf8))
            throw first.failureIsUsage ? Exit.usage : Exit.io
        }
        if !PreviewServer.isLoopback(host) {
            ServeOutput.error("""
                charter: warning: listening on \(host): anyone who can reach this machine on port \(port) \
                can read the site. Use --host 127.0.0.1 to keep it to this machine.
                """)
        }

        let server = PreviewServer(preview: preview, host: host, port: port)
        let (host, open) = (host, open)
        let root = options.root.standardizedFileURL.path
        do {
            try await server.run(handlingSignals: true) { port in
                signals.serverStarted()
                let url = PreviewServer.url(host: host, port: port)
                ServeOutput.say("Serving \(root) at \(url) (Ctrl-C to stop)")
                if open { Browser.open(url) }
            }
        } catch {
            ServeOutput.error("charter: error: \(error)")
            throw error is ListenError ? ExitCode(69) : Exit.io
        }
        ServeOutput.say("Stopped.")
    }
}

/// Ctrl-C or SIGTERM before the server runs (during the first build) ends the command at once
/// with status 0; from then on the server's own handlers shut it down cleanly.
private final class EarlySignals: @unchecked Sendable {
    private let lock = NSLock()
    private var started = false
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if !lock.withLock({ started }) {
                    ServeOutput.say("Stopped.")
                    exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    func serverStarted() { lock.withLock { started = true } }
}

/// What `serve` prints: a line per build on standard output, diagnostics on standard error as
/// `check` prints them.
enum ServeOutput {
    /// The diagnostics printed last, so that the same warnings are not repeated after every save.
    private final class Shown: @unchecked Sendable {
        private let lock = NSLock()
        private var last: [Diagnostic]?
        /// Records the new list; true when it differs from the last one.
        func replace(with diagnostics: [Diagnostic]) -> Bool {
            lock.withLock {
                defer { last = diagnostics }
                return last != diagnostics
            }
        }
    }

    private static let shown = Shown()

    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func show(_ report: LivePreview.Report) {
        let seconds = String(format: "%.2f", report.seconds)
        let cause: String
        switch report.trigger.count {
        case 0: cause = "Built"
        case 1: cause = "\(report.trigger[0].isEmpty ? "The site's files" : report.trigger[0]) changed: rebuilt"
        default: cause = "\(report.trigger.count) files changed: rebuilt"
        }
        if let failure = report.failure {
            error("charter: error: \(failure)")
            say("\(cause) in \(seconds) s, but the build failed: still serving the last good version.")
            return
        }
        guard let result = report.result else { return }
        // Errors every time; warnings and notes when they differ from the last build's.
        if shown.replace(with: result.diagnostics) || result.diagnostics.containsErrors {
            DiagnosticOutput.print(result)
        }
        if result.outputDirectory == nil {
            let errors = result.diagnostics.count(of: .error)
            say("\(cause) in \(seconds) s: \(errors) error\(errors == 1 ? "" : "s"), so the site was not updated; still serving the last good version.")
            return
        }
        let what: String
        switch report.change {
        case .none: what = "no page changed"
        case .stylesheets(let paths): what = "only the stylesheet changed (\(paths.joined(separator: ", ")))"
        case .files:
            what = result.upToDate
                ? "\(result.pageCount) pages, unchanged since the last build"
                : "\(result.pagesWritten) page\(result.pagesWritten == 1 ? "" : "s") written, \(result.pagesReused) reused"
        }
        say("\(cause) in \(seconds) s: \(what).")
    }
}

/// Opens a URL in the desktop's browser, when there is one.
enum Browser {
    static func open(_ url: String) {
        #if os(macOS)
        let command = ["open", url]
        #else
        let command = ["xdg-open", url]
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            ServeOutput.error("charter: warning: could not open a browser (\(command[0])): open \(url) yourself")
        }
    }
}
