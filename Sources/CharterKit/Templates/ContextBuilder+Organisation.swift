extension ContextBuilder {
    func homeView(from path: String) -> HomeView {
        let framework = site.framework
        let rows = site.strategyModels.map { strategy -> HomeView.Row in
            let health = healthChecks(for: strategy)
            let statuses = strategy.reporting.map { MeasureProgress.status(of: $0, today: today, band: measureBand) }
            let offTrack = statuses.filter { $0 == .offTrack || $0 == .overdue }.count
            let worst = [MeasureProgress.Status.overdue, .offTrack, .atRisk, .noRecentData].first(where: statuses.contains)
            return .init(
                strategy: strategyLink(strategy.id, from: path),
                focusAreas: strategy.focusAreas.compactMap { framework.focusArea($0.value) }.map {
                    link($0.name, to: SitePaths.focusAreas, from: path, fragment: $0.id)
                },
                current: strategy.maturity?.current.flatMap { stageLink($0.value, from: path) },
                target: aheadTarget(of: strategy).flatMap { stageLink($0, from: path) },
                owner: strategy.owner.map { teamLink($0.value, from: path) },
                health: health,
                isHealthy: health.allSatisfy(\.ok),
                offTrack: offTrack == 0 ? nil : link(
                    l.count("measures.offTrackOf", statuses.count, ["offTrack": l.number(Double(offTrack))]),
                    to: SitePaths.strategy(strategy.id), from: path, fragment: "scoreboard"),
                measures: measureCounts(statuses).map {
                    link($0, to: SitePaths.strategy(strategy.id), from: path, fragment: "scoreboard")
                },
                measuresClass: worst?.cssClass ?? (statuses.contains { $0 == .onTrack || $0 == .reached } ? "ok" : "none"))
        }
        let errors = diagnostics.count(of: .error)
        let warnings = diagnostics.count(of: .warning)
        let stale = diagnostics.filter { $0.code == .stalePage }.count
        let problems = [l.count("home.errors", errors), l.count("home.warnings", warnings)]
            + (stale == 0 ? [] : [l.count("home.stalePages", stale)])
        return HomeView(
            strategies: rows, hasStrategies: !rows.isEmpty, organisation: organisationSummary(from: path), errors: errors, warnings: warnings, stalePages: stale,
            problemsText: problems.joined(separator: l.text("list.separator")),
            hasProblems: errors + warnings > 0, healthURL: ContentPaths.relativeURL(from: path, to: SitePaths.health),
            matrixURL: ContentPaths.relativeURL(from: path, to: SitePaths.matrix),
            involvement: involvement(from: path))
    }

    /// Which teams take part in which strategy, with the letters they hold there, for the home page.
    func involvement(from path: String) -> HomeView.Involvement? {
        let strategies = site.strategyModels
        let teams = site.teamModels.filter { team in
            strategies.contains { strategy in strategy.assignments.contains { $0.allTeams.contains(team.id) } }
        }
        guard !strategies.isEmpty, !teams.isEmpty else { return nil }
        let rows = teams.map { team in
            HomeView.TeamRow(team: teamLink(team.id, from: path), cells: strategies.map { strategy in
                // The responsibilities for which the team holds each letter in this strategy.
                var held: [String: [LinkView]] = [:]
                for assignment in strategy.assignments {
                    guard let responsibility = responsibilityLink(assignment.responsibility.value, from: path) else { continue }
                    let letter: String? = if assignment.accountable.contains(where: { $0.value == team.id }) { "A" }
                        else if assignment.responsible.contains(where: { $0.value == team.id }) { "R" }
                        else if assignment.consulted.contains(where: { $0.value == team.id }) { "C" }
                        else if assignment.informed.contains(where: { $0.value == team.id }) { "I" }
                        else { nil }
                    if let letter { held[letter, default: []].append(responsibility) }
                }
                let roles = ["A", "R", "C", "I"].compactMap { letter -> MatrixView.Role? in
                    guard let links = held[letter] else { return nil }
                    return MatrixView.Role(letter: letter, name: roleName(letter),
                                           mark: links.count == 1 ? letterText(letter) : "\(letterText(letter))×\(links.count)", sources: links)
                }
                let detail = roles.map { role in l.text("matrix.roleFor", ["role": role.name, "items": l.list(role.sources.map(\.title))]) }
                return MatrixView.Cell(
                    text: roles.map(\.mark).joined(separator: " "),
                    style: roles.first.map { "letter-\($0.letter.lowercased())" } ?? "empty",
                    title: roles.isEmpty ? nil : l.text("matrix.involvementTitle", [
                        "team": team.displayName, "strategy": strategy.displayName, "roles": detail.joined(separator: l.text("list.semicolon"))]),
                    roles: roles, hasDetail: !roles.isEmpty)
            })
        }
        return HomeView.Involvement(strategies: strategies.map { strategyLink($0.id, from: path) }, rows: rows)
    }

    func stagesContext() -> PageContext {
        let path = SitePaths.stages
        let framework = site.framework
        let columns = framework.stages.map { stage -> MaturityOverviewView.Column in
            let here = site.strategyModels.filter { framework.stage($0.maturity?.current?.value ?? "")?.id == stage.id }
            let heading = site.strategyModels.filter { strategy in
                framework.stage(strategy.maturity?.target?.value ?? "")?.id == stage.id
                    && strategy.maturity?.current?.value.lowercased() != strategy.maturity?.target?.value.lowercased()
            }
            return .init(
                stage: link(stage.name, to: SitePaths.stage(stage.id), from: path),
                summary: stage.entry.summary,
                strategies: here.map { strategy in
                    let target = strategy.maturity?.target.flatMap { framework.stage($0.value) }
                    return .init(strategy: strategyLink(strategy.id, from: path), target: target?.id == stage.id ? nil : target?.name)
                },
                targets: heading.map { strategyLink($0.id, from: path) })
        }
        var context = frame(pageView(title: l.text("pages.stages.title"), kind: "stages", path: path,
                                     description: l.text("pages.stages.description")))
        context.maturity = MaturityOverviewView(columns: columns)
        return context
    }

    func context(forStage index: Int) -> PageContext {
        let framework = site.framework
        let stage = framework.stages[index]
        let path = SitePaths.stage(stage.id)
        func neighbour(_ offset: Int) -> LinkView? {
            guard framework.stages.indices.contains(index + offset) else { return nil }
            let other = framework.stages[index + offset]
            return link(other.name, to: SitePaths.stage(other.id), from: path)
        }
        let view = StageView(
            number: index + 1,
            summary: stage.entry.summary,
            description: stage.entry.description,
            criteria: stage.criteria.map(\.summary),
            current: site.strategyModels.filter { framework.stage($0.maturity?.current?.value ?? "")?.id == stage.id }
                .map { strategyLink($0.id, from: path) },
            targeting: site.strategyModels.filter { framework.stage($0.maturity?.target?.value ?? "")?.id == stage.id }
                .map { strategyLink($0.id, from: path) },
            playbooks: playbooks(from: path) { framework.stage($0.stage?.value ?? "")?.id == stage.id },
            previous: neighbour(-1), next: neighbour(1))
        var context = frame(pageView(title: stage.name, kind: "stage", path: path, description: stage.entry.summary))
        context.stage = view
        return context
    }

    func context(forResponsibility entry: FrameworkEntry) -> PageContext {
        let path = SitePaths.responsibility(entry.id)
        let framework = site.framework
        let assignments = site.strategyModels.compactMap { strategy -> ResponsibilityView.Assignment? in
            guard let assignment = strategy.assignment(for: entry.id, in: framework) else { return nil }
            func teams(_ list: [Located<String>]) -> [LinkView] { list.map { teamLink($0.value, from: path) } }
            let responsible = assignment.responsible.filter { team in !assignment.accountable.contains { $0.value == team.value } }
            return .init(strategy: strategyLink(strategy.id, from: path), accountable: teams(assignment.accountable),
                         responsible: teams(responsible), consulted: teams(assignment.consulted), informed: teams(assignment.informed))
        }
        let view = ResponsibilityView(
            summary: entry.summary,
            assignments: assignments,
            playbooks: playbooks(from: path) { $0.responsibilities.contains { framework.responsibility($0.value)?.id == entry.id } },
            isUncovered: !assignments.contains { !$0.accountable.isEmpty || !$0.responsible.isEmpty })
        var context = frame(pageView(title: entry.name, kind: "responsibility", path: path, description: entry.summary))
        context.responsibility = view
        return context
    }

    func matrixContext() -> PageContext {
        let path = SitePaths.matrix
        var context = frame(pageView(
            title: l.text("pages.matrix.title"), kind: "matrix", path: path,
            description: l.text("pages.matrix.description")))
        context.matrix = matrix(for: site.strategyModels, from: path)
        return context
    }

    func focusAreasContext() -> PageContext {
        let path = SitePaths.focusAreas
        let framework = site.framework
        let sections = framework.focusAreas.map { area in
            ListingView.Section(
                anchor: area.id, title: area.name, summary: area.summary,
                items: site.strategyModels.filter { $0.focusAreas.contains { framework.focusArea($0.value)?.id == area.id } }
                    .map { strategyLink($0.id, from: path) })
        }
        var context = frame(pageView(title: l.text("pages.focusAreas.title"), kind: "listing", path: path,
                                     description: l.text("pages.focusAreas.description")))
        context.listing = ListingView(sections: sections)
        return context
    }

    func programKindsContext() -> PageContext {
        let path = SitePaths.programKinds
        let framework = site.framework
        let sections = framework.programKinds.map { kind in
            ListingView.Section(
                anchor: kind.id, title: kind.name, summary: kind.summary,
                items: site.strategyModels.flatMap { strategy in
                    strategy.programs.filter { $0.kinds.contains { framework.programKind($0.value)?.id == kind.id } }.map { program in
                        link(program.title?.value ?? program.id.value, to: SitePaths.strategy(strategy.id), from: path,
                             fragment: SitePaths.programAnchor(program.id.value), detail: strategy.displayName)
                    }
                })
        }
        var context = frame(pageView(title: l.text("pages.programKinds.title"), kind: "listing", path: path,
                                     description: l.text("pages.programKinds.description")))
        context.listing = ListingView(sections: sections)
        return context
    }

    func healthContext() -> PageContext {
        let path = SitePaths.health
        let relevant = diagnostics.filter { $0.severity != .note || Self.healthPageNotes.contains($0.code) }
        var groups: [HealthView.Group] = []
        for strategy in site.strategyModels {
            let items = relevant.filter { $0.location.path == strategy.sourcePath }
            guard !items.isEmpty else { continue }
            groups.append(.init(title: strategy.displayName, link: strategyLink(strategy.id, from: path), items: items.map(healthItem)))
        }
        let strategyPaths = Set(site.strategyModels.map(\.sourcePath))
        let others = relevant.filter { !strategyPaths.contains($0.location.path) }
        if !others.isEmpty {
            groups.append(.init(title: l.text("health.otherFiles"), link: nil, items: others.map(healthItem)))
        }
        var context = frame(pageView(title: l.text("pages.health.title"), kind: "health", path: path,
                                     description: l.text("pages.health.description")))
        let attention = measuresNeedingAttention(from: path)
        let offTrack = attention.filter(\.isOffTrack)
        let standings = site.strategyModels.map { strategy in
            HealthView.Standing(strategy: strategyLink(strategy.id, from: path), draft: strategy.isDraft ? l.text("status.draft") : nil,
                                checks: healthChecks(for: strategy))
        }
        context.health = HealthView(standings: standings, groups: groups, isClean: groups.isEmpty && attention.isEmpty,
                                    offTrack: offTrack, attention: attention)
        return context
    }

    /// The notes the health page lists besides warnings and errors: maturity gaps, the health
    /// checks of a draft strategy (notes until it goes to review), and measures at risk.
    static let healthPageNotes: Set<DiagnosticCode> = [.maturityGap, .noDefinedStrategy, .noGovernance, .noFunding, .measureAtRisk, .focusAreaExpectation]

    private func healthItem(_ diagnostic: Diagnostic) -> HealthView.Item {
        let isEnglish = l.language.split(separator: "-").first == "en"
        let summary = l.text("codes.\(diagnostic.code.rawValue)")
        return .init(severity: diagnostic.severity.rawValue, severityText: l.text("severity.\(diagnostic.severity.rawValue)"),
              code: diagnostic.code.rawValue, message: diagnostic.message,
              summary: isEnglish ? nil : summary.prefix(1).uppercased() + summary.dropFirst(), messageLanguage: isEnglish ? nil : "en",
              location: diagnostic.location.description)
    }

    /// All tags with their pages (made only when some page has tags).
    func tagsContext() -> PageContext {
        let path = SitePaths.tags
        let names = taggedPages.keys.sorted { $0.lowercased() != $1.lowercased() ? $0.lowercased() < $1.lowercased() : $0 < $1 }
        let sections = names.map { name in
            ListingView.Section(
                anchor: tagSlugs[name] ?? "tag", title: name, summary: nil,
                items: (taggedPages[name] ?? []).map { pageLink($0.page, from: path) })
        }
        var context = frame(pageView(title: l.text("pages.tags.title"), kind: "listing", path: path), children: names.map {
            link($0, to: tagPath($0), from: path)
        })
        context.listing = ListingView(sections: sections)
        return context
    }

    /// One tag's page.
    func context(forTag name: String) -> PageContext {
        let path = tagPath(name)
        var context = frame(pageView(title: l.text("pages.tag.title", ["tag": name]), kind: "tag", path: path),
                            children: (taggedPages[name] ?? []).map { pageLink($0.page, from: path) })
        context.breadcrumbs.append(link(l.text("pages.tags.title"), to: SitePaths.tags, from: path))
        return context
    }

    func notFoundContext() -> PageContext {
        var page = pageView(title: l.text("pages.notFound.title"), kind: "404", path: SitePaths.notFound)
        page.description = l.text("pages.notFound.description")
        return frame(page)
    }
}

extension Strategy.Assignment {
    /// Every team named in the assignment.
    var allTeams: [String] { (accountable + responsible + consulted + informed).map(\.value) }
}
