import Foundation
import Testing
@testable import CharterKit

/// The release path, run rather than read: the action's script (`install` from a release and
/// `run`), the tag check of scripts/dist.sh and the static-binary check, each with a fake
/// environment in a temporary folder.
@Suite struct ReleaseScriptTests {
    static let scripts = DistributionTests.repository.appending(path: "scripts")

    /// Runs a script of scripts/ with bash, with the built `charter` first on the PATH.
    static func script(_ name: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CharterProcess.Output {
        try CharterProcess.runWithCharterOnPath("/bin/bash", [scripts.appending(path: name).path] + arguments, environment: environment)
    }

    @Test("the action's diff writes its report to the job summary, and fails the step only as fail-on says")
    func actionDiff() throws {
        let site = try DiffTests.repository([
            .replace("responsibilities:\n  governance: {accountable: executive, responsible: [hub]}",
                     with: "responsibilities:\n  governance: {responsible: [hub]}"),
        ])
        let summary = site.folder.appending(path: "summary.md")
        var inputs = ["INPUT_COMMAND": "diff", "INPUT_ROOT": site.root.path, "INPUT_BASE": "base", "GITHUB_STEP_SUMMARY": summary.path]
        let lenient = try Self.script("github-action.sh", ["run"], environment: inputs)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let report = try String(contentsOf: summary, encoding: .utf8)
        #expect(report.contains("'governance' lost its Accountable team"))

        inputs["INPUT_FAIL_ON"] = "breaking"
        let strict = try Self.script("github-action.sh", ["run"], environment: inputs)
        #expect(strict.status == 1)
        // The report is appended even when the step fails.
        let both = try String(contentsOf: summary, encoding: .utf8)
        #expect(both.components(separatedBy: "'governance' lost its Accountable team").count == 3)

        inputs["INPUT_BASE"] = nil
        let noBase = try Self.script("github-action.sh", ["run"], environment: inputs)
        #expect(noBase.status == 1)
        #expect(noBase.stderr.hasPrefix("::error::diff needs a base revision"))
    }

    @Test("the action's check is strict unless told otherwise, and annotates in GitHub's format")
    func actionCheck() throws {
        let site = try FixtureSite.make([.replace("last_reviewed: 2026-06-01", with: "last_reviewed: 2025-01-01", in: "content/guides/listening-plan.md")])
        let inputs = ["INPUT_COMMAND": "check", "INPUT_ROOT": site.root.path]
        let strict = try Self.script("github-action.sh", ["run"], environment: inputs)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasPrefix("::warning file=content/guides/listening-plan.md,line=11,col=16,title=CH252::"))
        let lenient = try Self.script("github-action.sh", ["run"], environment: inputs.merging(["INPUT_STRICT": "false"]) { $1 })
        #expect(lenient.status == 0)
        let unknown = try Self.script("github-action.sh", ["run"], environment: ["INPUT_COMMAND": "publish"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "::error::the command input must be check, diff or build, not 'publish'\n")
        let usage = try Self.script("github-action.sh", ["publish"])
        #expect(usage.status == 64)
        #expect(usage.stderr == "usage: github-action.sh install|run\n")
    }

    @Test("the action installs a release only when its checksum matches, and adds it to GITHUB_PATH")
    func actionInstall() throws {
        let scratch = try TemporarySite()
        let release = scratch.folder.appending(path: "release", directoryHint: .isDirectory)
        let name = "charter-9.9.9-linux-x86_64"
        let folder = release.appending(path: name, directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try CharterProcess.binaryFile(), to: folder.appending(path: "charter"))
        #expect(try CharterProcess.runWithCharterOnPath("/bin/tar", ["-czf", "\(name).tar.gz", name], in: release).status == 0)
        let digest = try CharterProcess.runWithCharterOnPath("/usr/bin/sha256sum", ["\(name).tar.gz"], in: release)
        #expect(digest.status == 0)
        try Data(digest.stdout.utf8).write(to: release.appending(path: "\(name).tar.gz.sha256"))

        let bin = scratch.folder.appending(path: "bin")
        let path = scratch.folder.appending(path: "github-path")
        let inputs = ["INPUT_VERSION": "9.9.9", "ACTION_REPOSITORY": "example/charter", "CHARTER_BIN_DIR": bin.path,
                      "CHARTER_DOWNLOAD_URL": release.absoluteString, "GITHUB_PATH": path.path]
        let installed = try Self.script("github-action.sh", ["install"], environment: inputs)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.hasSuffix(CharterRelease.versionLine + "\n"))
        #expect(try String(contentsOf: path, encoding: .utf8) == bin.path + "\n")

        // The same release with another checksum is refused, and nothing is installed.
        try FileManager.default.removeItem(at: bin)
        try Data((String(repeating: "0", count: 64) + "  \(name).tar.gz\n").utf8).write(to: release.appending(path: "\(name).tar.gz.sha256"))
        let tampered = try Self.script("github-action.sh", ["install"], environment: inputs)
        #expect(tampered.status == 1)
        #expect(tampered.stderr.hasSuffix("::error::\(name).tar.gz does not match its published checksum\n"))
        #expect(!FileManager.default.fileExists(atPath: bin.appending(path: "charter").path))
    }

    @Test("a release tag must name the version the sources declare")
    func releaseVersion() throws {
        let version = CharterRelease.version
        let plain = try Self.script("release-version.sh")
        #expect(plain.status == 0)
        #expect(plain.stdout == version + "\n")
        let tagged = try Self.script("release-version.sh", ["v\(version)"])
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(tagged.stdout == version + "\n")
        for wrong in [version, "v\(version).1", "v0.0.0"] {
            let refused = try Self.script("release-version.sh", [wrong])
            #expect(refused.status == 1, "\(wrong)")
            #expect(refused.stderr == "error: the tag \(wrong) does not name the version the sources declare, \(version) (tag v\(version))\n")
        }
    }

    @Test("check-static.sh refuses a binary that needs shared libraries beyond the C library's, and passes one that does not")
    func checkStatic() throws {
        let dynamic = try Self.script("check-static.sh", [try CharterProcess.binaryFile().path])
        #expect(dynamic.status == 1)
        #expect(dynamic.stderr.contains("needs shared libraries beyond the C library's:\n"))
        #expect(dynamic.stderr.contains("\nlibswiftCore.so\n"))
        let plain = try Self.script("check-static.sh", ["/bin/true"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.hasSuffix("Only the C library's.\n"))
    }
}
