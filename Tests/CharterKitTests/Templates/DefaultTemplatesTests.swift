import Foundation
import Testing
@testable import CharterKit

@Suite struct DefaultTemplatesTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Templates", directoryHint: .isDirectory)

    @Test("the binary embeds every file of Templates/, byte for byte")
    func embedsTemplatesFolder() throws {
        let onDisk = try TemporarySite.snapshot(of: Self.templatesFolder)
        #expect(DefaultTemplates.files.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk {
            #expect(DefaultTemplates.files[path]?.data == data, "\(path) differs from its embedded copy")
        }
    }

    @Test("the default set has the layout, every page template and the stylesheet")
    func defaultSet() throws {
        let (set, diagnostics) = try TemplateSet.load(overrides: [:])
        #expect(diagnostics.isEmpty)
        for name in ["layout", "home", "page", "section", "strategy", "team", "partials/header", "partials/nav", "partials/footer"] {
            #expect(set.templateNames.contains(name), "missing template \(name)")
        }
        #expect(set.assetPaths == ["assets/charter.css", "assets/search.js"])
    }
}
