import CharterKit
public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which files of a site folder a build reads, so the watcher reports only those: with a
/// `content/` folder, `content/`, `Templates/`, `model/` and `charter.yaml`; without one, the
/// whole root but `_site`. Hidden files and folders (editors' swap files, `.git`,
/// `.charter-cache`) are never content.
struct WatchScope: Sendable {
    let root: URL

    var hasContentFolder: Bool {
        FileStamp(path: root.appending(path: "content").path, followingLinks: true)?.isFolder == true
    }

    func includes(_ path: String, contentFolder: Bool) -> Bool {
        let parts = path.split(separator: "/")
        guard let top = parts.first else { return true }
        if parts.contains(where: { $0.hasPrefix(".") }) { return false }
        if contentFolder {
            return top == "content" || top == "Templates" || top == "model" || top == "i18n" || (parts.count == 1 && top == "charter.yaml")
        }
        return top != "_site"
    }
}

/// Watches a site's folder and reports the paths that changed, relative to the root: new,
/// changed, deleted and renamed files and folders, including the rename an editor does when it
/// saves through a temporary file. Uses inotify on Linux; elsewhere, or when inotify is not
/// available (no more watches allowed, a file system without it), it scans the folder a few
/// times a second instead.
///
/// Reports come from the watcher's own thread, as soon as the events are read; coalescing them
/// is the caller's work.
public final class SiteWatcher: @unchecked Sendable {
    public enum Backend: Sendable, Equatable {
        case inotify
        case polling(interval: Duration)
    }

    private let scope: WatchScope
    private let onChange: @Sendable (Set<String>) -> Void
    private let requested: Backend
    // The wake pipe ends the thread's wait; `stopped` and `backendInUse` are guarded by the lock.
    private let lock = NSLock()
    private var wake: [Int32] = [-1, -1]
    private var stopped = false
    private var backendInUse: Backend?
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    /// A watcher of `root`; `backend` is the preferred one (inotify falls back to polling).
    public init(root: URL, backend: Backend = .inotify, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.scope = WatchScope(root: root.standardizedFileURL.resolvingSymlinksInPath())
        self.requested = backend
        self.onChange = onChange
    }

    /// The backend actually watching, once started.
    public var backend: Backend? { lock.withLock { backendInUse } }

    /// Starts watching; returns once the initial watches are in place, so that any change made
    /// after this call is reported.
    public func start() {
        guard !started else { return }
        started = true
        _ = pipe(&wake)
        _ = fcntl(wake[0], F_SETFL, O_NONBLOCK)
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            run(ready: ready)
            finished.signal()
        }
        thread.name = "charter-watcher"
        thread.start()
        ready.wait()
    }

    /// Stops watching and waits for the thread to end.
    public func stop() {
        guard started else { return }
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        finished.wait()
        close(wake[0])
        close(wake[1])
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run(ready: DispatchSemaphore) {
        #if os(Linux)
        if requested == .inotify, let inotify = Inotify(scope: scope) {
            lock.withLock { backendInUse = .inotify }
            ready.signal()
            if inotify.run(wake: wake[0], isStopped: { self.isStopped }, report: onChange) { return }
            // The kernel refused more watches: carry on by scanning.
        }
        #endif
        let interval: Duration
        if case .polling(let chosen) = requested { interval = chosen } else { interval = .milliseconds(300) }
        let wasReady = lock.withLock {
            defer { backendInUse = .polling(interval: interval) }
            return backendInUse != nil
        }
        poll(every: interval, ready: wasReady ? nil : ready)
    }

    /// Scans the watched files every `interval` and reports what differs from the last scan.
    private func poll(every interval: Duration, ready: DispatchSemaphore?) {
        func scan() -> [String: FileStamp] {
            let contentFolder = scope.hasContentFolder
            return FileTree.scan(scope.root) { scope.includes($0, contentFolder: contentFolder) }
        }
        var last = scan()
        ready?.signal()
        let milliseconds = Int32(clamping: interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        while !isStopped {
            var descriptor = pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)
            _ = systemPoll(&descriptor, 1, max(10, milliseconds))
            if isStopped { return }
            let now = scan()
            let changed = FileTree.changes(from: last, to: now)
            last = now
            if !changed.isEmpty { onChange(changed) }
        }
    }
}

/// `poll(2)`, under a name that the watcher's own `poll(every:)` does not hide.
private func systemPoll(_ descriptors: UnsafeMutablePointer<pollfd>, _ count: Int, _ timeout: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.poll(descriptors, nfds_t(count), timeout)
    #else
    Darwin.poll(descriptors, nfds_t(count), timeout)
    #endif
}

#if os(Linux)
/// The inotify side of the watcher: one watch per folder, added as folders appear.
private final class Inotify {
    // The event bits of <sys/inotify.h>, spelled out so that no C macro needs importing.
    static let modify: UInt32 = 0x0000_0002
    static let attributes: UInt32 = 0x0000_0004
    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let overflow: UInt32 = 0x0000_4000
    static let ignored: UInt32 = 0x0000_8000
    static let onlyFolder: UInt32 = 0x0100_0000
    static let isFolder: UInt32 = 0x4000_0000
    static let mask = modify | attributes | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf | onlyFolder

    let scope: WatchScope
    let descriptor: Int32
    /// Watch descriptor → folder relative to the root ("" for the root), and back.
    var folders: [Int32: String] = [:]
    var watches: [String: Int32] = [:]
    /// Set when the kernel refuses a watch: the caller then falls back to scanning.
    var exhausted = false

    init?(scope: WatchScope) {
        self.scope = scope
        descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        rescan()
        if exhausted {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Watches the root and every folder in scope below it, dropping watches no longer needed.
    func rescan() {
        let contentFolder = scope.hasContentFolder
        var wanted: Set<String> = [""]
        for (path, state) in FileTree.scan(scope.root, include: { self.scope.includes($0, contentFolder: contentFolder) })
        where state.isFolder {
            wanted.insert(path)
        }
        for (path, watch) in watches where !wanted.contains(path) {
            inotify_rm_watch(descriptor, watch)
            forget(path)
        }
        for path in wanted.sorted() where watches[path] == nil { add(path) }
    }

    /// Watches a folder and everything in scope below it.
    func addTree(_ path: String) {
        let contentFolder = scope.hasContentFolder
        add(path)
        for (below, state) in FileTree.scan(scope.root.appending(path: path), include: {
            self.scope.includes(path + "/" + $0, contentFolder: contentFolder)
        }) where state.isFolder {
            add(path + "/" + below)
        }
    }

    private func add(_ path: String) {
        guard watches[path] == nil else { return }
        let url = path.isEmpty ? scope.root : scope.root.appending(path: path)
        let watch = inotify_add_watch(descriptor, url.path, Self.mask)
        if watch < 0 {
            if errno == ENOSPC || errno == ENOMEM { exhausted = true }
            return
        }
        if let previous = folders[watch], previous != path { watches[previous] = nil }
        folders[watch] = path
        watches[path] = watch
    }

    /// Forgets a folder and the folders below it (they moved or were deleted with it).
    private func removeTree(_ path: String) {
        for (folder, watch) in watches where folder == path || folder.hasPrefix(path + "/") {
            inotify_rm_watch(descriptor, watch)
            forget(folder)
        }
    }

    private func forget(_ path: String) {
        if let watch = watches.removeValue(forKey: path) { folders[watch] = nil }
    }

    /// Reads events until stopped; false when the kernel ran out of watches.
    func run(wake: Int32, isStopped: () -> Bool, report: (Set<String>) -> Void) -> Bool {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while !isStopped() {
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = systemPoll(&descriptors, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if isStopped() { return true }
            var changed = Set<String>()
            while true {
                let count = read(descriptor, buffer, size)
                if count <= 0 { break }
                changed.formUnion(parse(buffer, count: count))
            }
            if exhausted { return false }
            if !changed.isEmpty { report(changed) }
        }
        return true
    }

    /// The paths in scope that a batch of events touched; folders appearing get watched.
    private func parse(_ buffer: UnsafeMutableRawPointer, count: Int) -> Set<String> {
        var changed = Set<String>()
        var offset = 0
        let header = 16
        var needsRescan = false
        let contentFolder = scope.hasContentFolder
        while offset + header <= count {
            let watch = buffer.load(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
            let name = length > 0 ? String(cString: buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)) : ""
            offset += header + length

            if mask & Self.overflow != 0 {
                // Events were lost: watch everything again and rebuild.
                needsRescan = true
                changed.insert("")
                continue
            }
            guard let folder = folders[watch] else { continue }
            if mask & Self.ignored != 0 {
                // The watch is gone; the folder's path may be watched again under a new one.
                if watches[folder] == watch { watches[folder] = nil }
                folders[watch] = nil
                continue
            }
            if name.isEmpty {
                // The folder itself was deleted or moved away.
                if mask & (Self.deleteSelf | Self.moveSelf) != 0 {
                    if folder.isEmpty { needsRescan = true } else { removeTree(folder) }
                    if folder.isEmpty || scope.includes(folder, contentFolder: contentFolder) { changed.insert(folder) }
                }
                continue
            }
            let path = folder.isEmpty ? name : folder + "/" + name
            if mask & Self.isFolder != 0 {
                if folder.isEmpty {
                    // A top-level folder came or went: what is content may have changed (`content/` itself).
                    needsRescan = true
                } else if mask & (Self.create | Self.movedTo) != 0 {
                    if scope.includes(path, contentFolder: contentFolder) { addTree(path) }
                } else if mask & (Self.delete | Self.movedFrom) != 0 {
                    removeTree(path)
                }
            }
            if scope.includes(path, contentFolder: contentFolder) { changed.insert(path) }
        }
        if needsRescan {
            rescan()
        }
        return changed
    }
}
#endif
