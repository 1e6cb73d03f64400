/// CH210: past Planning, the assessment covers brand, customers, partners and competition.
struct AssessmentFirstRule: StrategyRule {
    static let code = DiagnosticCode.assessmentIncomplete

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let current = strategy.maturity?.current, let index = context.framework.stageIndex(current.value), index > 0 else {
            return []
        }
        let assessment = strategy.assessment
        var missing: [String] = []
        if assessment?.brand == nil { missing.append("the brand") }
        if !(assessment?.coversCustomers ?? false) { missing.append("customers (sentiment and needs, frustrations or excitements)") }
        if assessment?.partners == nil { missing.append("partners and channel") }
        if assessment?.competition == nil { missing.append("the competition") }
        guard !missing.isEmpty else { return [] }
        let stage = context.framework.stages[index].name
        return [problem(
            "strategy '\(strategy.id)' stands at \(stage) but its assessment does not cover \(missing.joined(separator: ", "))",
            at: assessment?.location ?? current.location)]
    }
}

/// CH211: the strategy names the market representatives it was made with.
struct CoCreatorsRule: StrategyRule {
    static let code = DiagnosticCode.noCoCreators

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard strategy.coCreators.isEmpty else { return [] }
        return [problem("strategy '\(strategy.id)' names no co-creators", at: strategy.location,
                        fixHint: "list the customers, partners or others it was made with under 'co_creators'")]
    }
}
