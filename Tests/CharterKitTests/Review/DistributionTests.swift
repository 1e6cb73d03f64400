import Foundation
import Testing
import Yams
@testable import CharterKit

/// How Charter reaches a repository without a Swift toolchain: the workflow `charter init`
/// writes, the GitHub Action it uses (`action.yml`) and the release workflow that publishes
/// the binary the action downloads. Each is parsed as YAML, the way GitHub reads it.
@Suite struct DistributionTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every scalar stays a string (GitHub reads `on:` as a key, not as YAML 1.1's true).
    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try Yams.load(yaml: text, .basic) as? [String: Any])
    }

    static func parse(file path: String) throws -> [String: Any] {
        try parse(String(contentsOf: repository.appending(path: path), encoding: .utf8))
    }

    static func steps(of job: Any?) throws -> [[String: Any]] {
        let job = try #require(job as? [String: Any])
        return try #require(job["steps"] as? [[String: Any]])
    }

    static let action = "\(CharterRelease.repository)@v\(CharterRelease.version)"

    @Test("init's workflow checks with annotations, diffs pull requests into the summary, and builds, all through the action")
    func initWorkflowUsesTheAction() throws {
        let files = Scaffold(today: CalendarDate(year: 2026, month: 1, day: 31)).files()
        let text = try #require(files[".github/workflows/charter.yml"].flatMap { String(data: $0, encoding: .utf8) })
        let workflow = try Self.parse(text)
        let triggers = try #require(workflow["on"] as? [String: Any])
        #expect(triggers.keys.sorted() == ["pull_request", "push"])
        #expect((triggers["push"] as? [String: Any])?["branches"] as? [String] == ["main"])

        let jobs = try #require(workflow["jobs"] as? [String: Any])
        #expect(jobs.keys.sorted() == ["deploy", "playbook"])
        let playbook = try #require(jobs["playbook"] as? [String: Any])
        #expect(playbook["container"] == nil)
        #expect(playbook["runs-on"] as? String == "ubuntu-latest")
        let steps = try Self.steps(of: playbook)
        #expect(steps.map { $0["uses"] as? String ?? $0["run"] as? String ?? "" } == [
            "actions/checkout@v4", Self.action, Self.action, "charter codeowners --check", Self.action,
            "actions/upload-pages-artifact@v3",
        ])
        #expect((steps[0]["with"] as? [String: Any])?["fetch-depth"] as? String == "0", "diff needs the base branch's history")
        #expect(steps.compactMap { ($0["with"] as? [String: Any])?["command"] as? String } == ["check", "diff", "build"])
        #expect(steps[2]["if"] as? String == "github.event_name == 'pull_request'")
        #expect((steps[5]["with"] as? [String: Any])?["path"] as? String == "_site")
        // Nothing builds Charter from source any more.
        for step in steps {
            let run = step["run"] as? String ?? ""
            #expect(!run.contains("swift") && !run.contains("git clone"), "\(run)")
        }

        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect(deploy["needs"] as? String == "playbook")
        #expect(deploy["if"] as? String
            == "github.event_name == 'push' && github.ref == 'refs/heads/main' && vars.DEPLOY_TO_GITHUB_PAGES == 'true'")
        #expect(deploy["permissions"] as? [String: String] == ["pages": "write", "id-token": "write"])
        #expect((deploy["environment"] as? [String: Any])?["name"] as? String == "github-pages")
        #expect(try Self.steps(of: deploy).map { $0["uses"] as? String } == ["actions/deploy-pages@v4"])
    }

    @Test("action.yml is a composite action with the inputs the README and init's workflow use")
    func actionInputs() throws {
        let action = try Self.parse(file: "action.yml")
        let inputs = try #require(action["inputs"] as? [String: [String: Any]])
        #expect(inputs.keys.sorted() == ["base", "build-from-source", "command", "fail-on", "format", "out", "root", "strict", "version"])
        #expect(inputs.mapValues { $0["default"] as? String } == [
            "command": "check", "root": ".", "format": "", "fail-on": "", "strict": "true", "base": "",
            "out": "", "version": "", "build-from-source": "false",
        ])
        for (name, input) in inputs {
            #expect(!(input["description"] as? String ?? "").isEmpty, "\(name) has no description")
        }

        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try Self.steps(of: runs)
        #expect(steps.map { $0["name"] as? String } == ["Install Charter", "charter ${{ inputs.command }}"])
        #expect(steps.allSatisfy { $0["shell"] as? String == "bash" })
        let install = steps[0]["run"] as? String ?? ""
        #expect(install.contains(#"bash "$GITHUB_ACTION_PATH/scripts/github-action.sh" install"#))
        #expect(steps[1]["run"] as? String == #"bash "$GITHUB_ACTION_PATH/scripts/github-action.sh" run"#)

        // Every input reaches the script, as the INPUT_ variable it reads, and nothing else does.
        let passed = steps.flatMap { ($0["env"] as? [String: String] ?? [:]).filter { $0.key.hasPrefix("INPUT_") }.map { ($0.key, $0.value) } }
        #expect(passed.count == inputs.count)
        #expect(Dictionary(passed, uniquingKeysWith: { first, _ in first }) == Dictionary(uniqueKeysWithValues: inputs.keys.map {
            ("INPUT_" + $0.uppercased().replacingOccurrences(of: "-", with: "_"), "${{ inputs.\($0) }}")
        }))
        let script = try String(contentsOf: Self.repository.appending(path: "scripts/github-action.sh"), encoding: .utf8)
        for (name, _) in passed {
            #expect(script.contains("${\(name)"), "scripts/github-action.sh does not read \(name)")
        }
    }

    @Test("the release workflow builds the tarball with scripts/dist.sh in the Swift container and publishes both files")
    func releaseWorkflow() throws {
        let workflow = try Self.parse(file: ".github/workflows/release.yml")
        let triggers = try #require(workflow["on"] as? [String: [String: [String]]])
        #expect(triggers == ["push": ["tags": ["v*"]]])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        #expect(jobs.keys.sorted() == ["release", "tarball"])
        let tarball = try #require(jobs["tarball"])
        #expect((tarball["container"] as? String)?.hasPrefix("swift:6.3-bookworm") == true)
        let build = try Self.steps(of: tarball).compactMap { $0["run"] as? String }
        #expect(build.count == 1)
        #expect(build.first?.hasSuffix(#"bash scripts/dist.sh --tag "$GITHUB_REF_NAME""# + "\n") == true)
        let release = try #require(jobs["release"])
        #expect(release["needs"] as? String == "tarball")
        #expect(release["permissions"] as? [String: String] == ["contents": "write"])
        let publish = try Self.steps(of: release).compactMap { $0["run"] as? String }
        #expect(publish == [#"gh release create "$GITHUB_REF_NAME" dist/* --repo "$GITHUB_REPOSITORY" --verify-tag --title "Charter $GITHUB_REF_NAME" --generate-notes"#])
    }

    @Test("the README installs and uses the current release, and its workflow is valid YAML that uses the action")
    func readmeInstall() throws {
        let readme = try String(contentsOf: Self.repository.appending(path: "README.md"), encoding: .utf8)
        #expect(readme.contains("\nv=\(CharterRelease.version) f=charter-$v-linux-x86_64.tar.gz; curl -fsSL --remote-name-all https://github.com/\(CharterRelease.repository)/releases/download/v$v/$f{,.sha256} && sha256sum -c $f.sha256 && "))
        let section = try #require(readme.components(separatedBy: "### In a GitHub workflow").last)
        let yaml = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let steps = try Self.steps(of: (Self.parse(yaml)["jobs"] as? [String: Any])?["playbook"])
        #expect(steps.map { $0["uses"] as? String } == ["actions/checkout@v4", Self.action, Self.action])
        #expect(steps.last?["with"] as? [String: String] == ["command": "diff", "fail-on": "breaking"])
    }

    @Test("the scaffold's README says how to host the site on GitHub Pages, nginx and any static server")
    func scaffoldHosting() throws {
        let files = Scaffold(today: CalendarDate(year: 2026, month: 1, day: 31)).files()
        let readme = try #require(files["README.md"].flatMap { String(data: $0, encoding: .utf8) })
        let parts = readme.components(separatedBy: "\n## Hosting\n")
        #expect(parts.count == 2)
        let hosting = try #require(parts.last)
        #expect(hosting.contains("DEPLOY_TO_GITHUB_PAGES"))
        #expect(hosting.contains("server {\n"))
        #expect(hosting.contains("    root /srv/playbook;\n"))
        #expect(hosting.contains("**Anywhere else**"))
    }
}
