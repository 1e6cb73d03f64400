import Foundation

extension ContextBuilder {
    /// What the search box can find: every written page, strategy, team, objective, stage and responsibility.
    /// With `previous`, the last build's entries, the pages not in `changed` (source paths) keep theirs.
    func searchEntries(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, reusing previous: [SearchIndex.Entry]? = nil, changed: Set<String> = []
    ) -> [SearchIndex.Entry] {
        // Positions, not copies of the pages: a reused entry never touches its page's parts.
        let pages = Array(content.pages.indices.filter { !content.pages[$0].page.isGenerated }.enumerated())
        // Each entry's kind is shown beside it in the results, in the site's language.
        let playbook = l.text("search.kind.playbook")
        // The filters' values: a strategy and a stage by their names, a stage in its ladder's order.
        let strategyNames = Dictionary(site.strategyModels.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        @Sendable func strategyFacet(_ id: String) -> SearchIndex.Facet {
            SearchIndex.Facet(group: "strategy", value: id, label: strategyNames[id] ?? id)
        }
        @Sendable func stageFacet(_ name: String) -> SearchIndex.Facet? {
            guard let index = site.framework.stageIndex(name) else { return nil }
            let stage = site.framework.stages[index]
            return SearchIndex.Facet(group: "stage", value: stage.id, label: stage.name, order: index)
        }
        var entries = ParallelMap.map(pages, workers: workers) { number, position in
            if let previous, previous.indices.contains(number), previous[number].path == content.pages[position].page.outputPath,
               previous[number].kind == playbook, previous[number].facets.allSatisfy({ $0.group != "strategy" || strategyNames[$0.value] == $0.label }),
               !changed.contains(content.pages[position].page.sourcePath) {
                return previous[number]
            }
            let rendered = content.pages[position]
            let page = rendered.page
            let headingTexts = rendered.markdown.headings.map(\.text)
            let headings = headingTexts.joined(separator: " ")
            var facets = page.tags.map { SearchIndex.Facet(group: "tag", value: $0, label: $0) }
            if let strategy = page.metadata.strategy?.value { facets.append(strategyFacet(strategy)) }
            if let stage = page.metadata.stage.flatMap({ stageFacet($0.value) }) { facets.append(stage) }
            return SearchIndex.Entry(
                title: page.title, path: page.outputPath, kind: playbook, kindKey: "playbook",
                summary: page.description,
                keywords: page.tags + [page.metadata.strategy?.value, page.metadata.owner?.value].compactMap { $0 },
                texts: [page.title, headings, headings],
                headings: headingTexts, html: rendered.markdown.html, facets: facets)
        }
        for strategy in site.strategyModels {
            var text = [strategy.displayName, strategy.goal?.value, strategy.mission?.value].compactMap { $0 }
            text += strategy.methods.compactMap { $0.title?.value } + strategy.programs.compactMap { $0.title?.value }
            text += (strategy.benefits?.customer ?? []).map(\.value) + (strategy.benefits?.company ?? []).map(\.value)
            if let narrative = content.narratives[strategy.id] { text.append(PlainText.of(html: narrative.html)) }
            let methods = strategy.methods.compactMap { $0.title?.value } + strategy.programs.compactMap { $0.title?.value }
            entries.append(SearchIndex.Entry(
                title: strategy.displayName, path: SitePaths.strategy(strategy.id), kind: l.text("search.kind.strategy"), kindKey: "strategy",
                summary: strategy.goal?.value ?? "", keywords: [strategy.id], text: text.joined(separator: " "),
                headings: methods, body: text.dropFirst().joined(separator: " "), facets: [strategyFacet(strategy.id)]))
        }
        // Teams, then external parties: each kind is one run of entry numbers.
        for team in site.teamModels.filter({ !$0.isExternal }) + site.teamModels.filter(\.isExternal) {
            let text = [team.displayName, team.mission?.value, team.lead?.value].compactMap { $0 }
                + team.members.compactMap { $0.name } + team.members.compactMap { $0.role }
            entries.append(SearchIndex.Entry(
                title: team.displayName, path: team.pagePath, kind: l.text(team.isExternal ? "search.kind.party" : "search.kind.team"),
                kindKey: team.isExternal ? "party" : "team",
                summary: team.mission?.value ?? "", keywords: [team.id], text: text.joined(separator: " "),
                body: text.dropFirst().joined(separator: " ")))
        }
        for objective in site.objectives {
            let text = [objective.displayName, objective.description?.value].compactMap { $0 }
            entries.append(SearchIndex.Entry(
                title: objective.displayName, path: SitePaths.objective(objective.id.value), kind: l.text("search.kind.objective"), kindKey: "objective",
                summary: objective.description?.value ?? "", keywords: [objective.id.value], text: text.joined(separator: " "),
                body: text.dropFirst().joined(separator: " ")))
        }
        if hasModelPages {
            for stage in site.framework.stages {
                entries.append(SearchIndex.Entry(
                    title: stage.name, path: SitePaths.stage(stage.id), kind: l.text("search.kind.stage"), kindKey: "stage",
                    summary: stage.entry.summary,
                    keywords: [stage.id] + stage.entry.aliases,
                    text: ([stage.entry.summary, stage.entry.description ?? ""] + stage.criteria.map(\.summary)).joined(separator: " "),
                    body: ([stage.entry.description ?? ""] + stage.criteria.map(\.summary)).joined(separator: " "),
                    facets: stageFacet(stage.id).map { [$0] } ?? []))
            }
            for responsibility in site.framework.responsibilities {
                entries.append(SearchIndex.Entry(
                    title: responsibility.name, path: SitePaths.responsibility(responsibility.id), kind: l.text("search.kind.responsibility"),
                    kindKey: "responsibility",
                    summary: responsibility.summary, keywords: [responsibility.id], text: responsibility.summary))
            }
        }
        return entries
    }
}
