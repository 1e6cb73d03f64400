import Foundation
import Testing
@testable import CharterKit

/// An editor's unsaved buffers stand for their files in a check (`charter lsp`), through the
/// same session the live preview uses, and the file on disk counts again once the buffer goes.
@Suite struct OverlayTests {
    @Test("a buffer replaces its file in a check, in a session, and the disk's text returns after it")
    func overlayInSession() throws {
        let site = try TemporarySite([
            "content/a.md": "# A\n\nSee [b](b.md#part).\n",
            "content/b.md": "# B\n\n## Part\n",
        ])
        let session = BuildSession()
        var builder = SiteBuilder.pinned(root: site.root)
        builder.session = session
        #expect(try builder.check().diagnostics.isEmpty)

        // The heading renamed in the buffer only: a.md's link breaks, at its place.
        builder.overlay = ["content/b.md": "# B\n\n## Whole\n"]
        #expect(located(try builder.check().diagnostics) == ["CH302 error content/a.md:3:5"])
        #expect(try String(contentsOf: site.root.appending(path: "content/b.md"), encoding: .utf8) == "# B\n\n## Part\n")

        // The buffer closed: the file on disk, unchanged and known by its stamp, counts again.
        builder.overlay = [:]
        #expect(try builder.check().diagnostics.isEmpty)

        // A buffer for a file that is not there is not a page.
        builder.overlay = ["content/c.md": "# C\n\n[x](nowhere.md)\n"]
        let result = try builder.check()
        #expect(result.diagnostics.isEmpty)
        #expect(result.sources["content/c.md"] == nil)
    }
}
