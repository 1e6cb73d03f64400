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

/// CH280: measures more than their band behind the line from their baseline to their target.
struct MeasureOffTrackRule: MeasureStatusRule {
    static let code = DiagnosticCode.measureOffTrack
    static let status = MeasureProgress.Status.offTrack

    func message(_ name: String, _ progress: MeasureProgress, _ report: Strategy.Report, _ unit: String?) -> String {
        let latest = progress.latest!
        return "\(name) is off track: \(NumberText.format(latest.value, unit: unit, decimals: progress.decimals)) on \(latest.date!), but the line to its target asks for \(progress.expectedText(unit: unit)) by then, give or take \(NumberText.difference(progress.band, unit: unit))"
    }
}

/// CH283: measures within their band of the line.
struct MeasureAtRiskRule: MeasureStatusRule {
    static let code = DiagnosticCode.measureAtRisk
    static let status = MeasureProgress.Status.atRisk

    func message(_ name: String, _ progress: MeasureProgress, _ report: Strategy.Report, _ unit: String?) -> String {
        let latest = progress.latest!
        return "\(name) is at risk: \(NumberText.format(latest.value, unit: unit, decimals: progress.decimals)) on \(latest.date!), within \(NumberText.difference(progress.band, unit: unit)) of the \(progress.expectedText(unit: unit)) the line to its target asks for by then"
    }
}

/// CH284: measures whose latest data is older than their cadence.
struct MeasureNoRecentDataRule: MeasureStatusRule {
    static let code = DiagnosticCode.measureNoRecentData
    static let status = MeasureProgress.Status.noRecentData

    func message(_ name: String, _ progress: MeasureProgress, _ report: Strategy.Report, _ unit: String?) -> String {
        let cadence = report.cadence?.value.rawValue ?? "regularly"
        let last = progress.latest.map { "its latest result is from \($0.date!)" } ?? "it has no result since its baseline of \(report.baseline?.date.map(\.description) ?? "?")"
        return "\(name) has no recent data: it is measured \(cadence), but \(last)"
    }
}

/// CH285: measures past their target date without the target reached.
struct MeasureOverdueRule: MeasureStatusRule {
    static let code = DiagnosticCode.measureOverdue
    static let status = MeasureProgress.Status.overdue

    func message(_ name: String, _ progress: MeasureProgress, _ report: Strategy.Report, _ unit: String?) -> String {
        let target = "its target of \(NumberText.format(progress.target.value, unit: unit, decimals: progress.decimals)) was due on \(progress.target.date!)"
        guard let latest = progress.latest else { return "\(name) is overdue: \(target), and it has no result" }
        return "\(name) is overdue: \(target), and its latest result is \(NumberText.format(latest.value, unit: unit, decimals: progress.decimals)) on \(latest.date!)"
    }
}

/// CH286: measures whose target is in words, so they cannot be judged.
struct MeasureNotJudgedRule: ValidationRule {
    static let code = DiagnosticCode.measureNotJudged

    func check(_ context: ValidationContext) -> [Diagnostic] {
        MeasureStatusNames.measures(of: context.site).compactMap { report, name in
            // Without any target it is CH205's; with a baseline or results, CH117's.
            guard !report.isTracked, let words = report.target, report.baseline == nil, report.results.isEmpty else { return nil }
            return Diagnostic(Self.code, "\(name) is not judged: its target is in words ('\(words.value)')", at: report.location,
                              fixHint: "give it a unit, a baseline and 'target: {value: NUMBER, date: YYYY-MM-DD}', then dated results")
        }
    }
}

/// A rule that reports every measure of one status, a strategy's or an objective's own, at the measure.
protocol MeasureStatusRule: ValidationRule {
    static var status: MeasureProgress.Status { get }
    func message(_ name: String, _ progress: MeasureProgress, _ report: Strategy.Report, _ unit: String?) -> String
}

extension MeasureStatusRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        MeasureStatusNames.measures(of: context.site).compactMap { report, name in
            guard let progress = MeasureProgress.evaluate(report, today: context.today, band: context.site.configuration.measureBand),
                  progress.status == Self.status else { return nil }
            return Diagnostic(Self.code, message(name, progress, report, report.unit?.value), at: report.location)
        }
    }
}

enum MeasureStatusNames {
    /// Every measure of the site with the name a message gives it: the strategies' in their
    /// order, then the objectives' own.
    static func measures(of site: Site) -> [(Strategy.Report, String)] {
        site.strategyModels.flatMap { strategy in strategy.reporting.map { ($0, name(of: $0, in: strategy)) } }
            + site.objectives.flatMap { objective in
                objective.measures.map { ($0, "'\($0.measure?.value ?? "a measure")' of objective '\(objective.id.value)'") }
            }
    }

    /// "'Share of quotes sent the same day' in strategy 'broker-partnership'".
    static func name(of report: Strategy.Report, in strategy: Strategy) -> String {
        let name = report.measure?.value ?? report.method.map { "the measure of '\($0.value)'" } ?? "a measure"
        return "'\(name)' in strategy '\(strategy.id)'"
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

/// CH287: objectives of the register that strategies serve without any measure.
struct ObjectiveWithoutMeasureRule: ValidationRule {
    static let code = DiagnosticCode.objectiveWithoutMeasure

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.site.objectives.compactMap { objective in
            let id = objective.id.value
            let serving = context.site.strategyModels.filter { $0.servedObjectiveIDs.contains(id) }
            // An objective nobody serves is CH281's; one with measures of its own is measured.
            guard !serving.isEmpty, objective.measures.isEmpty else { return nil }
            let measured = serving.contains { strategy in
                // Only a method that names the objective measures it: a strategy that serves it as a
                // whole lends it every method's measure, which may say little about it. (A
                // reporting entry without its measure is CH205's error already.)
                return !strategy.reportsOfMethods(naming: id).isEmpty
            }
            guard !measured else { return nil }
            return Diagnostic(Self.code, "objective '\(id)' has no measure of its own: it has no 'measures', and no method that names it reports one",
                              at: objective.id.location,
                              fixHint: "give the objective 'measures' of its own in the register, or name it under 'objectives' of the method whose measure tells whether it is reached")
        }
    }
}

extension Strategy {
    /// The methods that serve an objective: those that name it, or, when none does, every
    /// method of a strategy that names it as a whole.
    func methodsServing(_ objective: String) -> [Method] {
        let naming = methods.filter { $0.objectives.contains { $0.value == objective } }
        return naming.isEmpty ? methods : naming
    }

    /// The reporting of the methods that name an objective themselves: what measures it, as a
    /// strategy that serves it only as a whole does not.
    func reportsOfMethods(naming objective: String) -> [Report] {
        let naming = Set(methods.filter { $0.objectives.contains { $0.value == objective } }.map(\.id.value))
        return reporting.filter { report in report.method.map { naming.contains($0.value) } ?? false }
    }
}
