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

    /// A member or role of the team.
    public struct Member: Sendable, Hashable {
        public var name: String?
        public var role: String?
    }

    public var id: String
    public var sourcePath: String
    public var location: SourceLocation
    public var name: Located<String>?
    public var mission: Located<String>?
    public var kind: Located<Kind>?
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

    /// The team's display name, or its ID.
    public var displayName: String { name?.value ?? id }
}
