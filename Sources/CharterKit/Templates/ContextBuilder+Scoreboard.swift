extension ContextBuilder {
    /// The anchor of a measure on its strategy's page.
    static func measureAnchor(_ strategy: Strategy, _ report: Strategy.Report) -> String {
        let index = strategy.reporting.firstIndex(of: report) ?? 0
        return "measure-\(index + 1)"
    }

    /// The site's band, for measures without their own.
    var measureBand: Double { site.configuration.measureBand }

    /// A strategy's measure: on pages that gather measures of several strategies, named with its
    /// strategy, and its id kept apart by the strategy's ID.
    func measureView(_ report: Strategy.Report, of strategy: Strategy, from path: String, showStrategy: Bool = false) -> MeasureView {
        measureView(report, anchor: (showStrategy ? strategy.id + "-" : "") + Self.measureAnchor(strategy, report),
                    strategy: showStrategy ? strategyLink(strategy.id, from: path) : nil, objective: nil)
    }

    /// An objective's own measure; named with its objective on pages that gather measures.
    func measureView(_ report: Strategy.Report, of objective: BusinessObjective, from path: String, showObjective: Bool = false) -> MeasureView {
        let index = (objective.measures.firstIndex(of: report) ?? 0) + 1
        return measureView(report, anchor: (showObjective ? objective.id.value + "-" : "") + "outcome-\(index)", strategy: nil,
                           objective: showObjective ? link(objective.displayName, to: SitePaths.objective(objective.id.value), from: path) : nil)
    }

    /// A measure's view: a judged one with its chart and numbers, one whose target is in words
    /// as "not judged".
    func measureView(_ report: Strategy.Report, anchor: String, strategy: LinkView?, objective: LinkView?) -> MeasureView {
        let unit = report.unit?.value
        let name = report.measure?.value ?? report.method?.value ?? l.text("strategy.measure")
        guard let progress = MeasureProgress.evaluate(report, today: today, band: measureBand), let targetDate = progress.target.date else {
            let status = MeasureProgress.Status.notJudged
            let target = report.target?.value
            return MeasureView(
                anchor: anchor, measure: name, strategy: strategy, objective: objective,
                status: statusText(status), statusClass: status.cssClass, icon: status.icon, isOffTrack: false, needsAttention: false,
                target: target ?? l.text("common.noneLower"),
                summary: target.map { l.text("measure.notJudged", ["measure": name, "target": $0]) }
                    ?? l.text("measure.notJudgedNoTarget", ["measure": name]),
                chart: "", rows: [])
        }
        let value = { (number: Double) in self.l.value(number, unit: unit, decimals: progress.decimals) }
        let target = l.text("measure.by", ["value": value(progress.target.value), "date": l.date(targetDate)])
        var sentence = l.text("measure.sentence.target", ["measure": name, "target": target])
        if let start = progress.start, let date = start.date {
            sentence += l.text("measure.sentence.from", ["value": value(start.value), "date": l.date(date)])
        }
        if let latest = progress.latest, let date = latest.date {
            sentence += l.text("measure.sentence.latest", ["value": value(latest.value), "date": l.date(date)])
            if let expected = progress.expected, progress.status != .reached {
                sentence += l.text("measure.sentence.expected", ["value": value(expected)])
            }
        }
        sentence += l.text("measure.sentence.status", ["status": statusText(progress.status)])
        var rows: [MeasureView.Row] = []
        if let baseline = report.baseline {
            rows.append(.init(kind: l.text("measure.baseline"), date: (baseline.date ?? progress.start?.date).map(l.date) ?? "", value: value(baseline.value)))
        }
        rows += report.results.map { .init(kind: l.text("measure.result"), date: $0.date.map(l.date) ?? "", value: value($0.value)) }
        rows.append(.init(kind: l.text("measure.targetRow"), date: l.date(targetDate), value: value(progress.target.value)))
        return MeasureView(
            anchor: anchor,
            measure: name,
            strategy: strategy,
            objective: objective,
            status: statusText(progress.status),
            statusClass: progress.status.cssClass,
            icon: progress.status.icon,
            isOffTrack: progress.status == .offTrack || progress.status == .overdue,
            needsAttention: progress.status.needsAttention,
            target: target,
            summary: sentence,
            chart: MeasureChart.svg(progress, results: report.results, id: anchor + "-chart", title: sentence),
            rows: rows)
    }

    /// "4 measures: 1 off track, 1 at risk, 2 not judged", in the order of the statuses; nil
    /// without measures.
    func measureCounts(_ reports: [Strategy.Report]) -> String? {
        measureCounts(reports.map { MeasureProgress.status(of: $0, today: today, band: measureBand) })
    }

    /// The same, from statuses already worked out.
    func measureCounts(_ statuses: [MeasureProgress.Status]) -> String? {
        guard !statuses.isEmpty else { return nil }
        let order: [MeasureProgress.Status] = [.overdue, .offTrack, .atRisk, .noRecentData, .onTrack, .reached, .noResults, .notJudged]
        let parts = order.compactMap { status -> String? in
            let count = statuses.filter { $0 == status }.count
            return count == 0 ? nil : l.count("measureStatusCount.\(status.key)", count)
        }
        return l.count("measures.count", statuses.count, ["statuses": parts.joined(separator: l.text("list.separator"))])
    }

    /// A measure's status in the site's language ("off track").
    func statusText(_ status: MeasureProgress.Status) -> String { l.text("measureStatus.\(status.key)") }

    /// The budgets of some resources added up, and those written as text.
    func funding(_ resources: [Strategy.Resource]) -> (totals: [String], other: [String]) {
        let budgets = resources.filter { $0.kind?.value == .budget }
        return (Money.totals(budgets.compactMap(\.money)).map(l.money),
                budgets.filter { $0.money == nil }.compactMap { $0.amount?.value })
    }

    /// The index of the objectives register.
    func objectivesContext() -> PageContext {
        let path = SitePaths.objectives
        let allocations = Allocation.of(site)
        let sections = site.objectives.map { objective in
            let funding = Money.totals(allocations.filter { $0.objective == objective.id.value }.compactMap(\.amount)).map(l.money)
            return ListingView.Section(
                anchor: objective.id.value, title: objective.displayName, summary: objective.description?.value,
                items: [link(l.text("objectives.details"), to: SitePaths.objective(objective.id.value), from: path,
                             detail: funding.isEmpty ? nil : l.text("objectives.fundedWith", ["amounts": l.list(funding)]))]
                    + site.strategyModels.filter { $0.servedObjectiveIDs.contains(objective.id.value) }
                        .map { strategyLink($0.id, from: path, detail: l.text("objectives.servesIt")) })
        }
        // The organisation's budgets in all, counted once each.
        let budgets = site.strategyModels.flatMap { $0.budgets.compactMap(\.money) }
        let total = Money.totals(budgets).map(l.money)
        var context = frame(pageView(title: l.text("strategy.objectives"), kind: "listing", path: path,
                                     description: l.text("objectives.description")
                                        + (total.isEmpty ? "" : " " + l.text("objectives.budgets", ["amounts": l.list(total)]))))
        context.listing = ListingView(sections: sections)
        return context
    }

    /// One objective's page.
    func context(forObjective objective: BusinessObjective) -> PageContext {
        let id = objective.id.value
        let path = SitePaths.objective(id)
        var strategies: [LinkView] = []
        var methods: [ObjectiveView.Method] = []
        var measures: [MeasureView] = []
        var textBudgets: [Strategy.Resource] = []
        for strategy in site.strategyModels where strategy.servedObjectiveIDs.contains(id) {
            strategies.append(strategyLink(strategy.id, from: path))
            let serving = strategy.methodsServing(id)
            let methodIDs = Set(serving.map(\.id.value))
            methods += serving.map { method in
                .init(title: method.title?.value ?? method.id.value, strategy: strategyLink(strategy.id, from: path),
                      url: LinkResolver.href(to: SitePaths.strategy(strategy.id), fragment: "method-\(method.id.value)", from: path))
            }
            measures += strategy.reporting.filter { $0.method.map { methodIDs.contains($0.value) } ?? false }
                .map { measureView($0, of: strategy, from: path, showStrategy: true) }
            // Budgets written as text cannot be shared out; they are listed as written.
            for resource in strategy.budgets where resource.money == nil
                && resource.methods.contains(where: { methodIDs.contains($0.value) }) && !textBudgets.contains(resource) {
                textBudgets.append(resource)
            }
        }
        let allocations = Allocation.of(site).filter { $0.objective == id }
        let totals = Money.totals(allocations.compactMap(\.amount)).map(l.money)
        let spent = spending(allocations)
        let (_, value, returnText) = worth(of: objective, allocations: allocations)
        let view = ObjectiveView(
            id: id, description: html(objective.description), owner: objective.owner.map { teamLink($0.value, from: path) },
            strategies: strategies, methods: methods,
            outcomes: objective.measures.map { measureView($0, of: objective, from: path) }, measures: measures,
            funding: totals, otherFunding: textBudgets.compactMap { $0.amount?.value },
            allocations: allocations.map { allocation in
                let strategy = site.strategyModels.first { $0.id == allocation.strategy }
                return ObjectiveView.Share(
                    amount: allocation.amount.map(l.money) ?? "",
                    share: l.formats.percent(allocation.share * 100, decimals: 0),
                    budget: LinkView(title: l.text("objective.budgetOf", [
                        "budget": ModelBuilder.title(fromFileName: allocation.resource.id.value), "strategy": strategy?.displayName ?? allocation.strategy]),
                                     url: LinkResolver.href(to: SitePaths.strategy(allocation.strategy),
                                                            fragment: Self.resourceAnchor(allocation.resource.id.value), from: path)),
                    methods: l.list(allocation.methods),
                    spent: allocation.spent.map { spent in
                        l.text("objective.spentBy", [
                            "amount": l.amount(spent.value.rounded(), currency: allocation.resource.money!.currency),
                            "date": spent.date.map(l.date) ?? ""])
                    })
            },
            spent: spent.map(\.text), worth: objective.worth.map(l.worth), value: value, returnOnSpend: returnText,
            isServed: !strategies.isEmpty)
        var context = frame(pageView(title: objective.displayName, kind: "objective", path: path,
                                     description: objective.description?.value, sourcePath: objective.sourcePath))
        context.breadcrumbs.append(link(l.text("strategy.objectives"), to: SitePaths.objectives, from: path))
        context.objective = view
        return context
    }

    /// What the allocations have spent, added up by currency, as of the latest record of each.
    func spending(_ allocations: [Allocation]) -> [(currency: String, amount: Double, text: String)] {
        var sums: [String: (amount: Double, date: CalendarDate)] = [:]
        for allocation in allocations {
            guard let money = allocation.resource.money, let spent = allocation.spent, let date = spent.date else { continue }
            let sum = sums[money.currency]
            sums[money.currency] = ((sum?.amount ?? 0) + spent.value, max(sum?.date ?? date, date))
        }
        return sums.keys.sorted().map { currency in
            let sum = sums[currency]!
            return (currency, sum.amount, l.text("objective.amountBy", ["amount": l.amount(sum.amount.rounded(), currency: currency), "date": l.date(sum.date)]))
        }
    }

    /// What an objective is worth so far, with how that was worked out, and the return on what
    /// was spent on it: for a worth per unit, the units its first outcome measure gained since its
    /// start; for a worth a year, what reaching it would return against its yearly budget.
    /// `allocations` are the objective's shares of the budgets; the value to date comes in a few
    /// words ("value GBP 53,550 to date"), and in full with its return.
    func worth(of objective: BusinessObjective, allocations: [Allocation])
        -> (short: String?, value: String?, returnOnSpend: String?) {
        guard let worth = objective.worth else { return (nil, nil, nil) }
        let amount = { (value: Double) in self.l.amount(value.rounded(), currency: worth.currency) }
        let worthText = l.worth(worth)
        if worth.isYearly {
            let yearly = Money.totals(allocations.compactMap(\.amount))
                .first { $0.currency == worth.currency && $0.period == "year" }
            guard let yearly, yearly.amount > 0 else { return (nil, nil, nil) }
            let ratio = l.number(worth.amount / yearly.amount, decimals: 1)
            return (l.text("worth.onceReached", ["worth": worthText]), nil,
                    l.text("worth.returnOnceReached", ["ratio": ratio, "budget": l.money(yearly), "worth": worthText]))
        }
        guard let report = objective.measures.first, let progress = MeasureProgress.evaluate(report, today: today, band: measureBand),
              let start = progress.start, let latest = progress.latest, let since = start.date
        else { return (nil, l.text("worth.noneYet"), nil) }
        let gained = progress.isDecreasing ? start.value - latest.value : latest.value - start.value
        let value = gained * worth.amount
        let unit = report.unit?.value
        let text = l.text("worth.toDate", [
            "amount": amount(value), "gained": l.value(gained, unit: unit, decimals: progress.decimals), "date": l.date(since), "worth": worthText])
        let short = l.text("worth.short", ["amount": amount(value)])
        guard let cost = spending(allocations).first(where: { $0.currency == worth.currency }), cost.amount > 0 else { return (short, text, nil) }
        let ratio = l.number(value / cost.amount, decimals: 1)
        return (l.text("worth.shortWithReturn", ["short": short, "ratio": ratio]), text, l.text("worth.return", ["ratio": ratio, "spent": cost.text]))
    }

    /// Every measure of the site that needs somebody to act (overdue, off track, at risk, no
    /// recent data), for the health page.
    func measuresNeedingAttention(from path: String) -> [MeasureView] {
        let strategies = site.strategyModels.flatMap { strategy in
            strategy.reporting.map { measureView($0, of: strategy, from: path, showStrategy: true) }
        }
        let objectives = site.objectives.flatMap { objective in
            objective.measures.map { measureView($0, of: objective, from: path, showObjective: true) }
        }
        return (strategies + objectives).filter(\.needsAttention)
    }
}

/// Draws a measure's progress as a small SVG: the planned line from start to target dashed,
/// the results as a solid line with dots, and the target marked. It uses the text colour
/// only, with dashes and dots rather than hues, so it reads in print and in both themes.
enum MeasureChart {
    static let width = 320.0
    static let height = 120.0
    static let left = 8.0, right = 8.0, top = 14.0, bottom = 18.0

    static func svg(_ progress: MeasureProgress, results: [Reading], id: String, title: String) -> String {
        let target = progress.target
        let dated = results.filter { $0.date != nil }
        let points = ([progress.start, target].compactMap { $0 } + dated).filter { $0.date != nil }
        // A target alone, with no start and no result, draws nothing worth a chart.
        guard points.count > 1, let first = points.map({ $0.date! }).min(), let last = points.map({ $0.date! }).max() else { return "" }
        let span = max(1, MeasureProgress.days(from: first, to: last))
        let values = points.map(\.value)
        var low = values.min()!, high = values.max()!
        if low == high { low -= 1; high += 1 }
        let padding = (high - low) * 0.1
        low -= padding
        high += padding
        func x(_ date: CalendarDate) -> Double { left + (width - left - right) * MeasureProgress.days(from: first, to: date) / span }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (high - value) / (high - low) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<svg class=\"measure-chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        out += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        // The baseline of the axis and the dates at its ends.
        out += "<line x1=\"\(number(left))\" y1=\"\(number(height - bottom))\" x2=\"\(number(width - right))\" y2=\"\(number(height - bottom))\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/>"
        out += "<text x=\"\(number(left))\" y=\"\(number(height - 4))\" font-size=\"10\" fill=\"currentColor\">\(first)</text>"
        out += "<text x=\"\(number(width - right))\" y=\"\(number(height - 4))\" font-size=\"10\" fill=\"currentColor\" text-anchor=\"end\">\(last)</text>"
        if let start = progress.start, let startDate = start.date, let targetDate = target.date {
            out += "<line class=\"plan\" x1=\"\(number(x(startDate)))\" y1=\"\(number(y(start.value)))\" x2=\"\(number(x(targetDate)))\" y2=\"\(number(y(target.value)))\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
        }
        if let targetDate = target.date {
            let tx = x(targetDate), ty = y(target.value)
            out += "<rect class=\"target\" x=\"\(number(tx - 4))\" y=\"\(number(ty - 4))\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/>"
        }
        if !dated.isEmpty {
            let line = dated.map { "\(number(x($0.date!))),\(number(y($0.value)))" }.joined(separator: " ")
            out += "<polyline class=\"results\" points=\"\(line)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\"/>"
            for result in dated {
                out += "<circle cx=\"\(number(x(result.date!)))\" cy=\"\(number(y(result.value)))\" r=\"3.5\" fill=\"currentColor\"/>"
            }
        }
        out += "</svg>"
        return out
    }
}
