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
        if assessment?.competition?.isEmpty ?? true { missing.append("the competition") }
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

/// CH261: the assessment is recent enough to set objectives on.
struct StaleAssessmentRule: StrategyRule {
    static let code = DiagnosticCode.staleAssessment

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let assessment = strategy.assessment, let made = assessment.assessedOn,
              CriterionEvaluator(context: context).assessmentIsStale(assessment) else { return [] }
        let age = context.site.configuration.assessmentMaxAge
        return [problem("the assessment of strategy '\(strategy.id)' was made on \(made.value), more than \(age) ago: re-assess before changing objectives",
                        at: made.location, fixHint: "re-assess, then update 'assessed_on'")]
    }
}

/// CH262: every finding a method answers exists in the assessment.
struct MethodFindingRule: StrategyRule {
    static let code = DiagnosticCode.unknownFinding

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let known = strategy.assessment?.findings.compactMap { $0.id?.value } ?? []
        return strategy.methods.flatMap { method in
            method.answers.filter { !known.contains($0.value) }.map { reference in
                let suggestion = Suggestions.closest(to: reference.value, in: known)
                return problem("method '\(method.id.value)' answers '\(reference.value)', which is not a need, frustration or excitement of the assessment",
                               at: reference.location, fixHint: suggestion.map { "did you mean '\($0)'?" })
            }
        }
    }
}
