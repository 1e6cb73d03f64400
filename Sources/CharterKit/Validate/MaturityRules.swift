/// CH220: the target stage is not below the current one.
struct TargetStageRule: StrategyRule {
    static let code = DiagnosticCode.targetBelowCurrent

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let current = strategy.maturity?.current, let target = strategy.maturity?.target,
              let from = context.framework.stageIndex(current.value), let to = context.framework.stageIndex(target.value),
              to < from
        else { return [] }
        let stages = context.framework.stages
        return [problem("target stage \(stages[to].name) is below the current stage \(stages[from].name)", at: target.location)]
    }
}

/// CH221: a strategy meets the criteria of its current stage and of every stage before it.
struct CumulativeCriteriaRule: StrategyRule {
    static let code = DiagnosticCode.unmetStageCriterion

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let current = strategy.maturity?.current, let index = context.framework.stageIndex(current.value) else { return [] }
        let evaluator = CriterionEvaluator(context: context)
        let claimed = context.framework.stages[index].name
        return context.framework.stages[...index].flatMap { stage in
            stage.criteria.filter { !evaluator.meets(strategy, $0) }.map { criterion in
                let article = stage.name.first.map { "AEIOU".contains($0.uppercased()) } == true ? "an" : "a"
                return problem("strategy '\(strategy.id)' stands at \(claimed) but lacks \(evaluator.unmetText(criterion, of: strategy)) (\(article) \(stage.name) criterion)",
                               at: current.location)
            }
        }
    }
}

/// CH222: what the strategy still lacks for each stage up to its target.
struct MaturityGapRule: StrategyRule {
    static let code = DiagnosticCode.maturityGap

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let target = strategy.maturity?.target else { return [] }
        let evaluator = CriterionEvaluator(context: context)
        return evaluator.gaps(for: strategy).map { gap in
            let unmet = gap.unmet.map { evaluator.unmetText($0, of: strategy) }
            return problem("to reach \(gap.stage.name): \(unmet.joined(separator: "; "))", at: target.location)
        }
    }
}

/// CH260: the stage the evidence supports, next to the stage the strategy claims, when they differ.
struct SupportedStageRule: StrategyRule {
    static let code = DiagnosticCode.supportedStage

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let current = strategy.maturity?.current, let claimed = context.framework.stageIndex(current.value) else { return [] }
        let supported = CriterionEvaluator(context: context).supportedStage(for: strategy)
        guard supported != claimed else { return [] }
        let stages = context.framework.stages
        let evidence = supported.map { "the evidence supports \(stages[$0].name)" } ?? "the evidence supports no stage yet"
        let direction = (supported ?? -1) < claimed ? "claims" : "claims only"
        return [problem("strategy '\(strategy.id)' \(direction) \(stages[claimed].name); \(evidence)", at: current.location)]
    }
}

/// CH263: a strategy at or heading for a stage that asks for every business area, on a site that
/// declares none, is judged by a count of areas instead (Charter's fallback). Once per strategy.
struct UndeclaredBusinessAreasRule: StrategyRule {
    static let code = DiagnosticCode.businessAreasUndeclared

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard context.site.configuration.businessAreas.isEmpty, let maturity = strategy.maturity else { return [] }
        let stages = context.framework.stages
        guard let first = stages.firstIndex(where: { $0.criteria.contains { $0.check == .businessReach } }) else { return [] }
        let claims = [maturity.target, maturity.current].compactMap { $0 }
        guard let reference = claims.first(where: { (context.framework.stageIndex($0.value) ?? -1) >= first }) else { return [] }
        let minimum = stages[first].criteria.first { $0.check == .businessReach }?.minimum ?? CriterionCheck.defaultBusinessReach
        return [problem(
            "strategy '\(strategy.id)' is judged at \(stages[first].name) by a count of \(minimum) areas of the business, because charter.yaml declares no business areas",
            at: reference.location,
            fixHint: "list the organisation's areas under 'business_areas' in charter.yaml and give each team its 'area'")]
    }
}

/// CH264: a strategy has what its focus areas call for, by Charter's reading of each focus
/// area (`expects` in the model). A note, as Charter's reading rather than the framework's rule.
struct FocusAreaExpectationRule: StrategyRule {
    static let code = DiagnosticCode.focusAreaExpectation

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let evaluator = CriterionEvaluator(context: context)
        return strategy.focusAreas.flatMap { reference -> [Diagnostic] in
            guard let area = context.framework.focusArea(reference.value) else { return [] }
            return (context.framework.focusExpectations[area.id] ?? []).filter { !evaluator.meets(strategy, $0) }.map { criterion in
                problem("strategy '\(strategy.id)' works in the \(area.name) focus area but lacks \(criterion.summary)",
                        at: reference.location)
            }
        }
    }
}
