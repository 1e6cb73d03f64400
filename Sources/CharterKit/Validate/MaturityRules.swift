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
                return problem("strategy '\(strategy.id)' stands at \(claimed) but lacks \(criterion.summary) (\(article) \(stage.name) criterion)",
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
        return CriterionEvaluator(context: context).gaps(for: strategy).map { gap in
            problem("to reach \(gap.stage.name): \(gap.unmet.map(\.summary).joined(separator: "; "))", at: target.location)
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
