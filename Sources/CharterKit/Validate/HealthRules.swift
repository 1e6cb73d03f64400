/// CH240: health: the strategy is fully defined (all SMACAD elements).
struct DefinedStrategyHealthRule: StrategyRule {
    static let code = DiagnosticCode.noDefinedStrategy

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard !strategy.missingElements.isEmpty else { return [] }
        return [problem("strategy '\(strategy.id)' risks failing for lack of a defined strategy", at: strategy.location)]
    }
}

/// CH241: health: somebody governs the strategy.
struct GovernanceHealthRule: StrategyRule {
    static let code = DiagnosticCode.noGovernance

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard !CriterionEvaluator(context: context).isGoverned(strategy) else { return [] }
        return [problem("strategy '\(strategy.id)' risks failing for lack of governance: nobody is Accountable for Governance and no coordination team takes part",
                        at: strategy.location)]
    }
}

/// CH242: health: the strategy has a budget.
struct FundingHealthRule: StrategyRule {
    static let code = DiagnosticCode.noFunding

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard strategy.budgets.isEmpty else { return [] }
        return [problem("strategy '\(strategy.id)' risks failing for lack of funding: no resource is a budget", at: strategy.location)]
    }
}
