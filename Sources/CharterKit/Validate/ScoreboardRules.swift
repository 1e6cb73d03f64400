/// CH119: objectives written out in a strategy rather than named from the register.
struct InlineObjectiveRule: StrategyRule {
    static let code = DiagnosticCode.inlineObjective

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.objectives.compactMap { objective in
            guard objective.text != nil, !objective.isReference else { return nil }
            return problem(
                "objective '\(objective.id.value)' is written out in strategy '\(strategy.id)'; business objectives belong in the objectives register",
                at: objective.id.location,
                fixHint: "move it to objectives.yaml in the content folder and write only its ID here: 'objectives: [\(objective.id.value)]'")
        }
    }
}

/// CH280: measures behind the line from their baseline to their target.
struct MeasureOffTrackRule: StrategyRule {
    static let code = DiagnosticCode.measureOffTrack

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.reporting.compactMap { report in
            guard let progress = MeasureProgress.evaluate(report, today: context.today), progress.status == .offTrack,
                  let latest = progress.latest, let expected = progress.expected else { return nil }
            let unit = report.unit?.value
            let name = report.measure?.value ?? report.method.map { "the measure of '\($0.value)'" } ?? "a measure"
            let why = progress.isPastTargetDate
                ? "its target of \(NumberText.format(progress.target.value, unit: unit)) was due on \(progress.target.date!)"
                : "the line to its target asks for \(NumberText.format(expected, unit: unit)) by then"
            return problem(
                "'\(name)' in strategy '\(strategy.id)' is off track: \(NumberText.format(latest.value, unit: unit)) on \(latest.date!), but \(why)",
                at: report.location)
        }
    }
}

/// CH281: objectives of the register that no strategy or method serves.
struct UnservedObjectiveRule: ValidationRule {
    static let code = DiagnosticCode.unservedObjective

    func check(_ context: ValidationContext) -> [Diagnostic] {
        // A strategy file that could not be read may serve any of them: it is reported already.
        guard !context.site.unreadableIDs.contains(where: { $0.hasPrefix("strategy/") }) else { return [] }
        let served = Set(context.site.strategyModels.flatMap(\.servedObjectiveIDs))
        return context.site.objectives.compactMap { objective in
            guard !served.contains(objective.id.value) else { return nil }
            return Diagnostic(Self.code, "no strategy serves objective '\(objective.id.value)'", at: objective.id.location,
                              fixHint: "name it under 'objectives' in the strategy that pursues it, or remove it from the register")
        }
    }
}

/// CH282: with a register, every strategy serves at least one of its objectives.
struct StrategyWithoutObjectiveRule: StrategyRule {
    static let code = DiagnosticCode.strategyWithoutObjective

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard context.site.hasObjectiveRegister else { return [] }
        let registered = Set(context.site.objectives.map(\.id.value))
        guard !strategy.servedObjectiveIDs.contains(where: registered.contains) else { return [] }
        return [problem("strategy '\(strategy.id)' serves none of the objectives in the register", at: strategy.location,
                        fixHint: "name the objectives it serves by ID under 'objectives'")]
    }
}
