/// One side of a comparison: a site's model and the problems found in it.
public struct ModelSnapshot: Sendable {
    public var site: Site
    public var diagnostics: [Diagnostic]

    /// Creates a snapshot.
    public init(site: Site, diagnostics: [Diagnostic]) {
        self.site = site
        self.diagnostics = diagnostics
    }
}

/// Compares two models semantically, matching strategies, teams, methods, programs,
/// resources and playbooks by ID, and grades every change.
public struct ModelDiffer: Sendable {
    /// The day measures are judged on track or off track, in both versions.
    public var today: CalendarDate

    /// Creates a differ that judges measures as of `today`.
    public init(today: CalendarDate = SiteBuilder.defaultToday()) {
        self.today = today
    }

    /// Every change from `base` to `head`, most severe first, then in model order.
    public func changes(from base: ModelSnapshot, to head: ModelSnapshot) -> [ModelChange] {
        var changes: [ModelChange] = []
        changes += strategyChanges(base.site, head.site)
        changes += teamChanges(base.site, head.site)
        changes += objectiveChanges(base.site, head.site)
        changes += playbookChanges(base.site, head.site)
        changes += diagnosticChanges(base, head)
        // Swift's sort is stable, so changes of one grade keep the model's order.
        return changes.sorted { $0.grade < $1.grade }
    }

    // MARK: Strategies

    private func strategyChanges(_ base: Site, _ head: Site) -> [ModelChange] {
        let old = Dictionary(base.strategyModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(head.strategyModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ModelChange] = []
        var removed = old.keys.filter { new[$0] == nil }.sorted()
        var added = new.keys.filter { old[$0] == nil }.sorted()
        // A strategy whose file was renamed keeps its title: report a rename, then compare the two.
        for id in removed {
            guard let title = old[id]?.title?.value, let renamed = added.first(where: { new[$0]?.title?.value == title }) else { continue }
            changes.append(ModelChange(.warning, "strategy \(renamed)", "strategy-renamed",
                                       "strategy '\(id)' was renamed to '\(renamed)'", before: id, after: renamed))
            changes += compare(old[id]!, new[renamed]!, base: base, head: head)
            removed.removeAll { $0 == id }
            added.removeAll { $0 == renamed }
        }
        for id in removed {
            changes.append(ModelChange(.breaking, "strategy \(id)", "strategy-removed",
                                       "strategy '\(old[id]!.displayName)' was removed", before: id))
        }
        for id in added {
            changes.append(ModelChange(.info, "strategy \(id)", "strategy-added", "strategy '\(new[id]!.displayName)' was added", after: id))
        }
        for id in old.keys.sorted() where new[id] != nil {
            changes += compare(old[id]!, new[id]!, base: base, head: head)
        }
        return changes
    }

    private func compare(_ old: Strategy, _ new: Strategy, base: Site, head: Site) -> [ModelChange] {
        let subject = "strategy \(new.id)"
        var changes: [ModelChange] = []
        func text(_ kind: String, _ name: String, _ before: String?, _ after: String?, grade: ModelChange.Grade) {
            guard before != after else { return }
            switch (before, after) {
            case (nil, let value?):
                changes.append(ModelChange(.info, subject, kind, "\(name) was added", after: value))
            case (let value?, nil):
                changes.append(ModelChange(.breaking, subject, kind, "\(name) was removed", before: value))
            case (let from?, let to?):
                changes.append(ModelChange(grade, subject, kind, "\(name) changed", before: from, after: to,
                                           wordDiff: WordDiff.markdown(from: from, to: to)))
            default: break
            }
        }
        text("title-changed", "the title", old.title?.value, new.title?.value, grade: .info)
        text("owner-changed", "the owner", old.owner?.value, new.owner?.value, grade: .warning)
        text("status-changed", "the status", old.status?.value.rawValue, new.status?.value.rawValue, grade: .info)
        text("element-changed", "the goal", old.goal?.value, new.goal?.value, grade: .warning)
        text("element-changed", "the mission", old.mission?.value, new.mission?.value, grade: .warning)
        changes += listChanges(subject, "customer benefit", old.benefits?.customer.map(\.value) ?? [], new.benefits?.customer.map(\.value) ?? [])
        changes += listChanges(subject, "company benefit", old.benefits?.company.map(\.value) ?? [], new.benefits?.company.map(\.value) ?? [])
        changes += maturityChanges(old, new, subject: subject, base: base.framework, head: head.framework)
        changes += methodChanges(old, new, subject: subject)
        changes += servedObjectiveChanges(old, new, subject: subject)
        changes += measureChanges(old, new, subject: subject, bands: (base.configuration.measureBand, head.configuration.measureBand))
        changes += programChanges(old, new, subject: subject)
        changes += marketChanges(old, new, subject: subject)
        changes += resourceChanges(old, new, subject: subject)
        changes += matrixChanges(old, new, subject: subject, base: base.framework, head: head.framework)
        return changes
    }

    private func listChanges(_ subject: String, _ name: String, _ old: [String], _ new: [String]) -> [ModelChange] {
        old.filter { !new.contains($0) }.map { ModelChange(.warning, subject, "element-changed", "\(name) removed: \($0)", before: $0) }
            + new.filter { !old.contains($0) }.map { ModelChange(.info, subject, "element-changed", "\(name) added: \($0)", after: $0) }
    }

    private func maturityChanges(_ old: Strategy, _ new: Strategy, subject: String, base: Framework, head: Framework) -> [ModelChange] {
        var changes: [ModelChange] = []
        func move(_ label: String, _ before: Located<String>?, _ after: Located<String>?, downGrade: ModelChange.Grade) {
            let from = before.flatMap { base.stage($0.value) }, to = after.flatMap { head.stage($0.value) }
            guard from?.id != to?.id else { return }
            let fromIndex = before.flatMap { base.stageIndex($0.value) }, toIndex = after.flatMap { head.stageIndex($0.value) }
            let down = (fromIndex ?? 0) > (toIndex ?? 0)
            changes.append(ModelChange(
                down ? downGrade : .info, subject, "maturity-moved",
                "\(label) stage went \(down ? "down" : "up") from \(from?.name ?? "none") to \(to?.name ?? "none")",
                before: from?.name, after: to?.name))
        }
        move("the current", old.maturity?.current, new.maturity?.current, downGrade: .breaking)
        move("the target", old.maturity?.target, new.maturity?.target, downGrade: .warning)
        func attestation(_ strategy: Strategy) -> String? {
            strategy.maturity?.convergence.map { convergence in
                "attested on \(convergence.attestedOn?.value.description ?? "no date") by \(convergence.by?.value ?? "nobody")"
                    + (convergence.process.map { ": \($0.value)" } ?? "")
            }
        }
        switch (attestation(old), attestation(new)) {
        case (nil, let added?):
            changes.append(ModelChange(.info, subject, "convergence-attested", "the convergence attestation was added", after: added))
        case (let removed?, nil):
            changes.append(ModelChange(.breaking, subject, "convergence-attested", "the convergence attestation was removed", before: removed))
        case (let from?, let to?) where from != to:
            changes.append(ModelChange(.warning, subject, "convergence-attested", "the convergence attestation changed", before: from, after: to))
        default: break
        }
        return changes
    }

    private func methodChanges(_ old: Strategy, _ new: Strategy, subject: String) -> [ModelChange] {
        var changes: [ModelChange] = []
        let oldIDs = old.methods.map(\.id.value), newIDs = new.methods.map(\.id.value)
        for id in oldIDs where !newIDs.contains(id) {
            changes.append(ModelChange(.warning, subject, "method-removed", "method '\(id)' was removed", before: id))
        }
        for id in newIDs where !oldIDs.contains(id) {
            changes.append(ModelChange(.info, subject, "method-added", "method '\(id)' was added", after: id))
        }
        for id in oldIDs where newIDs.contains(id) {
            let before = old.reporting.filter { $0.method?.value == id }, after = new.reporting.filter { $0.method?.value == id }
            if !before.isEmpty && after.isEmpty {
                changes.append(ModelChange(.breaking, subject, "method-reporting", "method '\(id)' lost its reporting"))
            }
            for (report, updated) in zip(before, after) {
                for (name, from, to) in [("measure", report.measure, updated.measure), ("target", report.target, updated.target),
                                         ("tool", report.tool, updated.tool)] where from?.value != to?.value {
                    changes.append(ModelChange(name == "tool" ? .info : .warning, subject, "reporting-changed",
                                               "the \(name) of method '\(id)' changed", before: from?.value, after: to?.value))
                }
            }
            let funded = { (strategy: Strategy) in strategy.resources.contains { $0.methods.contains { $0.value == id } } }
            if funded(old) && !funded(new) {
                changes.append(ModelChange(.breaking, subject, "method-resources", "method '\(id)' lost all its resources"))
            }
        }
        return changes
    }

    /// A program's kinds as one value, `co-created, creative`, or nil without any.
    private static func kinds(_ program: Strategy.Program) -> String? {
        program.kinds.isEmpty ? nil : program.kinds.map(\.value).joined(separator: ", ")
    }

    /// Objectives the strategy (or one of its methods) started or stopped serving.
    private func servedObjectiveChanges(_ old: Strategy, _ new: Strategy, subject: String) -> [ModelChange] {
        let before = old.servedObjectiveIDs, after = new.servedObjectiveIDs
        return before.filter { !after.contains($0) }.map {
            ModelChange(.warning, subject, "objective-dropped", "the strategy no longer serves objective '\($0)'", before: $0)
        } + after.filter { !before.contains($0) }.map {
            ModelChange(.info, subject, "objective-served", "the strategy now serves objective '\($0)'", after: $0)
        }
    }

    /// New results, moved targets, and measures that went off track or back on track,
    /// matching measures by their method and their name.
    private func measureChanges(_ old: Strategy, _ new: Strategy, subject: String, bands: (base: Double, head: Double)) -> [ModelChange] {
        func key(_ report: Strategy.Report) -> String { "\(report.method?.value ?? "")\u{1F}\(report.measure?.value ?? "")" }
        let before = Dictionary(old.reporting.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ModelChange] = []
        for report in new.reporting {
            let name = report.measure?.value ?? report.method.map { "the measure of '\($0.value)'" } ?? "a measure"
            let unit = report.unit?.value
            func target(_ reading: Reading?) -> String? {
                reading.flatMap { goal in goal.date.map { "\(NumberText.format(goal.value, unit: unit)) by \($0)" } }
            }
            let previous = before[key(report)]
            let known = Set((previous?.results ?? []).compactMap(\.date))
            for result in report.results where !known.contains(result.date ?? CalendarDate(year: 0, month: 1, day: 1)) {
                guard let date = result.date else { continue }
                let value = NumberText.format(result.value, unit: unit)
                changes.append(ModelChange(.info, subject, "result-added", "new result for '\(name)': \(value) on \(date)", after: value))
            }
            if let previous, let from = target(previous.goal), let to = target(report.goal), from != to {
                changes.append(ModelChange(.warning, subject, "target-moved", "the target of '\(name)' moved", before: from, after: to))
            }
            // Overdue is off track too: a passed date without the target is not silence.
            let behind: Set<MeasureProgress.Status> = [.offTrack, .overdue]
            let was = previous.flatMap { MeasureProgress.evaluate($0, today: today, band: bands.base)?.status }
            let now = MeasureProgress.evaluate(report, today: today, band: bands.head)?.status
            if let now, behind.contains(now), !(was.map(behind.contains) ?? false) {
                changes.append(ModelChange(.warning, subject, "measure-off-track", now == .overdue ? "'\(name)' is overdue" : "'\(name)' went off track",
                                           before: was?.rawValue, after: now.rawValue))
            } else if let was, behind.contains(was), let now, !behind.contains(now) {
                changes.append(ModelChange(.info, subject, "measure-on-track", "'\(name)' is no longer off track",
                                           before: was.rawValue, after: now.rawValue))
            }
        }
        return changes
    }

    // MARK: Objectives register

    private func objectiveChanges(_ base: Site, _ head: Site) -> [ModelChange] {
        let old = Dictionary(base.objectives.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(head.objectives.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ModelChange] = []
        for id in old.keys.sorted() where new[id] == nil {
            changes.append(ModelChange(.warning, "objective \(id)", "objective-removed",
                                       "objective '\(old[id]!.displayName)' was removed from the register", before: id))
        }
        for id in new.keys.sorted() where old[id] == nil {
            changes.append(ModelChange(.info, "objective \(id)", "objective-added",
                                       "objective '\(new[id]!.displayName)' was added to the register", after: id))
        }
        for id in old.keys.sorted() {
            guard let from = old[id], let to = new[id] else { continue }
            for (name, a, b) in [("title", from.title?.value, to.title?.value), ("description", from.description?.value, to.description?.value),
                                 ("owner", from.owner?.value, to.owner?.value)] where a != b {
                changes.append(ModelChange(.warning, "objective \(id)", "objective-changed", "the \(name) of objective '\(id)' changed",
                                           before: a, after: b, wordDiff: a.flatMap { a in b.map { WordDiff.markdown(from: a, to: $0) } }))
            }
        }
        return changes
    }

    /// The market's side: co-creators added, removed or signing off, and the "you said, we did"
    /// log's requests added, answered or removed, matched by what was said.
    private func marketChanges(_ old: Strategy, _ new: Strategy, subject: String) -> [ModelChange] {
        var changes: [ModelChange] = []
        func who(_ record: Strategy.CoCreator) -> String { record.party?.value ?? record.name.value }
        func signedOff(_ record: Strategy.CoCreator) -> Bool { if case .yes = record.signedOff { true } else { false } }
        let before = Dictionary(old.coCreators.map { (who($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.coCreators.map { (who($0), $0) }, uniquingKeysWith: { first, _ in first })
        for name in before.keys.sorted() where after[name] == nil {
            changes.append(ModelChange(.warning, subject, "co-creator-removed", "co-creator '\(name)' was removed", before: name))
        }
        for name in after.keys.sorted() where before[name] == nil {
            changes.append(ModelChange(.info, subject, "co-creator-added", "co-creator '\(name)' was added", after: name))
        }
        for name in before.keys.sorted() {
            guard let from = before[name], let to = after[name], signedOff(from) != signedOff(to) else { continue }
            changes.append(ModelChange(signedOff(to) ? .info : .warning, subject, "co-creator-signed-off",
                                       signedOff(to) ? "co-creator '\(name)' signed off" : "co-creator '\(name)' no longer signs off"))
        }
        let asked = Dictionary(old.exchanges.map { ($0.said.value, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(new.exchanges.map { ($0.said.value, $0) }, uniquingKeysWith: { first, _ in first })
        for said in asked.keys.sorted() where now[said] == nil {
            changes.append(ModelChange(.warning, subject, "request-removed", "the request '\(said)' was removed from 'you said, we did'", before: said))
        }
        for said in now.keys.sorted() where asked[said] == nil {
            let entry = now[said]!
            changes.append(ModelChange(.info, subject, "request-added", "the market asked: '\(said)'" + (entry.isOpen ? " (open)" : ""),
                                       after: entry.did?.value))
        }
        for said in asked.keys.sorted() {
            guard let from = asked[said], let to = now[said], from.did?.value != to.did?.value else { continue }
            changes.append(ModelChange(to.isOpen ? .warning : .info, subject, "request-answered",
                                       to.isOpen ? "the answer to '\(said)' was withdrawn" : "the request '\(said)' was answered",
                                       before: from.did?.value, after: to.did?.value))
        }
        return changes
    }

    private func programChanges(_ old: Strategy, _ new: Strategy, subject: String) -> [ModelChange] {
        var changes: [ModelChange] = []
        let before = Dictionary(old.programs.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.programs.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for id in before.keys.sorted() where after[id] == nil {
            changes.append(ModelChange(.warning, subject, "program-removed", "program '\(id)' was removed", before: id))
        }
        for id in after.keys.sorted() where before[id] == nil {
            changes.append(ModelChange(.info, subject, "program-added", "program '\(id)' was added", after: id))
        }
        for id in before.keys.sorted() {
            guard let from = before[id], let to = after[id] else { continue }
            for (name, a, b) in [("owner", from.owner?.value, to.owner?.value), ("kind", Self.kinds(from), Self.kinds(to)),
                                 ("method", from.method?.value, to.method?.value)] where a != b {
                changes.append(ModelChange(.info, subject, "program-changed", "the \(name) of program '\(id)' changed", before: a, after: b))
            }
        }
        return changes
    }

    private func resourceChanges(_ old: Strategy, _ new: Strategy, subject: String) -> [ModelChange] {
        var changes: [ModelChange] = []
        let before = Dictionary(old.resources.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.resources.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for id in before.keys.sorted() where after[id] == nil {
            let budget = before[id]?.kind?.value == .budget
            changes.append(ModelChange(.warning, subject, "resource-removed", "\(budget ? "budget" : "resource") '\(id)' was removed", before: id))
        }
        for id in after.keys.sorted() where before[id] == nil {
            changes.append(ModelChange(.info, subject, "resource-added", "resource '\(id)' was added", after: id))
        }
        for id in before.keys.sorted() {
            let amount = { (resource: Strategy.Resource) in resource.money?.description ?? resource.amount?.value }
            guard let from = before[id], let to = after[id], amount(from) != amount(to) else { continue }
            changes.append(ModelChange(.warning, subject, "resource-changed", "the amount of resource '\(id)' changed",
                                       before: amount(from), after: amount(to)))
        }
        if !old.budgets.isEmpty && new.budgets.isEmpty {
            changes.append(ModelChange(.breaking, subject, "funding-removed", "the strategy no longer has any budget"))
        }
        return changes
    }

    private func matrixChanges(_ old: Strategy, _ new: Strategy, subject: String, base: Framework, head: Framework) -> [ModelChange] {
        func cells(_ strategy: Strategy, _ framework: Framework) -> [String: [String: String]] {
            var result: [String: [String: String]] = [:]
            for assignment in strategy.assignments {
                let id = framework.responsibility(assignment.responsibility.value)?.id ?? assignment.responsibility.value
                for (letter, teams) in [("I", assignment.informed), ("C", assignment.consulted), ("R", assignment.responsible),
                                        ("A", assignment.accountable)] {
                    for team in teams { result[id, default: [:]][team.value] = letter }
                }
            }
            return result
        }
        let before = cells(old, base), after = cells(new, head)
        var changes: [ModelChange] = []
        for responsibility in Set(before.keys).union(after.keys).sorted() {
            let from = before[responsibility] ?? [:], to = after[responsibility] ?? [:]
            for team in Set(from.keys).union(to.keys).sorted() where from[team] != to[team] {
                changes.append(ModelChange(
                    from[team] == "A" ? .warning : .info, subject, "matrix-cell",
                    "\(team) for \(responsibility): \(from[team] ?? "–") → \(to[team] ?? "–")",
                    before: from[team], after: to[team]))
            }
            let hadAccountable = from.values.contains("A"), hasAccountable = to.values.contains("A")
            if hadAccountable && !hasAccountable {
                changes.append(ModelChange(.breaking, subject, "matrix-accountable", "'\(responsibility)' lost its Accountable team"))
            }
            if from.values.contains("R") && !to.values.contains("R") && !hasAccountable {
                changes.append(ModelChange(.breaking, subject, "matrix-responsible", "'\(responsibility)' lost its Responsible team"))
            }
        }
        return changes
    }

    // MARK: Teams and playbooks

    private func teamChanges(_ base: Site, _ head: Site) -> [ModelChange] {
        let old = Dictionary(base.teamModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(head.teamModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // An external party is kept like a team and reported as what it is.
        func noun(_ team: Team) -> String { team.isExternal ? "external party" : "team" }
        var changes: [ModelChange] = []
        for id in old.keys.sorted() where new[id] == nil {
            let team = old[id]!
            changes.append(ModelChange(.warning, "\(noun(team)) \(id)", "team-removed", "\(noun(team)) '\(team.displayName)' was removed", before: id))
        }
        for id in new.keys.sorted() where old[id] == nil {
            let team = new[id]!
            changes.append(ModelChange(.info, "\(noun(team)) \(id)", "team-added", "\(noun(team)) '\(team.displayName)' was added", after: id))
        }
        for id in old.keys.sorted() {
            guard let from = old[id], let to = new[id] else { continue }
            for (name, a, b) in [("name", from.name?.value, to.name?.value), ("kind", from.kind?.value.rawValue, to.kind?.value.rawValue),
                                 ("review handle", from.reviewHandle?.value, to.reviewHandle?.value),
                                 ("area", from.area?.value, to.area?.value)] where a != b {
                changes.append(ModelChange(.info, "\(noun(to)) \(id)", "team-changed", "the \(name) of \(noun(to)) '\(id)' changed", before: a, after: b))
            }
        }
        return changes
    }

    private func playbookChanges(_ base: Site, _ head: Site) -> [ModelChange] {
        let old = Dictionary(base.pages.filter { !$0.isGenerated }.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(head.pages.filter { !$0.isGenerated }.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ModelChange] = []
        for path in old.keys.sorted() where new[path] == nil {
            changes.append(ModelChange(.warning, "playbook \(path)", "playbook-removed", "playbook '\(old[path]!.title)' was removed", before: path))
        }
        for path in new.keys.sorted() where old[path] == nil {
            changes.append(ModelChange(.info, "playbook \(path)", "playbook-added", "playbook '\(new[path]!.title)' was added", after: path))
        }
        for path in old.keys.sorted() {
            guard let from = old[path], let to = new[path] else { continue }
            let fields: [(String, String?, String?)] = [
                ("title", from.title, to.title), ("owner", from.metadata.owner?.value, to.metadata.owner?.value),
                ("stage", from.metadata.stage?.value, to.metadata.stage?.value),
                ("status", from.metadata.status?.value.rawValue, to.metadata.status?.value.rawValue),
            ]
            for (name, a, b) in fields where a != b {
                let grade: ModelChange.Grade = name == "status" && b == "retired" ? .warning : .info
                changes.append(ModelChange(grade, "playbook \(path)", "playbook-changed", "the \(name) of '\(to.title)' changed", before: a, after: b))
            }
            if from.body != to.body && fields.allSatisfy({ $0.1 == $0.2 }) {
                changes.append(ModelChange(.info, "playbook \(path)", "playbook-changed", "the text of '\(to.title)' changed"))
            }
        }
        return changes
    }

    // MARK: Diagnostics

    /// Problems compared by code, file and message, so that moving lines does not count as a change.
    private func diagnosticChanges(_ base: ModelSnapshot, _ head: ModelSnapshot) -> [ModelChange] {
        func key(_ diagnostic: Diagnostic) -> String { "\(diagnostic.code) \(diagnostic.location.path) \(diagnostic.message)" }
        let before = Set(base.diagnostics.map(key)), after = Set(head.diagnostics.map(key))
        let introduced = head.diagnostics.filter { !before.contains(key($0)) }
        let fixed = base.diagnostics.filter { !after.contains(key($0)) }
        return introduced.map { diagnostic in
            let grade: ModelChange.Grade = diagnostic.severity == .error ? .breaking : diagnostic.severity == .warning ? .warning : .info
            return ModelChange(grade, "file \(diagnostic.location.path)", "diagnostic-introduced",
                               "new \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)", after: diagnostic.location.description)
        } + fixed.map { diagnostic in
            ModelChange(.info, "file \(diagnostic.location.path)", "diagnostic-fixed",
                        "fixed \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)", before: diagnostic.location.description)
        }
    }
}
