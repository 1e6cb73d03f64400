import Testing
@testable import CharterKit

@Suite struct ContentPathsTests {
    @Test("relative URLs between site paths", arguments: [
        ("index.html", "guides/a.html", "guides/a.html"),
        ("guides/a.html", "index.html", "../index.html"),
        ("guides/a.html", "guides/b.html", "b.html"),
        ("guides/deep/a.html", "teams/hub.html", "../../teams/hub.html"),
        ("a.html", "a.html", "a.html"),
        ("a/b/c.html", "a/b/d/e.html", "d/e.html"),
        ("a/b/c.html", "a/x.html", "../x.html"),
        ("ab/c.html", "a/c.html", "../a/c.html"),
        ("a/b/c.html", "a/b", "../b"),
        ("a/b.html", "a/", ""),
        ("a/b/c.html", "index.html", "../../index.html"),
        ("teams/hub.html", "teams/hub.html", "hub.html"),
        // Encoded, so that the name is the file's and a colon cannot start a scheme.
        ("index.html", "javascript:alert(1).html", "javascript%3Aalert(1).html"),
        ("guides/a.html", "guides/a b#c?.html", "a%20b%23c%3F.html"),
        ("guides/a.html", "ünï/50%.html", "../%C3%BCn%C3%AF/50%25.html"),
    ])
    func relativeURL(from: String, to: String, expected: String) {
        #expect(ContentPaths.relativeURL(from: from, to: to) == expected)
    }

    @Test("references resolve against a folder and may not climb out")
    func resolve() {
        #expect(ContentPaths.resolve("../teams/hub.md", from: "guides") == "teams/hub.md")
        #expect(ContentPaths.resolve("./a/./b.md", from: "") == "a/b.md")
        #expect(ContentPaths.resolve("../../x.md", from: "guides") == nil)
    }

    @Test("output paths of Markdown files", arguments: [
        ("index.md", "index.html"),
        ("README.md", "index.html"),
        ("guides/readme.md", "guides/index.html"),
        ("guides/escalation.md", "guides/escalation.html"),
        ("notes.markdown", "notes.html"),
    ])
    func outputPaths(source: String, output: String) {
        #expect(ModelBuilder.outputPath(forMarkdown: source) == output)
    }

    @Test("hrefs percent-encode what a URL path may not hold, and leave the rest", arguments: [
        ("guides/a-b_c.html", "guides/a-b_c.html"),
        ("a b/ü.html", "a%20b/%C3%BC.html"),
        ("50%.html", "50%25.html"),
        ("x;y?z#.html", "x%3By%3Fz%23.html"),
        ("~!$&'()*+,=@.html", "~!$&'()*+,=@.html"),
        ("javascript:alert(1).html", "javascript%3Aalert(1).html"),
    ])
    func percentEncoded(path: String, expected: String) {
        #expect(LinkResolver.percentEncoded(path) == expected)
    }
}
