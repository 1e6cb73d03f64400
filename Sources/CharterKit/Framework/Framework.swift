/// One named thing of the framework: a responsibility, a focus area, a program kind, a SMACAD element.
public struct FrameworkEntry: Sendable, Hashable {
    /// The ID used in files (`conversation-shaping`).
    public var id: String
    /// The name shown to people (`Conversation Shaping`).
    public var name: String
    public var summary: String
    public var description: String?
    /// Other spellings accepted for the ID, such as `formalized`.
    public var aliases: [String]
}

/// A maturity stage with the criteria a strategy must meet to stand at it.
public struct StageDefinition: Sendable, Hashable {
    public var entry: FrameworkEntry
    public var criteria: [Criterion]
    public var id: String { entry.id }
    public var name: String { entry.name }
}

/// A requirement of a stage, checked by one of Charter's built-in checks.
public struct Criterion: Sendable, Hashable {
    public var check: CriterionCheck
    /// The responsibility the check is about, for checks that take one.
    public var responsibility: String?
    /// What the criterion asks for, in words ("an executive sponsor").
    public var summary: String
    /// For checks that count something (`business-reach`), how many are needed.
    public var minimum: Int?

    public init(check: CriterionCheck, responsibility: String? = nil, summary: String, minimum: Int? = nil) {
        self.check = check
        self.responsibility = responsibility
        self.summary = summary
        self.minimum = minimum
    }
}

/// The checks a stage's criteria can use. Sites choose and combine them in `model/stages.yaml`.
public enum CriterionCheck: String, Sendable, Hashable, CaseIterable {
    case assessmentWithSources = "assessment-with-sources"
    case goalServesObjective = "goal-serves-objective"
    case hasPresence = "has-presence"
    case hasSupportContent = "has-support-content"
    case communityProgram = "community-program"
    case responsibleTeam = "responsible-team"
    case accountableTeam = "accountable-team"
    case assignedTeam = "assigned-team"
    case riskProcess = "risk-process"
    case communicationCadence = "communication-cadence"
    case executiveSponsor = "executive-sponsor"
    case coordinationTeam = "coordination-team"
    case executivesEngaged = "executives-engaged"
    case businessReach = "business-reach"
    case methodsServeObjectives = "methods-serve-objectives"
    case noStandaloneSocialObjective = "no-standalone-social-objective"
    case objectivesInRegister = "objectives-in-register"
    case convergenceAttested = "convergence-attested"
    case internalCollaboration = "internal-collaboration"
    case customerSharing = "customer-sharing"

    /// Whether the check needs a `responsibility:` parameter.
    public var takesResponsibility: Bool {
        [.responsibleTeam, .accountableTeam, .assignedTeam].contains(self)
    }

    /// Whether the check reads a `minimum:` parameter.
    public var takesMinimum: Bool { self == .businessReach }

    /// The `minimum:` used when a criterion of a counting check gives none.
    public static let defaultBusinessReach = 3
}

/// The active framework: the built-in SMACAD elements, maturity stages, responsibilities,
/// focus areas and program kinds, as changed by the site's own model files.
public struct Framework: Sendable, Hashable {
    /// The stages in order, lowest first.
    public var stages: [StageDefinition]
    public var responsibilities: [FrameworkEntry]
    public var focusAreas: [FrameworkEntry]
    public var programKinds: [FrameworkEntry]
    public var elements: [FrameworkEntry]
    /// What a strategy with each focus area should contain, by focus area ID (Charter's
    /// reading of the focus areas; `expects:` in `model/focus-areas.yaml` changes it, and
    /// `expects: []` switches a focus area's checks off).
    public var focusExpectations: [String: [Criterion]] = [:]

    /// The position of a stage, found by ID, name or alias, ignoring case; nil when unknown.
    public func stageIndex(_ name: String) -> Int? {
        stages.firstIndex { Self.matches($0.entry, name) }
    }

    /// The stage with an ID, name or alias.
    public func stage(_ name: String) -> StageDefinition? {
        stageIndex(name).map { stages[$0] }
    }

    /// The responsibility with an ID, name or alias.
    public func responsibility(_ name: String) -> FrameworkEntry? {
        responsibilities.first { Self.matches($0, name) }
    }

    /// The focus area with an ID, name or alias.
    public func focusArea(_ name: String) -> FrameworkEntry? {
        focusAreas.first { Self.matches($0, name) }
    }

    /// The program kind with an ID, name or alias.
    public func programKind(_ name: String) -> FrameworkEntry? {
        programKinds.first { Self.matches($0, name) }
    }

    static func matches(_ entry: FrameworkEntry, _ name: String) -> Bool {
        // Most lookups name the ID exactly: answer those without normalising every candidate.
        if entry.id == name { return true }
        return sameName(entry.id, name) || sameName(entry.name, name) || entry.aliases.contains { sameName($0, name) }
    }

    /// `normalise(a) == normalise(b)`, without making either string when both are ASCII
    /// (contexts ask for a stage by name for every page).
    static func sameName(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { left in
            b.withUTF8 { right -> Bool? in
                guard left.count == right.count else { return left.allSatisfy { $0 < 0x80 } && right.allSatisfy { $0 < 0x80 } ? false : nil }
                for index in left.indices {
                    let x = left[index], y = right[index]
                    guard x < 0x80, y < 0x80 else { return nil }
                    if folded(x) != folded(y) { return false }
                }
                return true
            }
        }
        return ascii ?? (normalise(a) == normalise(b))
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        case UInt8(ascii: " "), UInt8(ascii: "_"): UInt8(ascii: "-")
        default: byte
        }
    }

    /// Lower-cases and turns spaces and underscores into hyphens: "Conversation Shaping" → "conversation-shaping".
    static func normalise(_ name: String) -> String {
        String(name.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }
}
