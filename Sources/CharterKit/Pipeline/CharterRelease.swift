/// Facts about this build of Charter.
public enum CharterRelease {
    /// The version printed by `charter --version` and written into reports.
    public static let version = "0.1.0"

    /// The GitHub repository Charter is released from: its releases carry the binaries, and
    /// `uses: REPOSITORY@vVERSION` is its GitHub Action (`action.yml`).
    public static let repository = "charter-playbooks/charter"

    /// The git commit this binary was built from: the one `scripts/dist.sh` writes into
    /// `CharterBuildCommit.swift` in the copy it builds a release from, else the one HEAD named
    /// when a git checkout was built (read by the EmbedTemplates plugin). Nil for a build of
    /// sources that are not a checkout.
    public static var commit: String? { buildCommit ?? gitCommit }

    /// The version of the cmark-gfm library this binary links.
    public static var cmarkVersion: String { CmarkBridge.libraryVersion }

    /// The line `charter --version` prints:
    /// `charter 0.1.0 (commit 1a2b3c4d5e6f, cmark-gfm 0.29.0.gfm.6)`.
    public static var versionLine: String {
        "charter \(version) (commit \(commit ?? "unknown"), cmark-gfm \(cmarkVersion))"
    }
}
