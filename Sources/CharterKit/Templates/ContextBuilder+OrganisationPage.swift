extension ContextBuilder {
    /// The organisation's stage (see `OrganisationStage`), each strategy's supported stage by
    /// ID, and the strategies counted: those that are not drafts.
    func organisationStanding() -> (stage: Int?, supported: [String: Int?], counted: [Strategy]) {
        // Two files of one ID (`a.yaml` beside `a.yml`) are CH251; a build with errors allowed
        // still makes this page, so the first file's strategy stands for the ID.
        let supported = Dictionary(site.strategyModels.map { ($0.id, evaluator.supportedStage(for: $0)) }, uniquingKeysWith: { first, _ in first })
        let counted = site.strategyModels.filter { !$0.isDraft }
        return (OrganisationStage.of(counted.map { supported[$0.id] ?? nil }), supported, counted)
    }

    /// The strategies whose `maturity.current` is the stage at `index`.
    func claimants(of index: Int) -> [Strategy] {
        site.strategyModels.filter { site.framework.stageIndex($0.maturity?.current?.value ?? "") == index }
    }

    /// The home page's line on the organisation: its stage, and how many strategies stand at each.
    func organisationSummary(from path: String) -> HomeView.Organisation? {
        guard !site.strategyModels.isEmpty else { return nil }
        let framework = site.framework
        let (standing, _, counted) = organisationStanding()
        let spread = framework.stages.enumerated().compactMap { index, stage -> LinkView? in
            let count = claimants(of: index).count
            return count == 0 ? nil : link(stage.name, to: SitePaths.stage(stage.id), from: path, detail: l.number(Double(count)))
        }
        return .init(
            stage: standing.map { link(framework.stages[$0].name, to: SitePaths.stage(framework.stages[$0].id), from: path) },
            counted: l.count("organisation.strategies", counted.count), spread: spread,
            attested: site.strategyModels.compactMap { strategy in
                guard let day = strategy.maturity?.convergence?.attestedOn?.value else { return nil }
                return strategyLink(strategy.id, from: path, detail: l.text("convergence.attestedOn", ["date": l.date(day)]))
            }, url: ContentPaths.relativeURL(from: path, to: SitePaths.organisation))
    }

    /// The organisation page: the organisation's stage, the spread of strategies over the
    /// stages, and a map of business areas against focus areas.
    func organisationContext() -> PageContext {
        let path = SitePaths.organisation
        let framework = site.framework
        let strategies = site.strategyModels
        let (standing, supported, counted) = organisationStanding()
        func share(_ count: Int) -> String {
            l.formats.percent(Double(strategies.isEmpty ? 0 : (count * 100 + strategies.count / 2) / strategies.count))
        }
        let stages = framework.stages.enumerated().map { index, stage in
            let claimed = claimants(of: index)
            let evidenced = strategies.filter { supported[$0.id] == index }
            return OrganisationView.Stage(
                stage: link(stage.name, to: SitePaths.stage(stage.id), from: path),
                claimed: claimed.map { strategyLink($0.id, from: path) },
                supported: evidenced.map { strategyLink($0.id, from: path) },
                claimedShare: share(claimed.count), supportedShare: share(evidenced.count),
                isOrganisationStage: standing == index)
        }

        // The rows: the declared areas, or else the areas teams name, in the order first named.
        let declared = site.configuration.businessAreas
        var areas: [(id: String, name: String, summary: String?)] = declared.map { ($0.id, $0.name, $0.summary) }
        if declared.isEmpty {
            for team in site.teamModels {
                guard let name = team.area?.value, !areas.contains(where: { $0.id == Framework.normalise(name) }) else { continue }
                areas.append((Framework.normalise(name), name, nil))
            }
        }
        let reach = Dictionary(strategies.map { ($0.id, evaluator.businessAreas(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let focusAreas = framework.focusAreas
        var rows = areas.map { area in
            OrganisationView.Row(
                anchor: "area-" + area.id, area: area.name, summary: area.summary,
                teams: site.teamModels.filter { evaluator.areaID(of: $0) == area.id }.map { teamLink($0.id, from: path) },
                cells: focusAreas.map { focus in
                    let here = strategies.filter { strategy in
                        reach[strategy.id]?.contains(area.id) == true
                            && strategy.focusAreas.contains { framework.focusArea($0.value)?.id == focus.id }
                    }
                    return .init(focusArea: focus.name, strategies: here.map { strategyLink($0.id, from: path) }, level: 0)
                })
        }
        let fullest = rows.flatMap(\.cells).map(\.strategies.count).max() ?? 0
        for row in rows.indices {
            for cell in rows[row].cells.indices {
                let count = rows[row].cells[cell].strategies.count
                rows[row].cells[cell].level = count == 0 || fullest == 0 ? 0 : max(1, (count * 3 + fullest - 1) / fullest)
            }
        }
        let view = OrganisationView(
            stage: standing.map { link(framework.stages[$0].name, to: SitePaths.stage(framework.stages[$0].id), from: path) },
            heldBy: standing.map { index in counted.filter { supported[$0.id] == index }.map { strategyLink($0.id, from: path) } } ?? [],
            counted: counted.count,
            countedText: l.count("organisation.strategies", counted.count)
                + (strategies.count == counted.count ? "" : l.count("organisation.draftsNotCounted", strategies.count - counted.count)),
            drafts: strategies.count - counted.count,
            stages: stages,
            focusAreas: focusAreas.map { link($0.name, to: SitePaths.focusAreas, from: path, fragment: $0.id) },
            rows: rows, areasDeclared: !declared.isEmpty,
            teamsWithoutArea: site.teamModels.filter { !$0.isExternal && evaluator.areaID(of: $0) == nil }.map { teamLink($0.id, from: path) },
            attestations: strategies.filter { $0.maturity?.convergence != nil }
                .sorted { ($0.maturity?.convergence?.attestedOn?.value.description ?? "") > ($1.maturity?.convergence?.attestedOn?.value.description ?? "") }
                .compactMap { attestation(of: $0, from: path) },
            parties: site.teamModels.filter(\.isExternal).map { party in
                var item = teamLink(party.id, from: path)
                item.detail = party.partyKind.map { l.text("partyKind.\($0.value.rawValue)") }
                return item
            })
        var context = frame(pageView(
            title: l.text("nav.organisation"), kind: "organisation", path: path,
            description: l.text("pages.organisation.description")))
        context.organisation = view
        return context
    }
}

/// The organisation's stage, by Charter's reading of the framework: the stages describe an
/// organisation, and an organisation is only as far along as the least mature of the strategies
/// it stands behind. So it stands at the lowest stage the evidence supports among its strategies
/// that are not drafts; nil when there are none, or when one of them supports no stage yet.
public enum OrganisationStage {
    public static func of(_ supported: [Int?]) -> Int? {
        guard !supported.isEmpty, !supported.contains(where: { $0 == nil }) else { return nil }
        return supported.compactMap { $0 }.min()
    }
}
