import Foundation
import Testing
@testable import CharterKit

/// Runs the built `charter` executable, which SwiftPM puts beside the test bundle.
struct CharterProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "charter"),
            Bundle.main.bundleURL.deletingLastPathComponent().appending(path: "charter"),
            Bundle.main.bundleURL.appending(path: "charter"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `charter` with `arguments`, its day pinned to `today` through SOURCE_DATE_EPOCH (an
    /// explicit `--today` among the arguments wins, as it does for users).
    /// The built binary's file, for a test that copies or inspects it rather than running it
    /// (every launch goes through `run` or `runWithCharterOnPath`, which pin the day).
    static func binaryFile() throws -> URL {
        try #require(executable, "build the charter product before the tests")
    }

    static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil,
                    today: CalendarDate = TestDay.fixture, environment: [String: String] = [:]) throws -> Output {
        let binary = try #require(executable, "build the charter product before the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = TestDay.environment(today, environment)
        if let directory { process.currentDirectoryURL = directory }
        return try collect(process, input: input)
    }

    /// Runs another program (a shell, a script of scripts/) with the built `charter` first on
    /// the PATH, the day pinned, no INPUT_ or GITHUB_ variables of the caller's, and
    /// `environment` on top.
    static func runWithCharterOnPath(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                                     in directory: URL? = nil) throws -> Output {
        let binary = try #require(Self.executable, "build the charter product before the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var variables = TestDay.environment()
        variables["PATH"] = binary.deletingLastPathComponent().path + ":" + (variables["PATH"] ?? "/usr/bin:/bin")
        for key in variables.keys where key.hasPrefix("INPUT_") || key.hasPrefix("GITHUB_") { variables[key] = nil }
        process.environment = variables.merging(environment) { $1 }
        return try collect(process, input: nil)
    }

    /// Starts `process` with pipes for its output (and `input` on its standard input), and waits.
    private static func collect(_ process: Process, input: String?) throws -> Output {
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `charter` as `run` does, and also returns the peak resident memory of that one
    /// process, in KiB, from wait4(2): `getrusage(RUSAGE_CHILDREN)` would give the largest of
    /// every child the test process has waited for, other tests' included.
    static func runMeasured(_ arguments: [String], today: CalendarDate = TestDay.fixture) throws -> (output: Output, maxResidentKiB: Int) {
        let binary = try #require(executable, "build the charter product before the tests")
        let folder = FileManager.default.temporaryDirectory.appending(path: "charter-run-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appending(path: "stdout").path, errPath = folder.appending(path: "stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environment = TestDay.environment(today).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in environment { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environment)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = Output(
            status: exitStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        return (output, Int(usage.ru_maxrss))
    }
}
