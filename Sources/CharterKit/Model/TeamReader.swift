/// Reads a team file into a `Team`, reporting format problems at their positions.
struct TeamReader {
    static let keys = ["name", "mission", "kind", "area", "function", "lead", "members", "contact", "review_handle"]

    func read(_ document: DataDocument) -> (Team?, [Diagnostic]) {
        var fields = FieldReader(diagnostics: [])
        guard let map = MappingReader(document.root, what: "a team file", known: Self.keys, fields: &fields) else {
            return (nil, fields.diagnostics)
        }
        let name = map.text("name", &fields)
        if name == nil { fields.missing("name", in: "team '\(document.id)'", at: map.location) }
        var members: [Team.Member] = []
        for item in map.list("members", &fields) {
            if let text = item.scalarText, item.entries == nil {
                members.append(Team.Member(name: text, role: nil))
            } else if let member = MappingReader(item, what: "a team member", known: ["name", "role"], fields: &fields) {
                let name = member.text("name", &fields)?.value
                let role = member.text("role", &fields)?.value
                if name == nil && role == nil { fields.missing("name", in: "a team member", at: item.location) }
                members.append(Team.Member(name: name, role: role))
            }
        }
        // `function` is the older name of `area`; a file may give one of them.
        let area = map.text("area", &fields)
        let function = map.text("function", &fields)
        if let area, let function {
            fields.diagnostics.append(Diagnostic(
                .duplicateKey, "team '\(document.id)' gives both 'area' and 'function', which are the same field", at: function.location,
                notes: [.init("'area' is here", at: area.location)], fixHint: "keep 'area' and remove 'function'"))
        }
        let team = Team(
            id: document.id,
            sourcePath: document.sourcePath,
            location: map.location,
            name: name,
            mission: map.text("mission", &fields),
            kind: map.choice("kind", Team.Kind.self, &fields),
            area: area ?? function,
            lead: map.text("lead", &fields),
            members: members,
            contact: map.text("contact", &fields),
            reviewHandle: map.text("review_handle", &fields))
        return (team, fields.diagnostics)
    }
}
