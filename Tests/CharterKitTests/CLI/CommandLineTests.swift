import Foundation
import Testing
@testable import CharterKit

@Suite struct CommandLineTests {
    @Test("build exits 0 and says where the site is, from any working directory")
    func buildSucceeds() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let result = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path], in: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        let out = OutputLocation.canonical(site.output).path
        #expect(Self.withoutTime(result.stdout) == "Wrote 4 pages, reused 0 from the cache, to \(out) in _ s\nOpen file://\(out)/index.html in a browser.\n")
        #expect(result.stderr == "")

        // Nothing changed: the second build says so and leaves the site alone.
        let again = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path], in: URL(fileURLWithPath: "/"))
        #expect(again.status == 0)
        #expect(Self.withoutTime(again.stdout) == "The site is up to date: nothing changed since the last build (4 pages in \(out), _ s)\nOpen file://\(out)/index.html in a browser.\n")
        try site.write("content/b.md", "# B\n")
        let third = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path, "--jobs", "1"], in: URL(fileURLWithPath: "/"))
        // b.html is new; the home page, a.html and the 404 page list it in their navigation.
        #expect(Self.withoutTime(third.stdout) == "Wrote 5 pages, reused 0 from the cache, to \(out) in _ s\nOpen file://\(out)/index.html in a browser.\n")
    }

    /// The output with the build's duration, which varies, replaced by `_`.
    static func withoutTime(_ text: String) -> String {
        text.replacing(#/ \d+\.\d\d s/#, with: " _ s")
    }

    @Test("content errors print like a compiler, exit 1, and write nothing")
    func buildFails() throws {
        let site = try TemporarySite(["content/a.md": "---\ntitle: [x\n---\n", "content/b.md": "---\nweight: many\n---\n"])
        let result = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            content/a.md:3:1: error: malformed YAML: did not find expected ',' or ']' [CH102]
            content/a.md:2:8: note: while parsing a flow sequence
            content/b.md:2:9: error: 'weight' must be a whole number, found text [CH105]
            2 errors, 0 warnings
            charter: the site was not written because the content has errors

            """)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("--allow-errors writes anyway, says so, and still exits 1")
    func allowErrors() throws {
        let site = try TemporarySite(["content/a.md": "---\nweight: many\n---\n"])
        let result = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.output.path, "--allow-errors"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("charter: WARNING: the site was written despite errors (--allow-errors)\n"))
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "a.html").path))
    }

    @Test("usage problems exit 64", arguments: [
        ["build", "--no-such-flag"],
        ["build", "--root", "/nonexistent/site"],
    ])
    func usage(arguments: [String]) throws {
        #expect(try CharterProcess.run(arguments).status == 64)
    }

    @Test("a refused output folder exits 64 and names the reason")
    func refusedOutput() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        let result = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.root.path])
        #expect(result.status == 64)
        #expect(result.stderr.hasSuffix("it is the site's root folder\n"))
    }

    @Test("an unwritable output folder exits 74")
    func unwritable() throws {
        let site = try TemporarySite(["content/a.md": "# A\n"])
        try site.write("blocker", "a file where a folder is needed")
        let result = try CharterProcess.run(["build", "--root", site.root.path, "--out", site.root.appending(path: "blocker/out").path])
        #expect(result.status == 74)
    }

    @Test("check exits 1 on errors, and on warnings only with --strict")
    func check() throws {
        let warnings = try TemporarySite(["content/index.md": "# A\n", "content/README.md": "# B\n"])
        #expect(try CharterProcess.run(["check", "--root", warnings.root.path]).status == 0)
        #expect(try CharterProcess.run(["check", "--root", warnings.root.path, "--strict"]).status == 1)
        let clean = try TemporarySite(["content/a.md": "# A\n"])
        let result = try CharterProcess.run(["check", "--root", clean.root.path])
        #expect(result.status == 0)
        #expect(result.stdout == "No problems found.\n")
    }

    @Test("render prints the site's HTML for a file or standard input")
    func render() throws {
        let result = try CharterProcess.run(["render"], input: "---\ntitle: T\n---\n# Hi\n\n~~x~~ <b>y</b>\n")
        #expect(result.status == 0)
        #expect(result.stdout == "<h1 id=\"hi\">Hi</h1>\n<p><del>x</del> <!-- raw HTML omitted -->y<!-- raw HTML omitted --></p>\n")
    }

    @Test("render --cmark behaves like the cmark-gfm command, for its spec runner")
    func renderLikeCmark() throws {
        let plain = try CharterProcess.run(["render", "--cmark", "--unsafe"], input: "# Hi\n\n~~x~~ <b>y</b>\n")
        #expect(plain.stdout == "<h1>Hi</h1>\n<p>~~x~~ <b>y</b></p>\n")
        let table = try CharterProcess.run(["render", "--cmark", "-e", "table", "-e", "strikethrough"], input: "|a|\n|-|\n|~~b~~|\n")
        #expect(table.stdout == "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><del>b</del></td>\n</tr>\n</tbody>\n</table>\n")
        let unknown = try CharterProcess.run(["render", "-e", "nope"], input: "x")
        #expect(unknown.status == 64)
    }
}
