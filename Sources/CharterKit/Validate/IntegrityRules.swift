/// CH250: every reference names something that exists.
struct ReferenceRule: ValidationRule {
    static let code = DiagnosticCode.unknownReference

    func check(_ context: ValidationContext) -> [Diagnostic] {
        let owners = context.site.objectives.compactMap { objective in
            objective.owner.flatMap { context.internalTeam($0, as: "an objective's owner") }
        }
        return owners + context.site.strategyModels.flatMap { check($0, in: context) }
            + context.site.pages.flatMap { check($0, in: context) } + areas(context)
    }

    /// Where charter.yaml declares business areas, each team's `area` names one of them.
    private func areas(_ context: ValidationContext) -> [Diagnostic] {
        let declared = context.site.configuration.businessAreas
        guard !declared.isEmpty else { return [] }
        return context.site.teamModels.compactMap { team in
            guard let area = team.area, context.site.configuration.businessArea(area.value) == nil else { return nil }
            var diagnostic = context.unknownReference(area, kind: "business area", known: declared.map(\.id))
            if diagnostic.fixHint == nil {
                diagnostic.fixHint = "charter.yaml declares: \(declared.map(\.id).joined(separator: ", ")); add the area there or name one of these"
            }
            return diagnostic
        }
    }

    private func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let teams = context.teamIDs.sorted()
        let stages = context.framework.stages.map(\.id)
        let methods = strategy.methods.map(\.id.value)
        // Objectives come from the register; those written out in the strategy (the older form) count too.
        let registered = context.site.objectives.map(\.id.value)
        let objectives = registered + strategy.objectives.filter { !$0.isReference }.map(\.id.value)
        let contentPath = "strategies/\(strategy.id).yaml"
        // A team or an external party: matrix letters and a program's owner.
        func teamOrParty(_ reference: Located<String>?) {
            guard let reference, !context.teamIDs.contains(reference.value) else { return }
            found.append(context.unknownReference(reference, kind: "team", known: teams))
        }
        // Only a team inside the organisation: owners of strategies and risks, and attestations.
        func team(_ reference: Located<String>?, as role: String) {
            if let problem = reference.flatMap({ context.internalTeam($0, as: role) }) { found.append(problem) }
        }
        func method(_ reference: Located<String>?) {
            guard let reference, !methods.contains(reference.value) else { return }
            found.append(context.unknownReference(reference, kind: "method", known: methods))
        }
        func stage(_ reference: Located<String>?) {
            guard let reference, context.framework.stage(reference.value) == nil else { return }
            found.append(context.unknownReference(reference, kind: "stage", known: stages))
        }
        func playbook(_ reference: Located<String>, linksOnly: Bool = false) {
            if linksOnly, LinkResolver.scheme(of: reference.value[...]) != nil, !reference.value.hasPrefix("playbook:") { return }
            guard context.playbookPath(reference.value, fromFile: contentPath) == nil else { return }
            found.append(context.unknownReference(reference, kind: "playbook", known: context.playbooks.keys.sorted()))
        }

        team(strategy.owner, as: "a strategy's owner")
        for objective in strategy.objectives where objective.isReference && !registered.contains(objective.id.value) {
            found.append(context.unknownReference(objective.id, kind: "objective", known: registered))
        }
        for program in strategy.programs {
            teamOrParty(program.owner)
            method(program.method)
        }
        for resource in strategy.resources { resource.methods.forEach(method) }
        for report in strategy.reporting { method(report.method) }
        for item in strategy.methods {
            for objective in item.objectives where !objectives.contains(objective.value) {
                found.append(context.unknownReference(objective, kind: "objective", known: objectives))
            }
            item.playbooks.forEach { playbook($0) }
        }
        stage(strategy.maturity?.current)
        stage(strategy.maturity?.target)
        team(strategy.maturity?.convergence?.by, as: "the body that attests convergence")
        for (evidenceStage, links) in strategy.maturity?.evidence ?? [] {
            stage(evidenceStage)
            links.forEach { playbook($0) }
        }
        strategy.supportContent.forEach { playbook($0, linksOnly: true) }
        for assignment in strategy.assignments {
            if context.framework.responsibility(assignment.responsibility.value) == nil {
                found.append(context.unknownReference(
                    assignment.responsibility, kind: "responsibility", known: context.framework.responsibilities.map(\.id)))
            }
            (assignment.accountable + assignment.responsible + assignment.consulted + assignment.informed).forEach(teamOrParty)
        }
        strategy.risks.forEach { team($0.owner, as: "a risk's owner") }

        // The market's side: co-creators who are external parties, and what they shaped.
        let shapeable = (strategy.assessment?.findings.compactMap(\.id?.value) ?? []) + methods + strategy.programs.map(\.id.value)
        func shaped(_ reference: Located<String>) {
            guard !shapeable.contains(reference.value) else { return }
            found.append(context.unknownReference(reference, kind: "finding, method or program", known: shapeable))
        }
        for record in strategy.coCreators {
            if let party = record.party {
                if let known = context.teams[party.value], !known.isExternal {
                    found.append(Diagnostic(
                        .unknownReference, "'\(party.value)' is a team inside the organisation; a co-creator comes from the market",
                        at: party.location, fixHint: "name an external party from content/parties/, or write the co-creator's name"))
                } else if context.teams[party.value] == nil, !context.site.unreadableIDs.contains("team/\(party.value)") {
                    found.append(context.unknownReference(party, kind: "external party", known: context.site.teamModels.filter(\.isExternal).map(\.id)))
                }
            }
            record.shaped.forEach(shaped)
        }
        for exchange in strategy.exchanges { exchange.changes.forEach(shaped) }
        return found
    }

    private func check(_ page: Page, in context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let metadata = page.metadata
        if let strategy = metadata.strategy, !context.site.strategyModels.contains(where: { $0.id == strategy.value }),
           !context.site.unreadableIDs.contains("strategy/\(strategy.value)") {
            found.append(context.unknownReference(strategy, kind: "strategy", known: context.site.strategyModels.map(\.id)))
        }
        if let stage = metadata.stage, context.framework.stage(stage.value) == nil {
            found.append(context.unknownReference(stage, kind: "stage", known: context.framework.stages.map(\.id)))
        }
        if let problem = metadata.owner.flatMap({ context.internalTeam($0, as: "a playbook's owner") }) {
            found.append(problem)
        }
        for responsibility in metadata.responsibilities where context.framework.responsibility(responsibility.value) == nil {
            found.append(context.unknownReference(
                responsibility, kind: "responsibility", known: context.framework.responsibilities.map(\.id)))
        }
        return found
    }
}

/// CH111 (for values the active model defines): focus areas and program kinds exist in the model.
struct FrameworkValueRule: StrategyRule {
    static let code = DiagnosticCode.unknownValue

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        var fields = FieldReader(diagnostics: [])
        for area in strategy.focusAreas where context.framework.focusArea(area.value) == nil {
            fields.unknownValue(area, for: "focus_area", allowed: context.framework.focusAreas.map(\.id))
        }
        for program in strategy.programs {
            for kind in program.kinds where context.framework.programKind(kind.value) == nil {
                fields.unknownValue(kind, for: "program_kind", allowed: context.framework.programKinds.map(\.id))
            }
        }
        return fields.diagnostics
    }
}

/// CH110 (for what depends on the active model): a program the organisation takes part in names
/// the team that runs it. A program whose only kind is market-run needs no owner: the market runs
/// it and the organisation does nothing, so there is nobody inside to name.
struct ProgramOwnerRule: StrategyRule {
    static let code = DiagnosticCode.missingField

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let evaluator = CriterionEvaluator(context: context)
        return strategy.programs.filter { $0.owner == nil && evaluator.takesPart(in: $0) }.map { program in
            problem("program '\(program.id.value)' has no 'owner'", at: program.location,
                    fixHint: "name the team that runs it; only a program of kind market-run, which the market runs on its own, goes without one")
        }
    }
}

/// CH251: IDs inside a strategy are unique within their kind.
struct DuplicateIDRule: StrategyRule {
    static let code = DiagnosticCode.duplicateID

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let groups: [(String, [Located<String>])] = [
            ("objective", strategy.objectives.map(\.id)),
            ("method", strategy.methods.map(\.id)),
            ("resource", strategy.resources.map(\.id)),
            ("program", strategy.programs.map(\.id)),
            ("finding", strategy.assessment?.findings.compactMap(\.id) ?? []),
            ("responsibility", strategy.assignments.map(\.responsibility).map { reference in
                Located(context.framework.responsibility(reference.value)?.id ?? reference.value, at: reference.location)
            }),
        ]
        return groups.flatMap { kind, ids -> [Diagnostic] in
            var first: [String: Located<String>] = [:]
            return ids.compactMap { id in
                guard let earlier = first[id.value] else {
                    first[id.value] = id
                    return nil
                }
                return Diagnostic(Self.code, "\(kind) '\(id.value)' is defined twice in strategy '\(strategy.id)'",
                                  at: id.location, notes: [.init("first defined here", at: earlier.location)])
            }
        }
    }
}

/// CH252: pages past their review date.
struct StalePageRule: ValidationRule {
    static let code = DiagnosticCode.stalePage

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.site.pages.compactMap { page in
            guard let reviewed = page.metadata.lastReviewed else { return nil }
            let interval = page.metadata.reviewInterval?.value ?? .standard
            let due = reviewed.value.adding(interval)
            guard due < context.today else { return nil }
            return Diagnostic(
                Self.code, "'\(page.title)' was due for review on \(due) (last reviewed \(reviewed.value), every \(interval))",
                at: reviewed.location, fixHint: "review the page and update 'last_reviewed'")
        }
    }
}
