public import Foundation

/// Writes a rendered site so that readers see either the old site or the new one, never half.
///
/// The site is written into a hidden sibling folder, then swapped with the old one in a
/// single `renameat2(RENAME_EXCHANGE)` where the system has it (two renames elsewhere).
/// A build that fails or is killed before the swap leaves the old site untouched; its
/// leftover temporary folder is removed by the next build. A lock beside the output
/// (`BuildLock`) keeps a second build of the same folder out while one writes. `charter build` streams pages
/// into the same kind of staging folder (`StagedSite`) as they are finished.
public struct SiteWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `site` to `output`, which `OutputLocation.validate` must already have accepted.
    public func write(_ site: RenderedSite, to output: URL) throws {
        let lock = try BuildLock.acquire(for: output, wait: false)
        defer { lock.release() }
        let staged = try StagedSite(output: output)
        do {
            try staged.makeFolders(for: site.files.map(\.path))
            for file in site.files { try staged.write(file) }
        } catch {
            staged.abandon()
            throw error
        }
        try staged.commit()
    }
}
