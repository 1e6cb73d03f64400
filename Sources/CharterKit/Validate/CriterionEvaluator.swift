/// Decides whether a strategy meets a stage criterion, and lists what it lacks on its way
/// to its target stage.
public struct CriterionEvaluator: Sendable {
    public let context: ValidationContext

    /// Creates an evaluator.
    public init(context: ValidationContext) {
        self.context = context
    }

    /// Whether the strategy meets the criterion.
    public func meets(_ strategy: Strategy, _ criterion: Criterion) -> Bool {
        func assignment(_ responsibility: String?) -> Strategy.Assignment? {
            responsibility.flatMap { strategy.assignment(for: $0, in: context.framework) }
        }
        func teamsHoldingRoles() -> [Team] {
            strategy.teamsAccountableOrResponsible.compactMap { context.teams[$0] }
        }
        switch criterion.check {
        case .assessmentWithSources:
            return strategy.assessment.map { !$0.sources.isEmpty } ?? false
        case .goalServesObjective:
            return strategy.goal != nil && !strategy.objectives.isEmpty
        case .hasPresence:
            return !strategy.presences.isEmpty
        case .hasSupportContent:
            return !strategy.supportContent.isEmpty
        case .communityProgram:
            return strategy.programs.contains { $0.community != nil && takesPart(in: $0) }
        case .responsibleTeam:
            return !(assignment(criterion.responsibility)?.responsible.isEmpty ?? true)
        case .accountableTeam:
            return !(assignment(criterion.responsibility)?.accountable.isEmpty ?? true)
        case .assignedTeam:
            guard let found = assignment(criterion.responsibility) else { return false }
            return !(found.accountable.isEmpty && found.responsible.isEmpty)
        case .riskProcess:
            return !strategy.risks.isEmpty && strategy.risks.allSatisfy { $0.owner != nil && $0.escalation != nil }
        case .communicationCadence:
            return strategy.communication?.internalCadence != nil && strategy.communication?.externalCadence != nil
        case .executiveSponsor:
            return strategy.sponsor != nil
        case .coordinationTeam:
            return teamsHoldingRoles().contains { $0.kind?.value.isCoordinationBody == true }
        case .executivesEngaged:
            return teamsHoldingRoles().contains { $0.kind?.value == .executiveCommittee }
        case .businessReach:
            // Against the declared list when there is one: rolled into all areas means all of them.
            guard context.site.configuration.businessAreas.isEmpty else { return missingBusinessAreas(of: strategy).isEmpty }
            return businessAreas(of: strategy).count >= (criterion.minimum ?? CriterionCheck.defaultBusinessReach)
        case .methodsServeObjectives:
            return !strategy.methods.isEmpty && strategy.methods.allSatisfy { !$0.objectives.isEmpty }
        case .noStandaloneSocialObjective:
            return !strategy.objectives.contains(where: \.isStandaloneSocial)
        case .convergenceAttested:
            // The people who run the business's planning say it has taken the strategy in, on a
            // day that has come.
            guard let attestation = strategy.maturity?.convergence, let day = attestation.attestedOn?.value,
                  let by = attestation.by?.value, attestation.process != nil else { return false }
            return day <= context.today && context.teams[by]?.kind?.value == .executiveCommittee
        case .internalCollaboration:
            let kinds: Set<String> = ["internal", "process-alignment"]
            return strategy.programs.contains { program in
                program.kinds.contains { context.framework.programKind($0.value).map { kinds.contains($0.id) } ?? false }
            }
        case .customerSharing:
            // Customers sharing with each other: a community, whether the market runs it or not.
            return strategy.programs.contains { $0.community != nil }
        case .objectivesInRegister:
            // One business strategy process: the strategy pursues the organisation's own
            // objectives, as the register holds them, and none that exists only for social's sake.
            let served = strategy.servedObjectiveIDs
            let registered = Set(context.site.objectives.map(\.id.value))
            return !served.isEmpty && served.allSatisfy(registered.contains)
                && !strategy.objectives.contains { $0.isStandaloneSocial || $0.text != nil }
        }
    }

    /// Whether the organisation takes part in a program: any of its kinds other than the
    /// framework's market-run kind, where the market runs it and the organisation does nothing.
    /// A program without a kind is already reported (CH110) and not held against the stage.
    public func takesPart(in program: Strategy.Program) -> Bool {
        program.kinds.isEmpty || program.kinds.contains { context.framework.programKind($0.value)?.id != Self.marketRunKind }
    }

    /// The ID of the program kind the organisation takes no part in.
    public static let marketRunKind = "market-run"

    /// The areas of the business whose teams hold an Accountable or Responsible role in the
    /// strategy. Where `charter.yaml` declares business areas, these are the IDs of the declared
    /// areas the teams' `area` names (an undeclared name is CH250 and counts for nothing).
    /// Otherwise a team's `area` as written, or for a function team without one, the team
    /// itself. Coordination hubs, committees and executives are drawn from across the business,
    /// so they stand for no single area unless their file names one.
    public func businessAreas(of strategy: Strategy) -> Set<String> {
        let declared = context.site.configuration.businessAreas
        var areas: Set<String> = []
        for team in strategy.teamsAccountableOrResponsible.compactMap({ context.teams[$0] }) {
            if let area = areaID(of: team) {
                areas.insert(area)
            } else if declared.isEmpty, team.area == nil, team.kind?.value == .functionTeam {
                areas.insert("team:" + team.id)
            }
        }
        return areas
    }

    /// The area a team belongs to: the ID of the declared area its `area` names, or, where
    /// `charter.yaml` declares none, its `area` as written, normalised; nil without one, or for
    /// an area the declared list does not have.
    public func areaID(of team: Team) -> String? {
        guard let area = team.area?.value else { return nil }
        let configuration = context.site.configuration
        return configuration.businessAreas.isEmpty ? Framework.normalise(area) : configuration.businessArea(area)?.id
    }

    /// The declared business areas no team of the strategy acts for, in the declared order;
    /// empty when the site declares none.
    public func missingBusinessAreas(of strategy: Strategy) -> [BusinessArea] {
        let reached = businessAreas(of: strategy)
        return context.site.configuration.businessAreas.filter { !reached.contains($0.id) }
    }

    /// An unmet criterion in words, with what is missing where the evaluator can name it: for
    /// the reach into the business, the declared areas no team of the strategy acts for, or,
    /// where none are declared, the count it falls back on.
    public func unmetText(_ criterion: Criterion, of strategy: Strategy) -> String {
        guard criterion.check == .businessReach else { return criterion.summary }
        guard context.site.configuration.businessAreas.isEmpty else {
            let missing = missingBusinessAreas(of: strategy)
            return missing.isEmpty ? criterion.summary
                : criterion.summary + " (none yet from " + missing.map(\.name).joined(separator: ", ") + ")"
        }
        let minimum = criterion.minimum ?? CriterionCheck.defaultBusinessReach
        return criterion.summary + " (counted as \(minimum) areas, as charter.yaml declares none; \(businessAreas(of: strategy).count) so far)"
    }

    /// The highest stage whose criteria, and those of every stage before it, the strategy
    /// meets; nil when it does not meet the first stage's.
    public func supportedStage(for strategy: Strategy) -> Int? {
        var supported: Int?
        for (index, stage) in context.framework.stages.enumerated() {
            guard stage.criteria.allSatisfy({ meets(strategy, $0) }) else { break }
            supported = index
        }
        return supported
    }

    /// Whether an assessment is older than the site's `assessment_max_age`, as of the context's day.
    public func assessmentIsStale(_ assessment: Strategy.Assessment) -> Bool {
        guard let made = assessment.assessedOn?.value else { return false }
        return made.adding(context.site.configuration.assessmentMaxAge) < context.today
    }

    /// Who governs a strategy, and by which role.
    public struct Governor: Sendable, Equatable {
        public var team: String
        /// Accountable (true) or Responsible (false).
        public var isAccountable: Bool
        /// The responsibility the team holds; the framework's Governance, or any responsibility
        /// held by a coordination body.
        public var responsibility: String
        /// Whether the team holds the Governance row itself rather than coordinating.
        public var holdsGovernance: Bool
    }

    /// Who governs the strategy: the team Accountable for Governance, else the team Responsible
    /// for it, else a coordinating team (hub, committee or executive committee) that is
    /// Accountable or Responsible for any responsibility. A body that is only Consulted or
    /// Informed governs nothing. Nil when there is none, the second reason strategies fail.
    public func governor(of strategy: Strategy) -> Governor? {
        let framework = context.framework
        let governance = framework.responsibility(Self.governanceResponsibility)?.id ?? Self.governanceResponsibility
        if let row = strategy.assignment(for: governance, in: framework) {
            if let team = row.accountable.first {
                return Governor(team: team.value, isAccountable: true, responsibility: governance, holdsGovernance: true)
            }
            if let team = row.responsible.first {
                return Governor(team: team.value, isAccountable: false, responsibility: governance, holdsGovernance: true)
            }
        }
        for accountable in [true, false] {
            for row in strategy.assignments {
                let teams = accountable ? row.accountable : row.responsible
                if let team = teams.first(where: { context.teams[$0.value]?.kind?.value.coordinates == true }) {
                    let id = framework.responsibility(row.responsibility.value)?.id ?? row.responsibility.value
                    return Governor(team: team.value, isAccountable: accountable, responsibility: id, holdsGovernance: false)
                }
            }
        }
        return nil
    }

    /// The coordinating teams that appear in the strategy's matrix only as Consulted or
    /// Informed: they do not govern it, although Charter 0.1 counted them as if they did.
    public func bystanderCoordinators(of strategy: Strategy) -> [String] {
        let acting = Set(strategy.teamsAccountableOrResponsible)
        var seen: Set<String> = []
        return strategy.assignments.flatMap { $0.consulted + $0.informed }.map(\.value).filter {
            !acting.contains($0) && context.teams[$0]?.kind?.value.coordinates == true && seen.insert($0).inserted
        }
    }

    /// The framework's responsibility whose holder governs a strategy.
    public static let governanceResponsibility = "governance"

    /// Whether someone governs the strategy (see `governor(of:)`).
    public func isGoverned(_ strategy: Strategy) -> Bool {
        governor(of: strategy) != nil
    }

    /// The unmet criteria of every stage above the current one up to the target, in order.
    public func gaps(for strategy: Strategy) -> [(stage: StageDefinition, unmet: [Criterion])] {
        guard let current = strategy.maturity?.current.flatMap({ context.framework.stageIndex($0.value) }),
              let target = strategy.maturity?.target.flatMap({ context.framework.stageIndex($0.value) }),
              target > current
        else { return [] }
        return context.framework.stages[(current + 1)...target].compactMap { stage in
            let unmet = stage.criteria.filter { !meets(strategy, $0) }
            return unmet.isEmpty ? nil : (stage, unmet)
        }
    }
}
