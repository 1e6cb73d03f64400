import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import CharterKit

/// One build of an output folder at a time; a lock left by a killed build is taken over; a
/// live build's staging folder is never removed; the new site reaches the disk before the swap.
@Suite struct BuildLockTests {
    @Test("while one build holds the lock a second fails at once with CharterError.locked naming the holder")
    func secondBuildFailsAtOnce() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let lock = try BuildLock.acquire(for: site.output, wait: false)
        let clock = ContinuousClock()
        var thrown: (any Error)?
        let elapsed = clock.measure {
            do { try site.build() } catch { thrown = error }
        }
        let expected = CharterError.locked(
            OutputLocation.canonical(site.output).path, holder: "pid \(getpid()), started ")
        guard case .locked(let path, let holder) = thrown as? CharterError, case .locked(let expectedPath, let prefix) = expected else {
            Issue.record("expected CharterError.locked, got \(String(describing: thrown))")
            return
        }
        #expect(path == expectedPath)
        #expect(holder.hasPrefix(prefix))
        #expect(elapsed < .seconds(5))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: BuildLock.path(for: site.output)))
        try site.build()
        #expect(try site.outputText("a.html").contains("A"))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(siblings == ["out", "site"])
    }

    @Test("a second build with waitForLock waits for the first and then writes")
    func waitingBuild() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let lock = try BuildLock.acquire(for: site.output, wait: false)
        let (root, output) = (site.root, site.output)
        let done = DispatchSemaphore(value: 0)
        let box = ResultHolder<BuildResult>()
        Thread.detachNewThread {
            var builder = SiteBuilder.pinned(root: root, output: output)
            builder.waitForLock = true
            box.set(Result { try builder.build() })
            done.signal()
        }
        #expect(done.wait(timeout: .now() + .milliseconds(700)) == .timedOut, "the second build did not wait")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        lock.release()
        #expect(done.wait(timeout: .now() + .seconds(60)) == .success)
        #expect(try box.get().outputDirectory != nil)
        #expect(try site.outputText("a.html").contains("A"))
    }

    @Test("a build that wakes holding the lock on a file no longer at the path waits for the build that holds the file there now")
    func replacedLockFile() throws {
        let site = try TemporarySite()
        let output = site.output
        let path = BuildLock.path(for: output)
        let first = try BuildLock.acquire(for: output, wait: false)
        var status = stat()
        try #require(stat(path, &status) == 0)
        let firstInode = status.st_ino

        // The second build stops right after its flock succeeds, the first time, until told to go on.
        let calls = Shared(0)
        let woke = DispatchSemaphore(value: 0), proceed = DispatchSemaphore(value: 0)
        BuildLock.afterLockingHook = { locked in
            guard locked == path else { return }
            var call = 0
            calls.update { $0 += 1; call = $0 }
            if call == 1 { woke.signal(); proceed.wait() }
        }
        defer { BuildLock.afterLockingHook = nil }
        let second = Shared<BuildLock?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let lock = try? BuildLock.acquire(for: output, wait: true)
            second.update { $0 = lock }
            finished.signal()
        }
        // Wait until the kernel lists the second build as blocked on the first one's file.
        let deadline = Date().addingTimeInterval(30)
        while !(try String(contentsOfFile: "/proc/locks", encoding: .utf8)).split(separator: "\n")
            .contains(where: { $0.contains("->") && $0.contains(":\(firstInode) ") }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        // The first build releases (removing the file); a third takes the new file before the second looks.
        first.release()
        #expect(woke.wait(timeout: .now() + 30) == .success)
        let third = try BuildLock.acquire(for: output, wait: false)
        proceed.signal()
        // The second build holds a lock on a file nobody else will ever open: it must not go on.
        #expect(finished.wait(timeout: .now() + 1) == .timedOut, "two builds hold the lock at once")
        third.release()
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(second.current != nil)
        second.current?.release()
    }

    @Test("a lock file left by a process that died is taken over, and the holder it named is recognised")
    func staleLockTakenOver() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let path = BuildLock.path(for: site.output)
        // What a killed build leaves: the file with its note, and no flock held on it.
        try Data("pid 999999, started 2026-11-01T00:00:00Z\n".utf8).write(to: URL(fileURLWithPath: path))
        let lock = try BuildLock.acquire(for: site.output, wait: false)
        #expect(lock.previousHolder == "pid 999999, started 2026-11-01T00:00:00Z")
        lock.release()
        try Data("pid 999999\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try site.build()
        #expect(result.outputDirectory != nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("with the lock held, every staging folder of the output is stale: one named after a live process, one without its marker, one moved aside")
    func staleStagingFolders() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        // SIGKILL: the child inherits the test process's blocked signals, SIGTERM among them, so
        // terminate() would leave it sleeping out its 30 seconds.
        defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }
        // Process ids are reused: a live process whose id a leftover ends in proves nothing.
        let live = site.folder.appending(path: ".out.charter-tmp-\(sleeper.processIdentifier)")
        let dead = site.folder.appending(path: ".out.charter-tmp-999999")
        let unmarked = site.folder.appending(path: ".out.charter-tmp-424242")
        let aside = site.folder.appending(path: ".out.charter-old-31337")
        for folder in [live, dead, unmarked, aside] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if folder != unmarked { try OutputLocation.markerContents.write(to: folder.appending(path: OutputLocation.markerName)) }
        }
        // Names that are not staging folders of this output are left alone.
        let others = [".other.charter-tmp-1", ".out.charter-tmp", "out.charter-tmp-2"]
        for name in others { try FileManager.default.createDirectory(at: site.folder.appending(path: name), withIntermediateDirectories: true) }
        try Data("a file, not a folder".utf8).write(to: site.folder.appending(path: ".out.charter-tmp-7"))
        #expect(StagedSite.leftovers(next: site.output).count == 4)
        try site.build()
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(siblings == [".other.charter-tmp-1", ".out.charter-tmp", ".out.charter-tmp-7", "out", "out.charter-tmp-2", "site"])
    }

    @Test("the new site is flushed to the disk before the swap, while readers still see the old one")
    func flushBeforeSwap() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        try site.build()
        let output = site.output
        let calls = ResultHolder<[String]>()
        calls.set(.success([]))
        let staged = try StagedSite(output: output) { path in
            // At the flush the published site is still the old one and the new file is staged.
            let published = try String(contentsOf: output.appending(path: "a.html"), encoding: .utf8)
            let staged = try String(contentsOf: URL(fileURLWithPath: path).appending(path: "a.html"), encoding: .utf8)
            calls.set(.success(try calls.get() + ["\(path) old:\(published.contains("<h1")) new:\(staged)"]))
        }
        try staged.write(Data("new".utf8), to: "a.html")
        try staged.commit()
        #expect(try calls.get() == ["\(staged.folder.path) old:true new:new"])
        #expect(try site.outputText("a.html") == "new")
    }

    @Test("a flush that fails leaves the old site and no staging folder")
    func failedFlushKeepsOldSite() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        try site.build()
        let before = try TemporarySite.snapshot(of: site.output)
        let staged = try StagedSite(output: site.output) { path in throw CharterError.unwritable(path, "disk full") }
        try staged.write(Data("new".utf8), to: "a.html")
        #expect(throws: CharterError.self) { try staged.commit() }
        #expect(try TemporarySite.snapshot(of: site.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == ["out", "site"])
    }

    @Test("builds flush by default; syncfs succeeds on a folder and fails on a missing one")
    func durableByDefault() throws {
        let site = try TemporarySite()
        #expect(SiteBuilder.pinned(root: site.root).durable)
        try StagedSite.syncFileSystem(site.folder.path)
        #expect(throws: CharterError.self) { try StagedSite.syncFileSystem(site.folder.appending(path: "missing").path) }
    }

    @Test("charter build exits 75 at once with a clear message while another build holds the lock; with --wait it waits")
    func commandLine() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let lock = try BuildLock.acquire(for: site.output, wait: false)
        let refused = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path])
        #expect(refused.status == 75)
        let output = OutputLocation.canonical(site.output).path
        #expect(refused.stderr.hasPrefix("charter: error: another build is writing '\(output)' (pid \(getpid()), started "))
        #expect(refused.stderr.hasSuffix("nothing was written. Try again once it has finished, or pass --wait to wait for it\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let (root, out) = (site.root.path, site.output.path)
        let done = DispatchSemaphore(value: 0)
        let box = ResultHolder<CharterProcess.Output>()
        Thread.detachNewThread {
            box.set(Result { try CharterProcess.run(["build", "--wait", "--root", root, "--out", out]) })
            done.signal()
        }
        #expect(done.wait(timeout: .now() + .seconds(2)) == .timedOut, "charter build --wait did not wait")
        lock.release()
        #expect(done.wait(timeout: .now() + .seconds(60)) == .success)
        #expect(try box.get().status == 0)
        #expect(try site.outputText("a.html").contains("A"))
    }

    @Test("a build killed while it holds the lock leaves a stale lock that the next build takes over")
    func killedBuild() throws {
        var files: [String: String] = [:]
        for page in 0..<1500 { files["content/folder-\(page % 30)/page-\(page).md"] = "# Page \(page)\n\nSome words.\n" }
        let site = try TemporarySite(files)
        let binary = try #require(CharterProcess.executable)
        let lockPath = BuildLock.path(for: site.output)
        let build = Process()
        build.executableURL = binary
        build.arguments = ["build", "--root", site.root.path, "--out", site.output.path, "--no-cache"]
        build.environment = TestDay.environment()
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        try build.run()
        let deadline = Date().addingTimeInterval(60)
        // The lock is taken once the site is loaded; the build is killed as soon as it names itself in it.
        func holder() -> String { (try? String(contentsOfFile: lockPath, encoding: .utf8)) ?? "" }
        while !holder().hasPrefix("pid "), build.isRunning, Date() < deadline { usleep(1000) }
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        #expect(build.terminationReason == .uncaughtSignal, "the build finished before it could be killed")
        #expect(FileManager.default.fileExists(atPath: lockPath))
        #expect(try String(contentsOfFile: lockPath, encoding: .utf8).hasPrefix("pid \(build.processIdentifier), started "))

        let next = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lockPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == ["out", "site"])
        #expect(try site.outputText("folder-0/page-0.html").contains("Page 0"))
    }
}
