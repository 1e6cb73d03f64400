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
        func teamsInMatrix() -> [Team] {
            strategy.assignments.flatMap(\.allTeams).compactMap { context.teams[$0] }
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
            return strategy.programs.contains { $0.community != nil }
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
            return teamsInMatrix().contains { $0.kind?.value.coordinates == true }
        case .executivesEngaged:
            return teamsInMatrix().contains { $0.kind?.value == .executiveCommittee }
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

    /// Whether someone governs the strategy: a team Accountable for Governance, or a
    /// coordination team in its matrix. Lacking both is the second reason strategies fail.
    public func isGoverned(_ strategy: Strategy) -> Bool {
        meets(strategy, Criterion(check: .accountableTeam, responsibility: "governance", summary: ""))
            || meets(strategy, Criterion(check: .coordinationTeam, responsibility: nil, summary: ""))
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
