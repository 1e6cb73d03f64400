/// Reads a team file into a `Team`, reporting format problems at their positions.
struct TeamReader {
    static let keys = ["name", "mission", "kind", "area", "function", "lead", "members", "contact", "review_handle"]

    /// The keys of an external party's file.
    static let partyKeys = ["name", "kind", "description", "segment", "contact", "url", "members"]

    func read(_ document: DataDocument) -> (Team?, [Diagnostic]) {
        if document.kind == .party { return readParty(document) }
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

    /// An external party: who they are and how to reach them. It has no area of the business,
    /// no lead and no review handle: it is not part of the organisation.
    private func readParty(_ document: DataDocument) -> (Team?, [Diagnostic]) {
        var fields = FieldReader(diagnostics: [])
        guard let map = MappingReader(document.root, what: "an external party file", known: Self.partyKeys, fields: &fields) else {
            return (nil, fields.diagnostics)
        }
        let name = map.text("name", &fields)
        if name == nil { fields.missing("name", in: "external party '\(document.id)'", at: map.location) }
        let kind = map.choice("kind", Team.PartyKind.self, &fields)
        if kind == nil, map.entry("kind") == nil { fields.missing("kind", in: "external party '\(document.id)'", at: map.location) }
        var url = map.text("url", &fields)
        if let given = url, LinkResolver.scheme(of: given.value[...]).map({ !["http", "https"].contains($0) }) ?? true {
            fields.diagnostics.append(Diagnostic(.unknownValue, "'\(given.value)' is not a web address: use http: or https:", at: given.location))
            url = nil
        }
        let members = map.texts("members", &fields).map { Team.Member(name: $0.value, role: nil) }
        var party = Team(
            id: document.id, sourcePath: document.sourcePath, location: map.location, name: name,
            mission: map.text("description", &fields), kind: nil, area: nil, lead: nil,
            members: members, contact: map.text("contact", &fields), reviewHandle: nil)
        party.isExternal = true
        party.partyKind = kind
        party.url = url
        party.segment = map.text("segment", &fields)
        return (party, fields.diagnostics)
    }
}
