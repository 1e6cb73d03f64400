/// An area of the business, as `charter.yaml` declares it under `business_areas`: the list that
/// "rolled into all areas of the business", the Strategic stage's test, is judged against.
public struct BusinessArea: Sendable, Hashable {
    /// Lower-case letters, digits and hyphens, from the entry's `id` or its name.
    public var id: String
    public var name: String
    public var summary: String?
    public var location: SourceLocation

    /// Whether a team's `area` names this area: by ID or by name, in any case, with spaces,
    /// hyphens and underscores alike.
    public func matches(_ text: String) -> Bool {
        let wanted = Framework.normalise(text)
        return wanted == id || wanted == Framework.normalise(name)
    }
}

extension SiteConfiguration {
    /// The declared area a team's `area` names, if any.
    public func businessArea(_ text: String) -> BusinessArea? {
        businessAreas.first { $0.matches(text) }
    }

    /// `business_areas: [Claims, {id: it, name: Technology, summary: ...}]`: names or mappings,
    /// each with a unique ID.
    static func readBusinessAreas(_ entry: YAMLEntry, _ fields: inout FieldReader) -> [BusinessArea] {
        if case .scalar(_, .null) = entry.value.kind { return [] }
        guard let items = entry.value.items else {
            fields.mismatch(entry, expected: "a list of business areas")
            return []
        }
        var areas: [BusinessArea] = []
        for item in items {
            var area: BusinessArea?
            if let name = item.scalarText, item.entries == nil {
                area = BusinessArea(id: Slugger.slug(name), name: name, summary: nil, location: item.location)
            } else if let map = MappingReader(item, what: "a business area", known: ["id", "name", "summary"], fields: &fields) {
                guard let name = map.text("name", &fields) else {
                    fields.missing("name", in: "a business area", at: map.location)
                    continue
                }
                let id = map.text("id", &fields)
                if let id, !ModelBuilder.isValidID(id.value) {
                    fields.diagnostics.append(Diagnostic(
                        .invalidID, "business area ID '\(id.value)' must use lower-case letters, digits and hyphens", at: id.location))
                    continue
                }
                area = BusinessArea(id: id?.value ?? Slugger.slug(name.value), name: name.value,
                                    summary: map.text("summary", &fields)?.value, location: map.location)
            }
            guard let area, !area.id.isEmpty else {
                if item.scalarText != nil {
                    fields.diagnostics.append(Diagnostic(.wrongType, "a business area needs a name", at: item.location))
                }
                continue
            }
            if let earlier = areas.first(where: { $0.id == area.id }) {
                fields.diagnostics.append(Diagnostic(
                    .duplicateID, "business area '\(area.id)' is declared twice in charter.yaml", at: area.location,
                    notes: [.init("first declared here", at: earlier.location)]))
                continue
            }
            areas.append(area)
        }
        return areas
    }
}
