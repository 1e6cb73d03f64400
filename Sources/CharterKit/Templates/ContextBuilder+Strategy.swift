extension ContextBuilder {
    func context(for strategy: Strategy) -> PageContext {
        let path = SitePaths.strategy(strategy.id)
        let framework = site.framework
        func focusLink(_ name: Located<String>) -> LinkView {
            let entry = framework.focusArea(name.value)
            return link(entry?.name ?? name.value, to: SitePaths.focusAreas, from: path, fragment: entry?.id)
        }
        func programView(_ program: Strategy.Program) -> StrategyView.Program {
            let kinds = program.kinds.compactMap { framework.programKind($0.value) }
            return StrategyView.Program(
                anchor: SitePaths.programAnchor(program.id.value),
                title: program.title?.value ?? program.id.value,
                kinds: kinds.map { link($0.name, to: SitePaths.programKinds, from: path, fragment: $0.id) },
                owner: program.owner.map { teamLink($0.value, from: path) },
                runByMarket: program.owner == nil && !evaluator.takesPart(in: program),
                method: program.method?.value,
                community: program.community.map { l.text("community.\($0.value.rawValue)") },
                description: html(program.description))
        }
        let validation = evaluator.context
        func playbookLinks(_ references: [Located<String>]) -> [LinkView] {
            references.compactMap { reference in
                if let contentPath = validation.playbookPath(reference.value, fromFile: "strategies/\(strategy.id).yaml"),
                   let page = validation.playbooks[contentPath] {
                    return pageLink(page, from: path)
                }
                guard LinkResolver.scheme(of: reference.value[...]) != nil else { return nil }
                return LinkView(title: reference.value, url: reference.value)
            }
        }
        let methods = strategy.methods.map { method in
            StrategyView.Method(
                id: method.id.value,
                title: method.title?.value ?? method.id.value,
                description: html(method.description),
                objectives: method.objectives.map(\.value),
                answers: method.answers.compactMap { reference in
                    strategy.assessment?.finding(reference.value).map { finding in
                        LinkView(title: finding.text.value, url: "#" + Self.findingAnchor(reference.value))
                    }
                },
                programs: strategy.programs.filter { $0.method?.value == method.id.value }.map(programView),
                playbooks: playbookLinks(method.playbooks),
                reports: strategy.reporting.filter { $0.method?.value == method.id.value }.map { report in
                    let progress = measureView(report, of: strategy, from: path)
                    return StrategyView.Report(success: html(report.success), measure: report.measure?.value,
                                               target: report.target?.value ?? progress.target, tool: report.tool?.value,
                                               progress: progress)
                },
                resources: strategy.resources.filter { $0.methods.contains { $0.value == method.id.value } }.map { resource in
                    LinkView(title: ModelBuilder.title(fromFileName: resource.id.value), url: "#" + Self.resourceAnchor(resource.id.value))
                })
        }
        let assessment = strategy.assessment.map { assessment in
            func findings(_ list: [Strategy.Finding]) -> [StrategyView.Finding] {
                list.map { finding in
                    let answeredBy = finding.id.map { id in
                        strategy.methods.filter { $0.answers.contains { $0.value == id.value } }.map { method in
                            LinkView(title: method.title?.value ?? method.id.value, url: "#method-" + method.id.value)
                        }
                    } ?? []
                    return StrategyView.Finding(anchor: finding.id.map { Self.findingAnchor($0.value) }, text: finding.text.value,
                                                kind: finding.kind.rawValue, answeredBy: answeredBy)
                }
            }
            let competition = assessment.competition
            return StrategyView.Assessment(
                assessedOn: assessment.assessedOn?.value.description,
                assessedOnText: assessment.assessedOn.map { l.date($0.value) },
                staleNote: evaluator.assessmentIsStale(assessment)
                    ? l.text("strategy.staleAssessment", ["age": interval(evaluator.context.site.configuration.assessmentMaxAge)]) : nil,
                brand: html(assessment.brand), sentiment: html(assessment.customerSentiment),
                needs: findings(assessment.needs), frustrations: findings(assessment.frustrations),
                excitements: findings(assessment.excitements), partners: html(assessment.partners),
                competition: html(competition?.summary), competitionBrand: html(competition?.brand),
                competitionCustomers: html(competition?.customers), competitionPartners: html(competition?.partners),
                sources: assessment.sources.map(\.value))
        }
        let claimed = strategy.maturity?.current.flatMap { framework.stageIndex($0.value) }
        let supported = evaluator.supportedStage(for: strategy)
        let gaps = evaluator.gaps(for: strategy).map { gap in
            StrategyView.Gap(stage: link(gap.stage.name, to: SitePaths.stage(gap.stage.id), from: path), unmet: gap.unmet.map { unmetText($0, of: strategy) })
        }
        let health = healthChecks(for: strategy)
        let allocations = Allocation.of(site)
        let scoreboard = strategy.reporting.map { measureView($0, of: strategy, from: path) }
        let view = StrategyView(
            id: strategy.id,
            status: strategy.status?.value.rawValue,
            statusText: strategy.status.map { l.text("status.\($0.value.rawValue)") },
            owner: strategy.owner.map { teamLink($0.value, from: path) },
            sponsor: strategy.sponsor?.value,
            focusAreas: strategy.focusAreas.map(focusLink),
            objectives: strategy.objectives.map { objective in
                let registered = objective.isReference || objective.text == nil
                    ? site.objectives.first { $0.id.value == objective.id.value } : nil
                // This strategy's share of its budgets for the objective, and what the objective is worth so far.
                let shares = allocations.filter { $0.objective == objective.id.value }
                let funding = Money.totals(shares.filter { $0.strategy == strategy.id }.compactMap(\.amount)).map(l.money)
                let value = registered.flatMap { worth(of: $0, allocations: shares).short }
                let detail = ((funding.isEmpty ? [] : [l.text("strategy.ofItsBudgets", ["amounts": l.list(funding)])]) + [value].compactMap { $0 })
                return .init(id: objective.id.value, text: html(objective.text) ?? registered.map { HTMLText.escape($0.displayName) },
                             link: registered.map { link($0.displayName, to: SitePaths.objective($0.id.value), from: path) },
                             detail: detail.isEmpty ? nil : detail.joined(separator: l.text("list.semicolon")))
            },
            assessment: assessment,
            coCreators: strategy.coCreators.map { coCreator($0, of: strategy, from: path) },
            exchanges: exchanges(of: strategy, from: path),
            goal: html(strategy.goal),
            mission: html(strategy.mission),
            customerBenefits: (strategy.benefits?.customer ?? []).compactMap { html($0) },
            companyBenefits: (strategy.benefits?.company ?? []).compactMap { html($0) },
            methods: methods,
            resources: strategy.resources.map { resource in
                .init(id: resource.id.value, title: ModelBuilder.title(fromFileName: resource.id.value),
                      anchor: Self.resourceAnchor(resource.id.value),
                      kind: resource.kind.map { l.text("resourceKind.\($0.value.rawValue)") }, description: html(resource.description),
                      amount: resource.money.map(l.money) ?? resource.amount?.value, methods: resource.methods.map(\.value))
            },
            programs: strategy.programs.map(programView),
            communicationInternal: strategy.communication?.internalCadence?.value,
            communicationExternal: strategy.communication?.externalCadence?.value,
            presences: strategy.presences.map { .init(name: $0.name.value, channel: $0.channel, url: $0.url) },
            supportContent: playbookLinks(strategy.supportContent),
            currentStage: strategy.maturity?.current.flatMap { stageLink($0.value, from: path) },
            supportedStage: supported.map { link(framework.stages[$0].name, to: SitePaths.stage(framework.stages[$0].id), from: path) },
            claimsMoreThanSupported: claimed.map { $0 > (supported ?? -1) } ?? false,
            targetStage: aheadTarget(of: strategy).flatMap { stageLink($0, from: path) },
            ladder: ladder(for: strategy, from: path, playbookLinks: playbookLinks),
            convergence: attestation(of: strategy, from: path),
            gaps: gaps,
            gapHeadline: gapHeadline(gaps.reduce(0) { $0 + $1.unmet.count }, to: strategy.maturity?.target.flatMap { framework.stage($0.value) }?.name),
            matrix: matrix(for: [strategy], from: path),
            risks: strategy.risks.map { risk in
                .init(title: risk.title?.value ?? l.text("strategy.risk"), owner: risk.owner.map { teamLink($0.value, from: path) },
                      mitigation: html(risk.mitigation), escalation: html(risk.escalation))
            },
            narrative: content.narratives[strategy.id]?.html,
            playbooks: playbooks(from: path) { $0.strategy?.value == strategy.id },
            health: health,
            isHealthy: health.allSatisfy(\.ok),
            funding: funding(strategy.resources).totals,
            spent: spending(strategy.budgets.filter { $0.money != nil }.map {
                Allocation(strategy: strategy.id, resource: $0, objective: "", share: 1, methods: [])
            }).map(\.text),
            scoreboard: scoreboard,
            offTrack: scoreboard.filter(\.isOffTrack).count,
            measureCounts: measureCounts(strategy.reporting))
        var page = pageView(title: strategy.displayName, kind: "strategy", path: path,
                            description: strategy.goal?.value, sourcePath: strategy.sourcePath)
        // In the order of the page: the summary, then why, then what and how, then who and what could go wrong.
        // The assessment comes before the canvas: the framework sets objectives only after it.
        var sections = ["assessment", "canvas", "methods", "maturity", "responsibilities", "risks"].map { ($0, l.text("strategy.toc.\($0)")) }
        if view.narrative != nil { sections.insert(("narrative", l.text("strategy.toc.narrative")), at: 0) }
        if !view.playbooks.isEmpty { sections.append(("playbooks", l.text("strategy.toc.playbooks"))) }
        page.toc = sections.map { TOCEntry(level: 2, text: $0.1, url: "#\($0.0)") }
        page.hasTOC = true
        var context = frame(page)
        context.strategy = view
        return context
    }

    static func resourceAnchor(_ id: String) -> String { "resource-" + id }

    /// The id of an assessment finding's list item, which methods that answer it link to.
    static func findingAnchor(_ id: String) -> String { "finding-" + id }

    /// The strategy's target stage, unless it is already there: "Formalised → Formalised" says nothing.
    func aheadTarget(of strategy: Strategy) -> String? {
        guard let target = strategy.maturity?.target?.value else { return nil }
        let framework = site.framework
        if let current = strategy.maturity?.current?.value, let stage = framework.stage(target),
           framework.stage(current)?.id == stage.id {
            return nil
        }
        return target
    }

    /// "2 criteria to meet to reach Strategic", or nil when there is no gap.
    func gapHeadline(_ unmet: Int, to target: String?) -> String? {
        guard unmet > 0, let target else { return nil }
        return l.count("strategy.gapHeadline", unmet, ["stage": target])
    }

    /// The three reasons strategies fail, checked for one strategy.
    func healthChecks(for strategy: Strategy) -> [StrategyView.Check] {
        let missing = strategy.missingElements
        let governor = evaluator.governor(of: strategy)
        let budgets = strategy.budgets
        let governance = site.framework.responsibility("governance")?.name ?? "Governance"
        return [
            .init(name: l.text("health.defined"), ok: missing.isEmpty,
                  detail: missing.isEmpty ? l.text("health.allElements")
                      : l.text("health.missingElements", ["elements": l.list(missing.map { name in
                          site.framework.elements.first { $0.id == Framework.normalise(name) || $0.name == name }?.name ?? name })])),
            .init(name: l.text("health.governed"), ok: governor != nil, detail: governor.map { governor in
                      let name = evaluator.context.teams[governor.team].flatMap { titles[$0.pagePath] } ?? governor.team
                      let role = roleName(governor.isAccountable ? "A" : "R")
                      if governor.holdsGovernance { return l.text("health.governs", ["team": name, "role": role, "responsibility": governance]) }
                      let row = site.framework.responsibility(governor.responsibility)?.name ?? governor.responsibility
                      return l.text("health.coordinates", ["team": name, "role": role, "responsibility": row])
                  } ?? l.text("health.ungoverned", ["responsibility": governance])),
            .init(name: l.text("health.funded"), ok: !budgets.isEmpty,
                  detail: budgets.isEmpty ? l.text("objective.noBudget") : { () -> String in
                      let (totals, other) = funding(budgets)
                      return (totals + other).joined(separator: ", ")
                  }()),
        ]
    }

    /// Where an ID a co-creator shaped, or a change answered, points on the strategy's page: an
    /// assessment finding, a method or a program.
    func shapedLink(_ id: String, in strategy: Strategy, from path: String) -> LinkView? {
        let page = SitePaths.strategy(strategy.id)
        if let finding = strategy.assessment?.finding(id) {
            return link(finding.text.value, to: page, from: path, fragment: Self.findingAnchor(id), detail: l.text("strategy.shapedKind.finding"))
        }
        if let method = strategy.methods.first(where: { $0.id.value == id }) {
            return link(method.title?.value ?? id, to: page, from: path, fragment: "method-" + id, detail: l.text("strategy.shapedKind.method"))
        }
        if let program = strategy.programs.first(where: { $0.id.value == id }) {
            return link(program.title?.value ?? id, to: page, from: path, fragment: SitePaths.programAnchor(id), detail: l.text("strategy.shapedKind.program"))
        }
        return nil
    }

    /// A link to the external party an ID names; nil when it names none (a team, or words).
    func partyLink(_ id: Located<String>?, from path: String) -> LinkView? {
        id.flatMap { evaluator.context.teams[$0.value]?.isExternal == true ? teamLink($0.value, from: path) : nil }
    }

    func coCreator(_ record: Strategy.CoCreator, of strategy: Strategy, from path: String) -> StrategyView.CoCreator {
        let party = partyLink(record.party, from: path)
        let period: String? = switch (record.from?.value, record.to?.value) {
        case let (from?, to?): l.text("strategy.period.between", ["from": l.date(from), "to": l.date(to)])
        case let (from?, nil): l.text("strategy.period.from", ["from": l.date(from)])
        case let (nil, to?): l.text("strategy.period.until", ["to": l.date(to)])
        case (nil, nil): nil
        }
        let signOff: String? = switch record.signedOff {
        case .yes(let day?): l.text("strategy.signedOffOn", ["date": l.date(day.value)])
        case .yes(nil): l.text("strategy.signedOff")
        case .no: l.text("strategy.notSignedOff")
        case nil: nil
        }
        return .init(
            name: party?.title ?? record.name.value, kind: record.kind.map { l.has("partyKind.\($0)") ? l.text("partyKind.\($0)") : $0 }, party: party, segment: record.segment?.value, period: period,
            shaped: record.shaped.compactMap { shapedLink($0.value, in: strategy, from: path) },
            contribution: record.contribution?.value, signOff: signOff,
            signedOff: { if case .yes = record.signedOff { return true } else { return false } }())
    }

    /// Log entries newest request first; entries of the same day keep their order.
    static func newestFirst(_ entries: [ExchangeView]) -> [ExchangeView] {
        entries.enumerated().sorted { a, b in
            let (x, y) = (a.element.on ?? "", b.element.on ?? "")
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The strategy's "you said, we did" log, newest request first.
    func exchanges(of strategy: Strategy, from path: String) -> [ExchangeView] {
        Self.newestFirst(strategy.exchanges.map { exchange in
            let party = partyLink(exchange.by, from: path)
            return ExchangeView(
                strategy: strategyLink(strategy.id, from: path), said: exchange.said.value,
                by: party, byText: party == nil ? exchange.by?.value : nil,
                on: exchange.on?.value.description, onText: exchange.on.map { l.date($0.value) },
                did: exchange.did?.value, doneOn: exchange.doneOn?.value.description, doneOnText: exchange.doneOn.map { l.date($0.value) },
                changes: exchange.changes.compactMap { shapedLink($0.value, in: strategy, from: path) }, isOpen: exchange.isOpen)
        })
    }

    /// The site-wide "you said, we did" page: every strategy's log, newest request first.
    func exchangesContext() -> PageContext {
        let path = SitePaths.exchanges
        let entries = Self.newestFirst(site.strategyModels.flatMap { exchanges(of: $0, from: path) })
        var context = frame(pageView(
            title: l.text("exchanges.title"), kind: "exchanges", path: path,
            description: l.text("pages.exchanges.description")))
        let open = entries.filter(\.isOpen).count
        let answered = entries.count - open
        context.exchanges = ExchangesView(
            entries: entries, open: open, answered: answered,
            countsText: l.text("exchanges.counts", ["answered": l.count("exchanges.answered", answered), "open": l.count("exchanges.stillOpen", open)]))
        return context
    }

    /// The strategy's convergence attestation, if it has one.
    func attestation(of strategy: Strategy, from path: String) -> AttestationView? {
        guard let convergence = strategy.maturity?.convergence else { return nil }
        let by = convergence.by.map { teamLink($0.value, from: path) }
        var parts = [HTMLText.escape(l.text("convergence.attested"))]
        if let day = convergence.attestedOn?.value { parts.append(HTMLText.escape(l.text("convergence.onDate", ["date": l.date(day)]))) }
        if let by {
            parts.append(l.html("convergence.by", html: ["team": "<a href=\"\(HTMLText.escape(by.url))\">\(HTMLText.escape(by.title))</a>"]))
        }
        var sentence = parts.joined(separator: " ")
        if let process = convergence.process?.value { sentence += HTMLText.escape(l.text("convergence.process", ["process": process])) }
        sentence += HTMLText.escape(l.text("convergence.end"))
        return AttestationView(
            strategy: strategyLink(strategy.id, from: path),
            by: by,
            date: convergence.attestedOn?.value.description, process: convergence.process?.value, sentence: sentence,
            counts: evaluator.meets(strategy, Criterion(check: .convergenceAttested, summary: "")))
    }

    private func ladder(for strategy: Strategy, from path: String, playbookLinks: ([Located<String>]) -> [LinkView]) -> LadderView {
        let framework = site.framework
        let current = strategy.maturity?.current.flatMap { framework.stageIndex($0.value) }
        let target = strategy.maturity?.target.flatMap { framework.stageIndex($0.value) }
        let steps = framework.stages.enumerated().map { index, stage in
            let state: String
            if index == current { state = "current" } else if let current, index < current { state = "reached" }
            else if let target, index <= target { state = "target" } else { state = "ahead" }
            let evidence = (strategy.maturity?.evidence ?? []).filter { framework.stage($0.stage.value)?.id == stage.id }.flatMap(\.links)
            return LadderView.Step(
                stage: link(stage.name, to: SitePaths.stage(stage.id), from: path),
                state: state, isCurrent: index == current, isTarget: index == target,
                criteria: stage.criteria.map { .init(summary: $0.summary, met: evaluator.meets(strategy, $0)) },
                evidence: playbookLinks(evidence))
        }
        return LadderView(steps: steps)
    }

    /// The matrix of one strategy, or of several added up (the organisation's).
    func matrix(for strategies: [Strategy], from path: String) -> MatrixView {
        let framework = site.framework
        // For each responsibility and team, each letter held and the strategy that gives it.
        var letters: [String: [String: [(letter: String, strategy: String)]]] = [:]
        var teamOrder: [String] = []
        for strategy in strategies {
            for assignment in strategy.assignments {
                guard let id = framework.responsibility(assignment.responsibility.value)?.id else { continue }
                let roles: [(String, [Located<String>])] = [
                    ("A", assignment.accountable), ("R", assignment.responsible), ("C", assignment.consulted), ("I", assignment.informed),
                ]
                for (letter, teams) in roles {
                    for team in teams {
                        if !teamOrder.contains(team.value) { teamOrder.append(team.value) }
                        // The Accountable team listed as Responsible too shows as A.
                        if letter == "R", assignment.accountable.contains(where: { $0.value == team.value }) { continue }
                        letters[id, default: [:]][team.value, default: []].append((letter, strategy.id))
                    }
                }
            }
        }
        guard !letters.isEmpty else { return MatrixView(columns: [], rows: [], spansStrategies: strategies.count > 1) }
        let teams = strategies.count > 1 ? site.teamModels.map(\.id).filter(teamOrder.contains) + teamOrder.filter { id in
            !site.teamModels.contains { $0.id == id }
        } : teamOrder
        let rowsCount = framework.responsibilities.filter { letters[$0.id] != nil }.count
        let columns = teams.map { team -> MatrixView.Column in
            let all = framework.responsibilities.flatMap { letters[$0.id]?[team] ?? [] }.map(\.letter)
            let accountable = all.filter { $0 == "A" }.count
            let rowsAccountable = framework.responsibilities.filter { letters[$0.id]?[team]?.contains { $0.letter == "A" } == true }.count
            // The same test as CH234: a coordination hub or committee may hold every responsibility.
            let coordinates = site.teamModels.first { $0.id == team }?.kind?.value.isCoordinationBody == true
            return .init(team: teamLink(team, from: path), accountable: accountable, responsible: all.filter { $0 == "R" }.count,
                         isOverloaded: !coordinates && rowsCount >= 3 && rowsAccountable * 2 > rowsCount)
        }
        let rows = framework.responsibilities.compactMap { responsibility -> MatrixView.Row? in
            let row = letters[responsibility.id] ?? [:]
            if row.isEmpty && strategies.count == 1 { return nil }
            let cells = teams.map { team -> MatrixView.Cell in
                let held = row[team] ?? []
                let roles = ["A", "R", "C", "I"].compactMap { letter -> MatrixView.Role? in
                    let from = held.filter { $0.letter == letter }.map(\.strategy)
                    guard !from.isEmpty else { return nil }
                    return MatrixView.Role(
                        letter: letter, name: roleName(letter),
                        mark: from.count == 1 || strategies.count == 1 ? letterText(letter) : "\(letterText(letter))×\(from.count)",
                        sources: from.map { link(titles[SitePaths.strategy($0)] ?? $0, to: SitePaths.strategy($0), from: path, fragment: "responsibilities") })
                }
                let marks = roles.map(\.mark)
                let name = site.teamModels.first { $0.id == team }?.displayName ?? team
                return .init(text: marks.joined(separator: " "),
                             style: roles.first.map { "letter-\($0.letter.lowercased())" } ?? "empty",
                             title: held.isEmpty ? nil : l.text("matrix.cellTitle", [
                                 "team": name, "letters": marks.joined(separator: ", "), "responsibility": responsibility.name]),
                             roles: roles,
                             hasDetail: strategies.count > 1 && !held.isEmpty)
            }
            let covered = row.values.contains { $0.contains { $0.letter == "A" || $0.letter == "R" } }
                || strategies.contains { strategy in
                    strategy.assignment(for: responsibility.id, in: framework).map { !$0.accountable.isEmpty || !$0.responsible.isEmpty } ?? false
                }
            return .init(responsibility: link(responsibility.name, to: SitePaths.responsibility(responsibility.id), from: path),
                         cells: cells, isGap: !covered, note: covered ? nil : l.text("matrix.nobodyOwns"))
        }
        return MatrixView(columns: columns, rows: rows, spansStrategies: strategies.count > 1)
    }

    /// A RACI letter's role in the site's language ("Accountable").
    func roleName(_ letter: String) -> String {
        switch letter {
        case "A": l.text("roles.accountable")
        case "R": l.text("roles.responsible")
        case "C": l.text("roles.consulted")
        case "I": l.text("roles.informed")
        default: letter
        }
    }

    /// What an unmet criterion still asks of the strategy, in the site's language: its words,
    /// and for business reach the areas still missing (as `CriterionEvaluator.unmetText` says it
    /// in diagnostics).
    func unmetText(_ criterion: Criterion, of strategy: Strategy) -> String {
        guard criterion.check == .businessReach else { return criterion.summary }
        guard site.configuration.businessAreas.isEmpty else {
            let missing = evaluator.missingBusinessAreas(of: strategy)
            return missing.isEmpty ? criterion.summary
                : l.text("criteria.missingAreas", ["criterion": criterion.summary, "areas": l.list(missing.map(\.name))])
        }
        let minimum = criterion.minimum ?? CriterionCheck.defaultBusinessReach
        return l.text("criteria.countedAreas", [
            "criterion": criterion.summary, "minimum": l.number(Double(minimum)),
            "count": l.number(Double(evaluator.businessAreas(of: strategy).count))])
    }

    /// A span of time in words of the site's language ("12 months").
    func interval(_ interval: ReviewInterval) -> String { l.count("interval.\(interval.unit.rawValue)", interval.count) }

    /// A RACI letter as the site's language writes it.
    func letterText(_ letter: String) -> String { l.text("letters.\(letter.lowercased())") }

    func context(for team: Team) -> PageContext {
        let path = team.pagePath
        let framework = site.framework
        var roles: [TeamView.Role] = []
        var strategies: [LinkView] = []
        for strategy in site.strategyModels {
            var involved = false
            for assignment in strategy.assignments {
                let responsibility = framework.responsibility(assignment.responsibility.value)
                let letters: [(String, [Located<String>])] = [
                    ("A", assignment.accountable), ("R", assignment.responsible), ("C", assignment.consulted), ("I", assignment.informed),
                ]
                guard let letter = letters.first(where: { $0.1.contains { $0.value == team.id } })?.0 else { continue }
                involved = true
                roles.append(.init(
                    strategy: strategyLink(strategy.id, from: path),
                    responsibility: link(responsibility?.name ?? assignment.responsibility.value,
                                         to: SitePaths.responsibility(responsibility?.id ?? ""), from: path),
                    letter: letter, letterText: letterText(letter)))
            }
            if involved { strategies.append(strategyLink(strategy.id, from: path)) }
        }
        let programs = site.strategyModels.flatMap { strategy in
            strategy.programs.filter { $0.owner?.value == team.id }.map { program in
                link(program.title?.value ?? program.id.value, to: SitePaths.strategy(strategy.id), from: path,
                     fragment: SitePaths.programAnchor(program.id.value), detail: strategy.displayName)
            }
        }
        let view = TeamView(
            id: team.id,
            kind: team.partyKind.map { l.text("partyKind.\($0.value.rawValue)") } ?? team.kind.map { l.text("teamKind.\($0.value.rawValue)") },
            isExternal: team.isExternal, url: team.url?.value, segment: team.segment?.value, programs: programs,
            mission: html(team.mission),
            lead: team.lead?.value,
            members: team.members.map { .init(name: $0.name, role: $0.role, separator: $0.name != nil && $0.role != nil ? ", " : nil) },
            contact: team.contact?.value,
            reviewHandle: team.reviewHandle?.value,
            roles: roles,
            strategies: strategies,
            ownedStrategies: site.strategyModels.filter { $0.owner?.value == team.id }.map { strategyLink($0.id, from: path) },
            playbooks: playbooks(from: path) { $0.owner?.value == team.id },
            accountableCount: roles.filter { $0.letter == "A" }.count,
            responsibleCount: roles.filter { $0.letter == "R" }.count)
        var context = frame(pageView(title: team.displayName, kind: "team", path: path, description: team.mission?.value,
                                     sourcePath: team.sourcePath))
        context.team = view
        return context
    }
}
