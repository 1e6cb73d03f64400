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
            return businessAreas(of: strategy).count >= (criterion.minimum ?? CriterionCheck.defaultBusinessReach)
        case .methodsServeObjectives:
            return !strategy.methods.isEmpty && strategy.methods.allSatisfy { !$0.objectives.isEmpty }
        case .noStandaloneSocialObjective:
            return !strategy.objectives.contains(where: \.isStandaloneSocial)
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
    /// strategy: a team's `function`, or for a function team without one, the team itself.
    /// Coordination hubs, committees and executives are drawn from across the business, so
    /// they stand for no single area unless their file names a function.
    public func businessAreas(of strategy: Strategy) -> Set<String> {
        var areas: Set<String> = []
        for team in strategy.teamsAccountableOrResponsible.compactMap({ context.teams[$0] }) {
            if let function = team.function?.value {
                areas.insert(Framework.normalise(function))
            } else if team.kind?.value == .functionTeam {
                areas.insert("team:" + team.id)
            }
        }
        return areas
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

    /// Who governs the strategy: the team Accountable for Governance, or else the first
    /// coordinating team in its matrix; nil when there is neither, the second reason strategies fail.
    public func governor(of strategy: Strategy) -> (team: String, isAccountable: Bool)? {
        if let accountable = strategy.assignment(for: "governance", in: context.framework)?.accountable.first {
            return (accountable.value, true)
        }
        return strategy.assignments.flatMap(\.allTeams).first { context.teams[$0]?.kind?.value.coordinates == true }
            .map { ($0, false) }
    }

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
