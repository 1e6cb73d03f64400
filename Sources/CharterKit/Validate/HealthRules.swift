/// The three health checks (CH240–CH242) are warnings, except for a strategy marked `status: draft`:
/// a draft is still being written, so what it lacks is a note. The health page lists it either way,
/// and it becomes a warning, which fails `check --strict`, once the strategy goes to review.
extension StrategyRule {
    func healthProblem(_ reason: String, of strategy: Strategy) -> Diagnostic {
        problem("strategy '\(strategy.id)' risks failing for lack of \(reason)\(strategy.isDraft ? " (a note while it is a draft)" : "")",
                at: strategy.location, severity: strategy.isDraft ? .note : nil)
    }
}

/// CH240: health: the strategy is fully defined (all SMACAD elements).
struct DefinedStrategyHealthRule: StrategyRule {
    static let code = DiagnosticCode.noDefinedStrategy

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard !strategy.missingElements.isEmpty else { return [] }
        return [healthProblem("a defined strategy", of: strategy)]
    }
}

/// CH241: health: somebody governs the strategy: a team Accountable or Responsible for Governance,
/// or a coordinating team Accountable or Responsible for any responsibility.
struct GovernanceHealthRule: StrategyRule {
    static let code = DiagnosticCode.noGovernance

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let evaluator = CriterionEvaluator(context: context)
        guard !evaluator.isGoverned(strategy) else { return [] }
        var reason = "governance: no team is Accountable or Responsible for Governance, and no coordinating team holds an A or an R"
        let bystanders = evaluator.bystanderCoordinators(of: strategy)
        if !bystanders.isEmpty {
            let names = bystanders.map { "'\($0)'" }.joined(separator: ", ")
            reason += "; \(names) \(bystanders.count == 1 ? "is" : "are") only Consulted or Informed, which governs nothing"
                + " (Charter 0.1 counted any letter)"
        }
        return [healthProblem(reason, of: strategy)]
    }
}

/// CH242: health: the strategy has a budget.
struct FundingHealthRule: StrategyRule {
    static let code = DiagnosticCode.noFunding

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard strategy.budgets.isEmpty else { return [] }
        return [healthProblem("funding: no resource is a budget", of: strategy)]
    }
}
