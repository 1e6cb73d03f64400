public import CharterKit
public import Foundation

/// The live preview without its HTTP side: builds the site into a folder of its own, watches the
/// site's files, coalesces bursts of changes, rebuilds through the build cache (so only pages
/// whose inputs changed are rendered again), works out what changed in the site, and tells the
/// open pages through `events`.
///
/// The build goes through `SiteBuilder` exactly as `charter build` does, only into another
/// folder, so the files served are byte for byte what `build` writes. When a change brings
/// errors, `SiteBuilder` writes nothing and the last good site stays in place.
public final class LivePreview: @unchecked Sendable {
    public struct Options: Sendable {
        /// The site's folder.
        public var root: URL
        /// Where the preview's site is written; `.charter-cache/serve-site` under the root when nil.
        public var site: URL?
        /// The day review dates are judged by; each build's own day when nil.
        public var today: CalendarDate?
        /// How many threads render; one per core when nil.
        public var workers: Int?
        /// How long the files must stay quiet before a rebuild starts.
        public var debounce: Duration = .milliseconds(30)
        /// A rebuild starts at the latest this long after the first change, even if changes go on.
        public var maximumDelay: Duration = .seconds(1)
        /// The watcher's preferred backend.
        public var watcher: SiteWatcher.Backend = .inotify

        public init(root: URL) {
            self.root = root
        }
    }

    /// What changed in the site served, as far as a page cares.
    public enum Change: Sendable, Equatable {
        /// Nothing: no reload needed.
        case none
        /// Only these stylesheets (paths in the site): they can be swapped without a reload.
        case stylesheets([String])
        /// Anything else: these files were added, removed or changed.
        case files([String])
    }

    /// One build: what triggered it and what came out.
    public struct Report: Sendable {
        /// The input files that changed (relative to the root); empty for the first build.
        public var trigger: [String]
        /// The pipeline's result; nil when the build could not run.
        public var result: BuildResult?
        /// Why the build could not run.
        public var failure: String?
        /// True when the failure is the command line's fault (a missing root, a refused folder).
        public var failureIsUsage = false
        public var change: Change
        public var seconds: Double
        public var status: PreviewStatus
        /// True when only the edited pages were made again, false when the whole pipeline ran.
        public var incremental = false
    }

    public let options: Options
    /// The folder the site is built into and served from.
    public let site: URL
    /// The pages listening for reloads.
    public let events = EventHub()
    /// Told about every build, from the rebuild thread (or the caller's, for the first build).
    public var onBuild: (@Sendable (Report) -> Void)?

    // Guarded by `condition`: what the watcher reported and the loop has not built yet, and the
    // state pages read.
    private let condition = NSCondition()
    private var pending = Set<String>()
    private var firstChange: ContinuousClock.Instant?
    private var lastChange: ContinuousClock.Instant?
    private var building = false
    private var stopping = false
    private var currentStatus: PreviewStatus
    /// The words of the site's language, from the last build that read the site.
    private var messages = Messages.english
    private var builds = 0
    private var changesReceived = 0
    private var changesBuilt = 0

    // Only touched by whichever thread builds (never two at once): the site as last seen, and
    // what the last build kept in memory for the next one.
    private var files: [String: FileStamp] = [:]
    private let session = BuildSession()
    private var hashes: [String: UInt64] = [:]

    private var watcher: SiteWatcher?
    private var loopThread: Thread?
    private let loopFinished = DispatchSemaphore(value: 0)

    /// Keeps a long-running server's memory from creeping up with every rebuild: glibc gives
    /// threads arenas of their own (up to eight a core) and keeps what each arena freed, so a
    /// server that had made hundreds of builds held about 20 KB more an edit although its live
    /// heap did not grow. Running the builds on long-lived threads (`WorkerPool`) did not stop
    /// it (19 KB an edit over 500 edits without this limit); two arenas do, with no measurable
    /// cost to an edit (docs/performance.md). glibc's `mallopt(M_ARENA_MAX, 2)`,
    /// found at run time because Swift's Glibc module leaves `malloc.h` out; elsewhere nothing.
    /// The `MALLOC_ARENA_MAX` environment variable, when set, still decides.
    public static func limitMallocArenas() {
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil,
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")
        else { return }
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX in glibc's malloc.h
        _ = unsafeBitCast(symbol, to: Option.self)(arenaMaximum, 2)
    }

    public init(options: Options) {
        self.options = options
        let root = options.root.standardizedFileURL
        site = options.site
            ?? root.appending(path: ".charter-cache", directoryHint: .isDirectory).appending(path: "serve-site", directoryHint: .isDirectory)
        // Versions start from the clock, so a page from an earlier run of the server is never
        // mistaken for a current one.
        let base = Int(Date().timeIntervalSince1970) % 1_000_000 * 1000
        currentStatus = .starting(build: base)
    }

    /// The status pages are shown.
    public var status: PreviewStatus { condition.withLock { currentStatus } }

    /// The version of the site served.
    public var build: Int { condition.withLock { currentStatus.build } }

    /// A responder for the site, with the live-reload snippet and the status document.
    public var responder: SiteResponder {
        SiteResponder(site: site, liveReload: true, build: { [weak self] in self?.build ?? 0 }, status: { [weak self] in
            self?.status.json ?? Data("{}".utf8)
        })
    }

    /// True when every change reported so far has been built and no build is running.
    public var isIdle: Bool {
        condition.withLock { pending.isEmpty && !building && changesBuilt == changesReceived }
    }

    /// Starts watching, then builds once, on the caller's thread. Changes made from now on are
    /// picked up by `start()`.
    @discardableResult
    public func prepare() -> Report {
        let watcher = SiteWatcher(root: options.root, backend: options.watcher) { [weak self] paths in
            self?.changed(paths)
        }
        self.watcher = watcher
        watcher.start()
        return rebuild(trigger: [])
    }

    /// The backend the watcher uses.
    public var watcherBackend: SiteWatcher.Backend? { watcher?.backend }

    /// Starts the rebuild loop on its own thread: builds are long, synchronous and use every core.
    public func start() {
        guard loopThread == nil else { return }
        if watcher == nil { prepare() }
        let thread = Thread { [self] in
            loop()
            loopFinished.signal()
        }
        thread.name = "charter-rebuild"
        loopThread = thread
        thread.start()
    }

    /// Stops watching and rebuilding (waiting for a build under way), and ends every page's
    /// event stream.
    public func stop() {
        watcher?.stop()
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
        if loopThread != nil { loopFinished.wait() }
        loopThread = nil
        session.flush()
        events.close()
    }

    /// Records changed paths; the loop rebuilds once they stop coming for `debounce`.
    func changed(_ paths: Set<String>) {
        condition.withLock {
            let now = ContinuousClock.now
            pending.formUnion(paths.isEmpty ? [""] : paths)
            if firstChange == nil { firstChange = now }
            lastChange = now
            changesReceived += 1
            condition.broadcast()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            // Coalesce: wait until the files have been quiet for `debounce`, or `maximumDelay`
            // has passed since the first change.
            while !stopping, let first = firstChange, let last = lastChange {
                let now = ContinuousClock.now
                let due = min(last + options.debounce, first + options.maximumDelay)
                if now >= due { break }
                _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(due - now)))
            }
            if stopping {
                condition.unlock()
                return
            }
            let trigger = pending.sorted()
            let received = changesReceived
            pending = []
            firstChange = nil
            lastChange = nil
            building = true
            condition.unlock()

            _ = rebuild(trigger: trigger)

            condition.withLock {
                building = false
                changesBuilt = received
                condition.broadcast()
            }
        }
    }

    /// Builds once and tells the pages; never throws: failures become the status.
    @discardableResult
    func rebuild(trigger: [String]) -> Report {
        var builder = SiteBuilder(root: options.root, output: site)
        builder.today = options.today ?? SiteBuilder.defaultToday()
        // A preview's folder is rebuilt on the next start: no need to wait for the disk.
        builder.durable = false
        if let workers = options.workers { builder.workers = workers }
        builder.session = session
        // An edit to the text of playbooks redoes only those pages; the watcher's "" means "look at everything".
        builder.changed = trigger.isEmpty || trigger.contains("") ? nil : Set(trigger)
        let start = ContinuousClock.now
        var result: BuildResult?
        var failure: String?
        var usage = false
        do {
            result = try builder.build()
        } catch {
            failure = "\(error)"
            usage = (error as? CharterError)?.isUsageError ?? false
        }

        var change = Change.none
        if let result, result.outputDirectory != nil {
            change = result.upToDate && !files.isEmpty ? .none : compare(only: files.isEmpty ? nil : result.replacedPaths)
        }
        let seconds = Self.seconds(ContinuousClock.now - start)

        let status: PreviewStatus = condition.withLock {
            builds += 1
            let previous = currentStatus
            let version = change == .none ? previous.build : previous.build + 1
            let attempt = previous.attempt + 1
            // The overlay speaks the site's language, as its pages do; a build that could not
            // read the site keeps the words of the last one that could.
            if let language = result?.model?.messages { messages = language }
            let l = messages
            if let failure {
                currentStatus = PreviewStatus(
                    build: version, attempt: attempt, state: .failed, title: l.text("preview.failed"),
                    message: failure + " " + l.text("preview.lastGoodServed"), diagnostics: [], messages: l)
            } else if let result, result.outputDirectory == nil {
                let errors = result.diagnostics.count(of: .error)
                currentStatus = PreviewStatus(
                    build: version, attempt: attempt, state: .errors,
                    title: l.count("preview.errors", errors),
                    message: l.text("preview.lastGoodServed") + " " + l.text("preview.fixBelow"),
                    diagnostics: result.diagnostics, messages: l)
            } else {
                currentStatus = PreviewStatus(
                    build: version, attempt: attempt, state: .ok, title: l.text("preview.built"), message: l.text("preview.upToDate"),
                    diagnostics: result?.diagnostics ?? [], messages: l)
            }
            return currentStatus
        }

        struct Stylesheets: Encodable { var build: Int; var paths: [String] }
        struct Reload: Encodable { var build: Int; var paths: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch change {
        case .none: break
        case .stylesheets(let paths):
            events.publish("css", data: (try? encoder.encode(Stylesheets(build: status.build, paths: paths))) ?? Data("{}".utf8))
        case .files(let paths):
            events.publish("reload", data: (try? encoder.encode(Reload(build: status.build, paths: Array(paths.prefix(100))))) ?? Data("{}".utf8))
        }
        events.publish("status", data: status.json)

        let report = Report(
            trigger: trigger, result: result, failure: failure, failureIsUsage: usage, change: change, seconds: seconds, status: status,
            incremental: session.lastBuildWasIncremental)
        onBuild?(report)
        return report
    }

    /// What differs between the site now and the site as last seen. Files whose inode, size and
    /// time are unchanged are the same file (pages the build reused are hard links to the very
    /// same file); the others are compared by their bytes' hash. With `only`, the files a build
    /// replaced in place, only those are looked at: the build left every other file as it was.
    private func compare(only replaced: [String]? = nil) -> Change {
        if let replaced {
            var changed: [String] = []
            for path in replaced {
                let url = site.appending(path: path)
                files[path] = FileStamp(path: url.path)
                let hash = Self.hash(of: url)
                if hashes[path] != hash { changed.append(path) }
                hashes[path] = hash
            }
            return Self.change(of: changed.sorted())
        }
        let now = FileTree.scan(site) { !$0.hasPrefix(".") && !$0.contains("/.") }
        var changed: [String] = []
        var newHashes: [String: UInt64] = [:]
        newHashes.reserveCapacity(now.count)
        let firstScan = files.isEmpty
        for (path, state) in now where !state.isFolder {
            if let old = files[path], old == state, let hash = hashes[path] {
                newHashes[path] = hash
                continue
            }
            let hash = Self.hash(of: site.appending(path: path))
            newHashes[path] = hash
            if hashes[path] != hash { changed.append(path) }
        }
        for (path, state) in files where !state.isFolder && now[path] == nil { changed.append(path) }
        files = now
        hashes = newHashes
        if firstScan { return .files([]) }
        return Self.change(of: changed.sorted())
    }

    /// No change, stylesheets only (applied without a reload), or files that need one.
    private static func change(of changed: [String]) -> Change {
        if changed.isEmpty { return .none }
        return changed.allSatisfy { $0.lowercased().hasSuffix(".css") } ? .stylesheets(changed) : .files(changed)
    }

    /// FNV-1a over a file's bytes; 0 for a file that cannot be read.
    static func hash(of url: URL) -> UInt64 {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
