import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last build to an output read, as a walk of the site's folders stamps it, and what
/// that build reported. A later build whose walk comes out the same (every file at the same
/// path, leading to the same place, with the same identity, size and times), with the same
/// Charter, day, options and output, would read the same bytes: it finds the site up to date
/// without reading a file. That is make's test, with git's guard against a file written again
/// within the clock's resolution of being stamped: only a walk whose files had all been still
/// for `margin` before it began is recorded.
///
/// The file sits beside the build cache (`.charter-cache/build-….stamps`). Saving or removing
/// the cache removes it first, and it is written only after a build without a session read every
/// file and wrote the site, or found it up to date. It is trusted only while the published site
/// is the very folder it names.
struct InputStamps: Codable, Sendable, Equatable {
    /// The format of this file; a different one is ignored.
    static let format = 1
    /// How long, in nanoseconds, every file must have been still before a walk for the walk to
    /// be recorded: more than FAT's two-second clock, and far more than the kernel's tick.
    static let margin = 2_000_000_000

    var format = InputStamps.format
    /// Charter itself, the day, the options and the output folder (`options(today:allowErrors:output:)`).
    var options: String
    /// The walk's fingerprint (`ContentSurvey.fingerprint()`).
    var walk: String
    /// The published site's folder, which must still be the one that build swapped in.
    var site: FileIdentity
    var output: String
    var pageCount: Int
    /// Every diagnostic of that build, printed again.
    var diagnostics: [Diagnostic]

    /// What a build depends on besides the files it walks.
    static func options(today: CalendarDate, allowErrors: Bool, output: URL) -> String {
        var hasher = BuildFingerprint.charter()
        BuildFingerprint.combineOptions(today: today, allowErrors: allowErrors, output: output, into: &hasher)
        return hasher.finalize()
    }

    /// The wall clock in nanoseconds since 1970, as file times count.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// Whether a walk that began at `started` may be recorded: every file it found had been
    /// still for `margin` by then, so none can have changed since without a new stamp.
    static func isSettled(_ survey: ContentSurvey, walkStarted started: Int, margin: Int = margin) -> Bool {
        guard let latest = survey.latestChange else { return false }
        return latest < started - margin
    }

    static func location(root: URL, output: URL) -> URL {
        let cache = BuildCache.location(root: root, output: output)
        return cache.deletingPathExtension().appendingPathExtension("stamps")
    }

    /// The stamps of the last build to `output`, while the site they describe is still the
    /// one published there; nil in every other case, including an unreadable file.
    static func load(root: URL, output: URL) -> InputStamps? {
        guard let data = try? Data(contentsOf: location(root: root, output: output)),
              let stamps = try? JSONDecoder().decode(InputStamps.self, from: data),
              stamps.format == format, stamps.output == output.path, FileIdentity(of: output) == stamps.site
        else { return nil }
        return stamps
    }

    /// Saves the stamps atomically beside the build cache.
    func save(root: URL) {
        let url = Self.location(root: root, output: URL(fileURLWithPath: output, isDirectory: true))
        guard let data = try? JSONEncoder().encode(self) else { return }
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(getpid())")
        // Without the cache's folder there is no build to describe: nothing is written.
        guard (try? FileWriter.write(data, to: temporary.path)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    static func remove(root: URL, output: URL) {
        unlink(location(root: root, output: output).path)
    }
}
