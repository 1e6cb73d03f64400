/// The built-in framework in the site's language: the names, summaries and descriptions of the
/// stages, responsibilities, focus areas, program kinds and SMACAD elements, and the words of
/// each stage's criteria, from the messages under `framework.` ("framework.stages.formalised.name").
/// What a site's own model files changed is the site's and stays as written. Files written in
/// English still name every entry: a built-in entry's English name is its ID in other words
/// (`Framework.matches`), and the ID does not change.
extension Framework {
    func localized(by messages: Messages) -> Framework {
        guard messages.language.split(separator: "-").first != "en" || messages.hasSiteChanges else { return self }
        let builtIn = FrameworkLoader.builtIn
        var framework = self
        func localize(_ entry: inout FrameworkEntry, group: String, builtIn: [FrameworkEntry]) {
            guard let original = builtIn.first(where: { $0.id == entry.id }) else { return }
            let key = "framework.\(group).\(entry.id)"
            if entry.name == original.name, messages.has(key + ".name") { entry.name = messages.text(key + ".name") }
            if entry.summary == original.summary, messages.has(key + ".summary") { entry.summary = messages.text(key + ".summary") }
            if entry.description == original.description, entry.description != nil, messages.has(key + ".description") {
                entry.description = messages.text(key + ".description")
            }
        }
        func localize(_ criteria: inout [Criterion], group: String, builtIn: [Criterion]) {
            for index in criteria.indices {
                let criterion = criteria[index]
                guard let original = builtIn.first(where: { $0.check == criterion.check && $0.responsibility == criterion.responsibility }),
                      criterion.summary == original.summary else { continue }
                let key = "framework.\(group).\(criterion.check.rawValue)" + (criterion.responsibility.map { "-" + $0 } ?? "")
                if messages.has(key) { criteria[index].summary = messages.text(key) }
            }
        }
        for index in framework.stages.indices {
            localize(&framework.stages[index].entry, group: "stages", builtIn: builtIn.stages.map(\.entry))
            let id = framework.stages[index].id
            localize(&framework.stages[index].criteria, group: "stages.\(id).criteria",
                     builtIn: builtIn.stages.first { $0.id == id }?.criteria ?? [])
        }
        for index in framework.responsibilities.indices {
            localize(&framework.responsibilities[index], group: "responsibilities", builtIn: builtIn.responsibilities)
        }
        for index in framework.focusAreas.indices {
            localize(&framework.focusAreas[index], group: "focusAreas", builtIn: builtIn.focusAreas)
        }
        for (id, expectations) in framework.focusExpectations {
            var criteria = expectations
            localize(&criteria, group: "focusAreas.\(id).expects", builtIn: builtIn.focusExpectations[id] ?? [])
            framework.focusExpectations[id] = criteria
        }
        for index in framework.programKinds.indices {
            localize(&framework.programKinds[index], group: "programKinds", builtIn: builtIn.programKinds)
        }
        for index in framework.elements.indices {
            localize(&framework.elements[index], group: "elements", builtIn: builtIn.elements)
        }
        return framework
    }
}

extension FrameworkLoader {
    /// Charter's own framework, before any site's model files.
    static let builtIn = FrameworkLoader().load().0
}
