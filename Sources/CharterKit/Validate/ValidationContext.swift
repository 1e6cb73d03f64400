/// What every rule can look at: the model, the framework, the playbooks, and today's date.
public struct ValidationContext: Sendable {
    public var site: Site
    public var today: CalendarDate
    /// Team IDs, for reference checks.
    public let teamIDs: Set<String>
    /// Teams by ID.
    public let teams: [String: Team]
    /// Playbook pages by their path relative to the content folder.
    public let playbooks: [String: Page]

    /// Creates a context for a site, checked as of `today`.
    public init(site: Site, today: CalendarDate) {
        self.site = site
        self.today = today
        // Teams whose files exist but could not be read are already reported; referring
        // to them is not a second problem.
        teamIDs = Set(site.teamModels.map(\.id)).union(site.unreadableIDs.filter { $0.hasPrefix("team/") }.map { String($0.dropFirst(5)) })
        teams = Dictionary(site.teamModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        playbooks = Dictionary(site.pages.filter { !$0.isGenerated }.map { ($0.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var framework: Framework { site.framework }

    /// The content path of the playbook a reference names, written in a file at `fromFile`
    /// (a content path): a relative path, or `playbook:PATH` from the content folder.
    public func playbookPath(_ reference: String, fromFile: String) -> String? {
        var path = reference
        var folder = ContentPaths.folder(of: fromFile)
        if path.hasPrefix("playbook:") {
            path = String(path.dropFirst("playbook:".count))
            folder = ""
        }
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        guard let resolved = ContentPaths.resolve(path, from: folder) else { return nil }
        for candidate in [resolved, resolved + ".md", resolved + "/index.md", resolved + "/README.md"] where playbooks[candidate] != nil {
            return candidate
        }
        return nil
    }

    /// A CH250 diagnostic for a reference to something unknown, with the closest known name.
    /// The problem with a reference where only a team inside the organisation will do (`role`,
    /// such as "a strategy's owner"): an external party, or no team at all; nil when it is a team.
    public func internalTeam(_ reference: Located<String>, as role: String) -> Diagnostic? {
        if teams[reference.value]?.isExternal == true {
            return Diagnostic(
                .unknownReference, "'\(reference.value)' is an external party, and \(role) must be a team inside the organisation",
                at: reference.location, fixHint: "name the team that answers for it inside; the party can hold R, C or I in the matrix")
        }
        return teamIDs.contains(reference.value) ? nil : unknownReference(reference, kind: "team", known: teamIDs.sorted())
    }

    public func unknownReference(_ reference: Located<String>, kind: String, known: some Sequence<String>) -> Diagnostic {
        let suggestion = Suggestions.closest(to: reference.value, in: known)
        return Diagnostic(
            .unknownReference, "unknown \(kind) '\(reference.value)'", at: reference.location,
            fixHint: suggestion.map { "did you mean '\($0)'?" })
    }
}
