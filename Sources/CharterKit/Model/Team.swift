/// A team from `teams/ID.yaml`: who they are and how to reach them.
public struct Team: Sendable, Hashable {
    /// The kinds of team the model recognises; a coordination hub or committee steers strategies.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case coordinationHub = "coordination-hub"
        case committee
        case executiveCommittee = "executive-committee"
        case functionTeam = "function-team"
        case workingGroup = "working-group"
        case other

        /// Whether the team coordinates work across the organisation.
        public var coordinates: Bool { self == .coordinationHub || self == .committee || self == .executiveCommittee }

        /// Whether the team is the framework's dedicated coordinating team: a hub or a committee,
        /// drawn from across the business, which may hold every responsibility of a strategy.
        public var isCoordinationBody: Bool { self == .coordinationHub || self == .committee }
    }

    /// The kinds of party outside the organisation (`parties/ID.yaml`).
    public enum PartyKind: String, Sendable, Hashable, CaseIterable {
        case partner
        case customerPanel = "customer-panel"
        case brokerNetwork = "broker-network"
        case community
        case other

        /// The kind in words, for pages.
        public var name: String { rawValue.replacingOccurrences(of: "-", with: " ") }
    }

    /// A member or role of the team.
    public struct Member: Sendable, Hashable {
        public var name: String?
        public var role: String?
    }

    public var id: String
    /// Whether this is a party outside the organisation (a partner, a customer panel, a broker
    /// network, a community), kept in `parties/`. It may run market-run programs and hold
    /// letters in a matrix, but never answers for a responsibility as its one Accountable.
    public var isExternal = false
    public var sourcePath: String
    public var location: SourceLocation
    public var name: Located<String>?
    public var mission: Located<String>?
    public var kind: Located<Kind>?
    /// An external party's kind; nil for a team.
    public var partyKind: Located<PartyKind>?
    /// The area of the business the team belongs to (`claims`, `marketing`), one of those
    /// `charter.yaml` declares under `business_areas` when it declares any. The Strategic stage
    /// counts the areas whose teams act in a strategy. Read from `area`, or from `function`,
    /// its name before business areas were declared.
    public var area: Located<String>?
    public var lead: Located<String>?
    public var members: [Member]
    public var contact: Located<String>?
    /// The handle that reviews changes, such as `@harbourline/community-hub`.
    public var reviewHandle: Located<String>?

    /// An external party's web address.
    public var url: Located<String>?
    /// The part of the market an external party speaks for ("small-business owners").
    public var segment: Located<String>?

    /// The team's display name, or its ID.
    public var displayName: String { name?.value ?? id }

    /// The team's page: `teams/ID.html`, or `parties/ID.html` for an external party.
    public var pagePath: String { isExternal ? SitePaths.party(id) : SitePaths.team(id) }
}
