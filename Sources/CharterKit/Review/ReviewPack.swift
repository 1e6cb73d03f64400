/// The pack a strategy team reads before its quarterly review: what moved between two versions
/// of the site. Stage changes, measures whose status changed, results recorded in the period,
/// budgets, assessments that fell due, and objectives that got no new evidence.
public struct ReviewPack: Sendable {
    /// One side of the period: the site as it was, the day it is judged on, and its name
    /// ("2026-07-01", "v1.2", "the working tree").
    public struct Side: Sendable {
        public var site: Site
        public var day: CalendarDate
        public var label: String

        /// Creates a side.
        public init(site: Site, day: CalendarDate, label: String) {
            self.site = site
            self.day = day
            self.label = label
        }
    }

    public var from: Side
    public var to: Side

    /// "Customer community: Presence → Engagement (current)".
    public var stageChanges: [String] = []
    /// "Customer community: Questions answered within a day: on track → at risk".
    public var statusChanges: [String] = []
    /// "Customer community: Questions answered within a day: 66% on 2026-09-30".
    public var newResults: [String] = []
    /// "Customer community: GBP 95,000 a year (was GBP 80,000 a year)".
    public var budgets: [String] = []
    /// "Storm-ready streets: assessed on 2025-10-14 (due since 2026-10-14)".
    public var assessmentsDue: [String] = []
    /// "Fewer avoidable calls".
    public var objectivesWithoutEvidence: [String] = []

    /// Compares the two sides.
    public init(from: Side, to: Side) {
        self.from = from
        self.to = to
        let before = Dictionary(from.site.strategyModels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let framework = to.site.framework
        func stageName(_ id: String?) -> String { id.map { framework.stage($0)?.name ?? $0 } ?? "none" }

        for strategy in to.site.strategyModels {
            let name = strategy.displayName
            let old = before[strategy.id]
            // Stages.
            for (what, was, now) in [("current", old?.maturity?.current?.value, strategy.maturity?.current?.value),
                                     ("target", old?.maturity?.target?.value, strategy.maturity?.target?.value)]
            where old != nil && Framework.normalise(was ?? "") != Framework.normalise(now ?? "") {
                stageChanges.append("\(name): \(stageName(was)) → \(stageName(now)) (\(what))")
            }
            if old == nil { stageChanges.append("\(name): new, at \(stageName(strategy.maturity?.current?.value))") }
            // Measures, matched by method and name.
            let oldReports = Dictionary((old?.reporting ?? []).map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for report in strategy.reporting {
                record(report, was: oldReports[Self.key(report)], owner: name)
            }
            // Budgets.
            let now = Money.totals(strategy.budgets.compactMap(\.money)).map(\.description)
            let was = Money.totals((old?.budgets ?? []).compactMap(\.money)).map(\.description)
            if !now.isEmpty || !was.isEmpty {
                let total = now.isEmpty ? "no budget" : now.joined(separator: ", ")
                let previous = was.isEmpty ? "no budget" : was.joined(separator: ", ")
                budgets.append("\(name): \(total)" + (now == was || old == nil ? "" : " (was \(previous))"))
            }
            // Assessments that are due on the last day.
            if let assessment = strategy.assessment, let made = assessment.assessedOn?.value {
                let due = made.adding(to.site.configuration.assessmentMaxAge)
                if due < to.day {
                    assessmentsDue.append("\(name): assessed on \(made), due for re-assessment since \(due)"
                                          + (due < from.day ? "" : " (fell due in the period)"))
                }
            }
        }
        let oldObjectives = Dictionary(from.site.objectives.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for objective in to.site.objectives {
            let old = oldObjectives[objective.id.value]
            let oldReports = Dictionary((old?.measures ?? []).map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for report in objective.measures {
                record(report, was: oldReports[Self.key(report)], owner: "objective \(objective.displayName)")
            }
        }
        // Objectives without evidence: served, but no measure of their own or of a method that
        // names them got a result dated in the period.
        let start = from.day
        func isNew(_ report: Strategy.Report) -> Bool { report.results.contains { ($0.date.map { $0 > start && $0 <= to.day }) ?? false } }
        for objective in to.site.objectives {
            let id = objective.id.value
            let serving = to.site.strategyModels.filter { $0.servedObjectiveIDs.contains(id) }
            guard !serving.isEmpty else { continue }
            let methods = serving.flatMap { $0.reportsOfMethods(naming: id) }
            if !(objective.measures + methods).contains(where: isNew) {
                objectivesWithoutEvidence.append(objective.displayName)
            }
        }
    }

    /// Notes a measure's status change and its results dated in the period.
    private mutating func record(_ report: Strategy.Report, was old: Strategy.Report?, owner: String) {
        let measure = report.measure?.value ?? report.method?.value ?? "a measure"
        let unit = report.unit?.value
        let progress = MeasureProgress.evaluate(report, today: to.day, band: to.site.configuration.measureBand)
        let now = progress?.status ?? .notJudged
        let then = old.map { MeasureProgress.status(of: $0, today: from.day, band: from.site.configuration.measureBand) }
        if then != now {
            statusChanges.append("\(owner): \(measure): \(then?.rawValue ?? "new") → \(now.rawValue)")
        }
        let decimals = progress?.decimals ?? 2
        for result in report.results {
            guard let date = result.date, date > from.day, date <= to.day else { continue }
            newResults.append("\(owner): \(measure): \(NumberText.format(result.value, unit: unit, decimals: decimals)) on \(date)")
        }
    }

    private static func key(_ report: Strategy.Report) -> String {
        "\(report.method?.value ?? "")\u{1F}\(report.measure?.value ?? "")"
    }

    /// The pack as Markdown, for a pull request, an email, or a page of the site (with front
    /// matter when `asPage`, so that a build publishes it).
    public func markdown(asPage: Bool = false) -> String {
        let title = "Review: \(from.label) to \(to.label)"
        var out = ""
        if asPage {
            out += "---\ntitle: \"\(title)\"\ndescription: What moved in the strategies from \(from.day) to \(to.day).\n---\n"
        } else {
            out += "# \(title)\n\n"
        }
        out += "From \(from.day) to \(to.day): measures are judged as of each day.\n"
        func section(_ heading: String, _ lines: [String], none: String) {
            out += "\n## \(heading)\n\n"
            out += lines.isEmpty ? "\(none)\n" : lines.map { "- \(Self.escape($0))\n" }.joined()
        }
        section("Stage changes", stageChanges, none: "No strategy changed its current or target stage.")
        section("Measures that changed status", statusChanges, none: "No measure changed its status.")
        section("New results", newResults, none: "No result was recorded for the period.")
        section("Budgets", budgets, none: "No strategy has a budget.")
        section("Assessments due", assessmentsDue, none: "No assessment is due.")
        section("Objectives without new evidence", objectivesWithoutEvidence,
                none: "Every objective that strategies serve has a new result for one of its measures.")
        return out
    }

    /// Text from the site's files, made safe as Markdown text: no markup, links or HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
