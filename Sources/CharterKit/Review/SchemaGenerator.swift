import Foundation

/// JSON Schema (draft 2020-12) for strategy files, team files and playbook front matter,
/// generated from the active framework so that a site's own stages, responsibilities, focus
/// areas and program kinds are the allowed values. Editors' YAML language servers read them.
public struct SchemaGenerator: Sendable {
    public var framework: Framework

    /// Creates a generator for a framework.
    public init(framework: Framework) {
        self.framework = framework
    }

    /// The schema files by name: `strategy.schema.json`, `team.schema.json`, `party.schema.json`, `playbook.schema.json`,
    /// `objectives.schema.json` (the register) and `objective.schema.json` (one file under `objectives/`).
    public func files() -> [String: String] {
        ["strategy.schema.json": Self.encode(strategy()), "team.schema.json": Self.encode(team()),
         "party.schema.json": Self.encode(party()),
         "playbook.schema.json": Self.encode(playbook()), "objectives.schema.json": Self.encode(objectives()),
         "objective.schema.json": Self.encode(objective()),
         "charter.schema.json": Self.encode(configuration()), "translation.schema.json": Self.encode(translation())]
    }

    // A small JSON value type, so the schemas are built as data and printed deterministically.
    indirect enum JSON: Encodable {
        case string(String), number(Int), bool(Bool), array([JSON]), object([(String, JSON)])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .string(let value): var c = encoder.singleValueContainer(); try c.encode(value)
            case .number(let value): var c = encoder.singleValueContainer(); try c.encode(value)
            case .bool(let value): var c = encoder.singleValueContainer(); try c.encode(value)
            case .array(let values): var c = encoder.unkeyedContainer(); for value in values { try c.encode(value) }
            case .object(let pairs):
                var c = encoder.container(keyedBy: Key.self)
                for (key, value) in pairs { try c.encode(value, forKey: Key(key)) }
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    static func encode(_ value: JSON) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
    }

    // MARK: Building blocks

    /// Text as Charter reads it: a string, or a number written without quotes (`target: 300`).
    private static let text: JSON = .object([("type", .array([.string("string"), .string("number")])), ("minLength", .number(1))])
    private static func ref(_ name: String) -> JSON { .object([("$ref", .string("#/$defs/\(name)"))]) }
    private static func list(_ item: JSON) -> JSON { .object([("type", .string("array")), ("items", item)]) }
    /// A value written either alone or as a list.
    private static func oneOrMany(_ item: JSON) -> JSON { .object([("anyOf", .array([item, list(item)]))]) }

    /// A closed mapping: only the named keys, plus `x-` keys of the author's own.
    private static func mapping(_ properties: [(String, JSON)], required: [String] = [], description: String? = nil) -> JSON {
        var pairs: [(String, JSON)] = [("type", .string("object"))]
        if let description { pairs.append(("description", .string(description))) }
        pairs.append(("properties", .object(properties)))
        pairs.append(("patternProperties", .object([("^x-", .object([]))])))
        pairs.append(("additionalProperties", .bool(false)))
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSON.string)))) }
        return .object(pairs)
    }

    /// The values Charter accepts for a framework entry: its ID, its name and its aliases, as
    /// written or lower-cased, with spaces or hyphens.
    private static func choices(_ entries: [FrameworkEntry]) -> JSON {
        var values: [String] = []
        for entry in entries {
            for name in [entry.id, entry.name] + entry.aliases {
                for variant in [name, name.lowercased(), Framework.normalise(name)] where !values.contains(variant) {
                    values.append(variant)
                }
            }
        }
        return .object([("type", .string("string")), ("enum", .array(values.map(JSON.string)))])
    }

    /// A number as YAML writes it.
    private static let number: JSON = .object([("type", .string("number"))])
    /// A date written as YYYY-MM-DD.
    private static let date: JSON = .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
    /// `{value, date}`, for targets and results; a baseline may leave out the date.
    private static func reading(dateRequired: Bool) -> JSON {
        mapping([("value", number), ("date", date)], required: dateRequired ? ["value", "date"] : ["value"])
    }

    private static func fixed(_ values: [String]) -> JSON {
        .object([("type", .string("string")), ("enum", .array(values.map(JSON.string)))])
    }

    private func document(_ id: String, _ title: String, _ body: JSON, defs: [(String, JSON)]) -> JSON {
        guard case .object(let pairs) = body else { return body }
        return .object([("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                        ("$id", .string("https://charter.invalid/schemas/\(id)")),
                        ("title", .string(title))] + pairs + [("$defs", .object(defs))])
    }

    // MARK: Files

    func strategy() -> JSON {
        let stage = Self.choices(framework.stages.map(\.entry))
        let team = Self.text
        let letters = Self.mapping([
            ("accountable", Self.oneOrMany(team)), ("responsible", Self.oneOrMany(team)),
            ("consulted", Self.oneOrMany(team)), ("informed", Self.oneOrMany(team)),
        ])
        let responsibilityNames = Self.choices(framework.responsibilities)
        // A finding is plain text, or has an ID that methods' `answers` name.
        let finding: JSON = .object([("anyOf", .array([Self.text, Self.mapping([("id", Self.text), ("text", Self.text)], required: ["id", "text"])]))])
        var anchors: [String] = []
        for anchor in Strategy.Program.Anchor.allCases {
            for variant in [anchor.rawValue, anchor.rawValue.replacingOccurrences(of: "-", with: " ")] where !anchors.contains(variant) {
                anchors.append(variant)
            }
        }
        let body = Self.mapping([
            ("title", Self.text), ("owner", team), ("status", Self.fixed(Strategy.Status.allCases.map(\.rawValue))),
            ("focus_areas", Self.oneOrMany(Self.choices(framework.focusAreas))), ("sponsor", Self.text),
            ("objectives", Self.list(.object([("anyOf", .array([
                Self.text,
                Self.mapping([("id", Self.text), ("text", Self.text), ("social", .object([("type", .string("boolean"))]))], required: ["id"]),
            ]))]))),
            ("assessment", Self.mapping([
                ("assessed_on", Self.date),
                ("brand", Self.text),
                ("customers", Self.mapping([("sentiment", Self.text), ("needs", Self.list(finding)),
                                            ("frustrations", Self.list(finding)), ("excitements", Self.list(finding))])),
                ("partners", Self.text),
                ("competition", .object([("anyOf", .array([Self.text, Self.mapping([
                    ("summary", Self.text), ("brand", Self.text), ("customers", Self.text), ("partners", Self.text),
                ])]))])),
                ("sources", Self.oneOrMany(Self.text)),
            ])),
            ("co_creators", Self.list(.object([("anyOf", .array([Self.text, Self.mapping([
                ("name", Self.text), ("party", Self.text), ("kind", Self.text), ("segment", Self.text),
                ("from", Self.date), ("to", Self.date), ("shaped", Self.oneOrMany(Self.text)), ("contribution", Self.text),
                ("signed_off", .object([("anyOf", .array([Self.date, .object([("type", .string("boolean"))])]))])),
            ])]))]))),
            ("you_said_we_did", Self.list(Self.mapping([
                ("said", Self.text), ("by", Self.text), ("asked_on", Self.date), ("did", Self.text), ("done_on", Self.date),
                ("change", Self.oneOrMany(Self.text)),
            ], required: ["said", "asked_on"]))),
            ("goal", Self.text), ("mission", Self.text),
            ("benefits", Self.mapping([("customer", Self.oneOrMany(Self.text)), ("company", Self.oneOrMany(Self.text))])),
            ("methods", Self.list(Self.mapping([("id", Self.text), ("title", Self.text), ("description", Self.text),
                                                ("objectives", Self.oneOrMany(Self.text)), ("answers", Self.oneOrMany(Self.text)),
                                                ("playbooks", Self.oneOrMany(Self.text))],
                                               required: ["id"]))),
            ("resources", Self.list(Self.mapping([("id", Self.text), ("kind", Self.fixed(Strategy.Resource.Kind.allCases.map(\.rawValue))),
                                                  ("description", Self.text), ("amount", Self.text), ("currency", Self.text),
                                                  ("period", Self.fixed(Money.periods)), ("methods", Self.oneOrMany(Self.text)),
                                                  ("spent", Self.list(Self.reading(dateRequired: true)))],
                                                 required: ["id", "kind"]))),
            ("reporting", Self.list(Self.mapping([("method", Self.text)] + Self.measureFields))),
            ("communication", Self.mapping([("internal", Self.text), ("external", Self.text)])),
            ("programs", Self.list(Self.mapping([("id", Self.text), ("title", Self.text), ("kind", Self.oneOrMany(Self.choices(framework.programKinds))),
                                                 ("owner", team), ("method", Self.text),
                                                 ("community", Self.fixed(anchors)),
                                                 ("description", Self.text)],
                                                // `owner` is required unless the program is only market-run,
                                                // which depends on the kinds; `charter check` reports it (CH110).
                                                required: ["id", "kind", "method"]))),
            ("presence", Self.list(.object([("anyOf", .array([Self.text, Self.mapping([("name", Self.text), ("channel", Self.text), ("url", Self.text)], required: ["name"])]))]))),
            ("support_content", Self.oneOrMany(Self.text)),
            ("maturity", Self.mapping([
                ("current", Self.ref("stage")), ("target", Self.ref("stage")),
                ("evidence", .object([("type", .string("object")), ("propertyNames", Self.ref("stage")),
                                      ("additionalProperties", Self.oneOrMany(Self.text))])),
                ("convergence", Self.mapping([("attested_on", Self.date), ("by", team), ("process", Self.text)],
                                             required: ["attested_on", "by", "process"])),
            ], required: ["current", "target"])),
            ("responsibilities", .object([("type", .string("object")), ("propertyNames", Self.ref("responsibility")),
                                          ("additionalProperties", letters)])),
            ("risks", Self.list(Self.mapping([("title", Self.text), ("owner", team), ("mitigation", Self.text), ("escalation", Self.text)],
                                             required: ["title"]))),
        ], required: ["title", "owner"], description: "A Charter strategy: content/strategies/ID.yaml")
        return document("strategy.schema.json", "Charter strategy", body, defs: [("stage", stage), ("responsibility", responsibilityNames)])
    }

    func team() -> JSON {
        var kinds: [String] = []
        for kind in Team.Kind.allCases {
            for variant in [kind.rawValue, kind.rawValue.replacingOccurrences(of: "-", with: " ")] where !kinds.contains(variant) {
                kinds.append(variant)
            }
        }
        let member: JSON = .object([("anyOf", .array([Self.text, Self.mapping([("name", Self.text), ("role", Self.text)])]))])
        let body = Self.mapping([
            ("name", Self.text), ("mission", Self.text), ("kind", Self.fixed(kinds)), ("area", Self.text), ("function", Self.text),
            ("lead", Self.text), ("members", Self.list(member)), ("contact", Self.text), ("review_handle", Self.text),
        ], required: ["name"], description: "A Charter team: content/teams/ID.yaml")
        return document("team.schema.json", "Charter team", body, defs: [])
    }

    func party() -> JSON {
        var kinds: [String] = []
        for kind in Team.PartyKind.allCases {
            for variant in [kind.rawValue, kind.name] where !kinds.contains(variant) { kinds.append(variant) }
        }
        let body = Self.mapping([
            ("name", Self.text), ("kind", Self.fixed(kinds)), ("description", Self.text), ("segment", Self.text),
            ("contact", Self.text), ("url", Self.text), ("members", Self.list(Self.text)),
        ], required: ["name", "kind"], description: "A party outside the organisation: content/parties/ID.yaml")
        return document("party.schema.json", "Charter external party", body, defs: [])
    }

    /// `charter.yaml`: the site's settings.
    func configuration() -> JSON {
        let severity = Self.fixed(["error", "warning", "note", "off"])
        let body = Self.mapping([
            ("title", Self.text), ("description", Self.text),
            ("language", .object([
                ("type", .string("string")), ("pattern", .string("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")),
                ("description", .string("The language of the site's pages: Charter's own words come from its bundle. "
                                        + "Shipped: \(ShippedBundles.languages.joined(separator: ", ")); any other with i18n/<language>.yaml.")),
                ("examples", .array(ShippedBundles.languages.map(JSON.string))),
            ])),
            ("unsafe_html", .object([("type", .string("boolean"))])), ("base_url", Self.text),
            ("public", .object([("type", .string("boolean"))])),
            ("severity", .object([("type", .string("object")),
                                  ("patternProperties", .object([("^[Cc][Hh][0-9]{3}$", severity)])),
                                  ("additionalProperties", .bool(false))])),
            ("assessment_max_age", Self.text), ("measure_band", Self.text),
            ("limits", Self.mapping(SiteLimits.knownKeys.map { ($0, Self.text) })),
            ("business_areas", Self.list(.object([("anyOf", .array([
                Self.text, Self.mapping([("id", Self.text), ("name", Self.text), ("summary", Self.text)], required: ["name"]),
            ]))]))),
        ], description: "The site's settings: charter.yaml at its root")
        return document("charter.schema.json", "Charter settings", body, defs: [])
    }

    /// `i18n/<language>.yaml`: a translation of the words Charter writes into pages. Every
    /// message English has may be given; none is required.
    func translation() -> JSON {
        var tree: [String: Any] = [:]
        for key in Messages.english.table.keys {
            var path = key.split(separator: ".").map(String.init)
            let leaf = path.removeLast()
            func insert(_ node: inout [String: Any], _ rest: ArraySlice<String>) {
                guard let head = rest.first else {
                    node[leaf] = Messages.english.table[key]!
                    return
                }
                var child = node[head] as? [String: Any] ?? [:]
                insert(&child, rest.dropFirst())
                node[head] = child
            }
            insert(&tree, path[...])
        }
        func schema(_ node: [String: Any]) -> JSON {
            Self.mapping(node.keys.sorted().map { name -> (String, JSON) in
                if let group = node[name] as? [String: Any] { return (name, schema(group)) }
                if case .plural? = node[name] as? Message {
                    return (name, Self.mapping(PluralCategory.allCases.map { ($0.rawValue, Self.text) }, required: ["other"]))
                }
                return (name, Self.text)
            })
        }
        let body = Self.mapping([
            ("language", Self.text), ("name", Self.text), ("direction", Self.fixed(["ltr", "rtl"])),
            ("plural", Self.fixed(PluralRule.allCases.map(\.rawValue))),
            ("formats", Self.mapping([
                ("date", Self.text), ("decimal", Self.text), ("group", Self.text), ("percent", Self.text), ("first_day", Self.text),
                ("months", .object([("type", .string("array")), ("items", Self.text), ("minItems", .number(12)), ("maxItems", .number(12))])),
            ])),
            ("messages", schema(tree)),
        ], description: "A translation of Charter's own words: i18n/<language>.yaml at the site's root")
        return document("translation.schema.json", "Charter translation", body, defs: [])
    }

    /// The fields of a measure, a strategy's (with its method) or an objective's own.
    private static let measureFields: [(String, JSON)] = [
        ("success", text), ("measure", text), ("unit", text),
        ("baseline", .object([("anyOf", .array([number, reading(dateRequired: false)]))])),
        ("target", .object([("anyOf", .array([text, reading(dateRequired: true)]))])),
        ("results", list(reading(dateRequired: true))),
        ("cadence", fixed(Strategy.Report.Cadence.allCases.map(\.rawValue))),
        ("band", .object([("type", .string("number")), ("minimum", .number(0))])),
        ("tool", text),
    ]

    /// The fields of one business objective.
    private static let objectiveFields: [(String, JSON)] = [
        ("title", text), ("description", text), ("owner", text),
        ("measures", list(mapping(measureFields, required: ["measure"]))),
        ("worth", mapping([("amount", number), ("currency", text), ("per", text)], required: ["amount", "currency", "per"])),
    ]

    func objectives() -> JSON {
        let body = Self.mapping([
            ("objectives", Self.list(Self.mapping([("id", Self.text)] + Self.objectiveFields, required: ["id", "title"]))),
        ], description: "Charter's objectives register: content/objectives.yaml")
        return document("objectives.schema.json", "Charter objectives register", body, defs: [])
    }

    func objective() -> JSON {
        let body = Self.mapping(Self.objectiveFields, required: ["title"], description: "One Charter objective: content/objectives/ID.yaml")
        return document("objective.schema.json", "Charter objective", body, defs: [])
    }

    func playbook() -> JSON {
        let body: JSON = .object([
            ("type", .string("object")),
            ("description", .string("Front matter of a Charter page. Keys of your own are allowed and reach templates as page.params.")),
            ("properties", .object([
                ("title", Self.text), ("description", Self.text), ("weight", .object([("type", .string("integer"))])),
                ("tags", Self.oneOrMany(Self.text)), ("strategy", Self.text), ("stage", Self.choices(framework.stages.map(\.entry))),
                ("owner", Self.text), ("responsibilities", Self.oneOrMany(Self.choices(framework.responsibilities))),
                ("status", Self.fixed(PlaybookMetadata.Status.allCases.map(\.rawValue))),
                ("last_reviewed", Self.date),
                ("review_interval", .object([("type", .string("string")),
                                             ("pattern", .string("^[1-9][0-9]* (day|week|month|year)s?$"))])),
            ])),
        ])
        return document("playbook.schema.json", "Charter page front matter", body, defs: [])
    }
}
