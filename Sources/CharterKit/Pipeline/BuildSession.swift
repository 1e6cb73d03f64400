import Foundation

/// What a long-lived process (the live preview; a language server) keeps between builds of one
/// site, so that an edit redoes only what it touched.
///
/// A build given a session runs exactly the stages any build runs (`SiteBuilder`); what the
/// session adds is memory. Each stage's last result is kept under the fingerprint of what that
/// stage read, and a stage whose fingerprint is the one kept hands back its result instead of
/// running: the files whose stamp has not moved are not read again, a model whose inputs are
/// the same is not built again, a page whose Markdown and links are the same is not rendered
/// again. When everything other pages show is the same as when the site on disk was made (the
/// early cutoff), only the pages whose text changed get new contexts and templates, and the
/// files that differ are replaced in the site one by one. `docs/architecture.md` lists the
/// stages, their keys, and what invalidates what.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = StageMemory()
    private var run = StageRun()
    /// The text files read, with the stamp each had.
    let files = FileMemo()
    /// The Markdown rendered, by document.
    let markdown = MarkdownMemo()
    let searchMemo = SearchIndexMemo()
    let printMemo = PrintSectionMemo()

    public init() {}

    /// True when the last build was cut off early: nothing that other pages show had changed,
    /// so only the pages whose text changed were made again.
    public var lastBuildWasIncremental: Bool { lastRun.cutOff }

    /// Which stages the last build ran, and how much of their work.
    public var lastRun: StageRun {
        get { lock.withLock { run } }
        set { lock.withLock { run = newValue } }
    }

    var memory: StageMemory {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// The stages' memory, left empty in the session until it is set again.
    func takeMemory() -> StageMemory {
        lock.withLock {
            defer { stored = StageMemory() }
            return stored
        }
    }


    /// Writes the build cache that matches the site as it now is, so that the next process
    /// starts from it; call it before the process ends.
    public func flush() {
        var memory = self.memory
        guard let cache = memory.pendingCache, let made = memory.made else { return }
        var saved = cache
        // The inputs' fingerprint is only needed on disk: the next process compares it.
        saved.inputs = made.inputs
        saved.save(root: made.root)
        memory.pendingCache = nil
        self.memory = memory
    }
}

/// What a build with a session ran: the stages whose inputs had changed, and how many files and
/// documents they took.
public struct StageRun: Equatable, Sendable {
    /// Text files read from the disk (the others were known by their stamp).
    public var filesRead = 0
    /// Whether the site's folders were walked (a build told which files changed may look at
    /// only those).
    public var walked = true
    /// Whether the configuration, templates, framework and model were made.
    public var modelMade = false
    /// Whether the model's rules were run.
    public var validated = false
    /// Markdown documents rendered or looked up in the cache on disk.
    public var documentsRendered = 0
    /// Whether the build was cut off early, making only the pages whose text changed.
    public var cutOff = false

    public init(
        filesRead: Int = 0, walked: Bool = true, modelMade: Bool = false, validated: Bool = false, documentsRendered: Int = 0,
        cutOff: Bool = false
    ) {
        self.filesRead = filesRead
        self.walked = walked
        self.modelMade = modelMade
        self.validated = validated
        self.documentsRendered = documentsRendered
        self.cutOff = cutOff
    }
}

/// A stage's last result and the fingerprint of what it read.
struct Remembered<Value> {
    var key: String
    var value: Value
}

/// The result kept under `key`, or a new one made and kept; `reused` says which.
func remember<Value>(
    _ memo: inout Remembered<Value>?, under key: String?, _ make: () throws -> Value
) rethrows -> (value: Value, reused: Bool) {
    if let key, let memo, memo.key == key { return (memo.value, true) }
    let value = try make()
    memo = key.map { Remembered(key: $0, value: value) }
    return (value, false)
}

/// The stages' memory between builds in one process.
struct StageMemory: @unchecked Sendable {
    /// Configuration, templates, framework, model and link targets, under the fingerprint of
    /// every input but the text of the playbook pages.
    var model: Remembered<ModelStage>?
    /// The model's problems on a given day.
    var validation: Remembered<[Diagnostic]>?
    /// What the site on disk was made from, while it is known to be that site.
    var made: MadeSite?
    /// The build cache that describes the site as it now is, when pages were replaced in it
    /// after the cache file was last written (that file is removed then).
    var pendingCache: BuildCache?
    /// What was worked out from a load's whole content, with that load's number: the text
    /// files by path, and the pages' bodies and front matter.
    var sources: (generation: Int, value: [String: SourceText])?
    var bodies: (generation: Int, value: [String: (body: String, front: String)])?
}

/// The model stage's result: everything known before any Markdown is rendered.
struct ModelStage: @unchecked Sendable {
    var configuration: SiteConfiguration
    var templates: TemplateSet
    var site: Site
    var links: LinkResolver
    /// The configuration's, templates', framework's and model's problems.
    var diagnostics: [Diagnostic]
}

/// What the published site was made from, for a build that changes only some of its files.
struct MadeSite: @unchecked Sendable {
    var root: URL
    var output: URL
    /// The fingerprint of everything other pages show (`SiteBuilder.shapeKey`).
    var shape: String
    /// The fingerprint of every input, for the cache file the session writes when it ends.
    var inputs: String
    var content: RenderedContent
    var rendering: SiteRendering
    var cache: BuildCache
    var diagnostics: [Diagnostic]
}

/// The text files a session has read, by source path and real path, with the stamp each had
/// then: a file whose stamp is the same is not read again.
final class FileMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: (stamp: FileStamp, text: SourceText)] = [:]
    private var seen: Set<String> = []
    private var reads: Set<String> = []
    private var load: LoadMemo?
    private var generations = 0

    /// A new number for a load (`LoadedContent.generation`).
    func nextGeneration() -> Int {
        lock.withLock {
            generations += 1
            return generations
        }
    }

    /// What the last load found; nil when it failed or has not run.
    var lastLoad: LoadMemo? {
        get { lock.withLock { load } }
        set { lock.withLock { load = newValue } }
    }

    /// The text read before from the file now stamped `stamp`, if it is the same file.
    func text(_ key: String, stamp: FileStamp) -> SourceText? {
        lock.withLock {
            seen.insert(key)
            guard let entry = known[key], entry.stamp == stamp else { return nil }
            return entry.text
        }
    }

    /// A file whose text came from elsewhere (an editor's buffer): seen and read, and not known
    /// by its stamp any more.
    func forget(_ key: String, path: String) {
        lock.withLock {
            seen.insert(key)
            known[key] = nil
            reads.insert(path)
        }
    }

    func store(_ text: SourceText, _ key: String, stamp: FileStamp) {
        lock.withLock {
            seen.insert(key)
            known[key] = (stamp, text)
            reads.insert(text.path)
        }
    }

    /// What is worked out from a text once and kept while the text is the same string (the
    /// one this memory handed out): its digest, and a page's body and front-matter fingerprint.
    private var derived: [String: (text: String, digest: String?, body: (body: String, front: String)?)] = [:]

    private func entry(_ text: SourceText) -> (text: String, digest: String?, body: (body: String, front: String)?)? {
        guard let entry = derived[text.path], entry.text.sharesStorage(with: text.text) else { return nil }
        return entry
    }

    /// The text's digest (`StableHasher.digest`), worked out once per text.
    func digest(of text: SourceText) -> String {
        if let known = lock.withLock({ entry(text)?.digest }) { return known }
        let digest = StableHasher.digest(text.text)
        lock.withLock {
            var entry = entry(text) ?? (text.text, nil, nil)
            entry.digest = digest
            derived[text.path] = entry
        }
        return digest
    }

    /// A page's body and front-matter fingerprint, worked out once per text.
    func body(of text: SourceText, _ make: () -> (body: String, front: String)) -> (body: String, front: String) {
        if let known = lock.withLock({ entry(text)?.body }) { return known }
        let body = make()
        lock.withLock {
            var entry = entry(text) ?? (text.text, nil, nil)
            entry.body = body
            derived[text.path] = entry
        }
        return body
    }

    /// The files read from the disk since the last call, by source path, for a load that read
    /// only the files it was told had changed (and so forgets nothing).
    func takeReads() -> Set<String> {
        lock.withLock {
            seen.removeAll(keepingCapacity: true)
            defer { reads = [] }
            return reads
        }
    }

    /// Forgets the files the last load did not read, which were removed or renamed; returns
    /// the files it read from the disk, by source path.
    @discardableResult
    func forgetUnseen() -> Set<String> {
        lock.withLock {
            // Every file seen is known, so equal counts mean nothing went away.
            if known.count != seen.count {
                known = known.filter { seen.contains($0.key) }
                let paths = Set(known.values.map(\.text.path))
                derived = derived.filter { paths.contains($0.key) }
            }
            seen.removeAll(keepingCapacity: true)
            defer { reads = [] }
            return reads
        }
    }
}

/// A file as `lstat` (or `stat`, following links) sees it: the same identity, size and time
/// mean the same file. The file memory and the live preview's scans both compare these.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var seconds: Int
    public var nanoseconds: Int
    /// When the inode last changed (`st_ctim`): a file whose modification time was set back
    /// (`touch -d`, `cp -p`, a checkout) or whose permissions changed has a new one.
    public var changeSeconds: Int
    public var changeNanoseconds: Int
    public var isRegularFile: Bool
    public var isFolder: Bool

    public init?(path: String, followingLinks: Bool = false) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        self.init(status)
    }

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        seconds = Int(status.st_mtimespec.tv_sec)
        nanoseconds = Int(status.st_mtimespec.tv_nsec)
        changeSeconds = Int(status.st_ctimespec.tv_sec)
        changeNanoseconds = Int(status.st_ctimespec.tv_nsec)
        #else
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
        changeSeconds = Int(status.st_ctim.tv_sec)
        changeNanoseconds = Int(status.st_ctim.tv_nsec)
        #endif
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
        isFolder = (status.st_mode & S_IFMT) == S_IFDIR
    }

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(Int(truncatingIfNeeded: device))
        hasher.combine(Int(truncatingIfNeeded: inode))
        hasher.combine(Int(size))
        hasher.combine(seconds)
        hasher.combine(nanoseconds)
    }

    /// The modification time in nanoseconds since 1970.
    var modifiedNanoseconds: Int { seconds &* 1_000_000_000 &+ nanoseconds }
    /// The inode's change time in nanoseconds since 1970.
    var changedNanoseconds: Int { changeSeconds &* 1_000_000_000 &+ changeNanoseconds }
}

extension String {
    /// Whether both strings are one buffer, and so the same text, known without reading it. A
    /// string stored inline (a short one) never shares: the answer is then no, never wrongly yes.
    func sharesStorage(with other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { first in
            right.withUTF8 { second in first.baseAddress == second.baseAddress && first.count == second.count }
        }
    }
}
