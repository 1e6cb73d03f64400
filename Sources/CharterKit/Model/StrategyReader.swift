/// Reads a strategy file into a `Strategy`, reporting format problems at their positions.
/// Whether the strategy is complete and consistent is the validator's business, not this reader's.
struct StrategyReader {
    static let keys = [
        "title", "owner", "status", "focus_areas", "sponsor", "objectives", "assessment", "co_creators", "you_said_we_did",
        "goal", "mission", "benefits", "methods", "resources", "reporting", "communication", "programs",
        "presence", "support_content", "maturity", "responsibilities", "risks",
    ]

    func read(_ document: DataDocument) -> (Strategy?, [Diagnostic]) {
        var fields = FieldReader(diagnostics: [])
        guard let map = MappingReader(document.root, what: "a strategy file", known: Self.keys, fields: &fields) else {
            return (nil, fields.diagnostics)
        }
        let title = map.text("title", &fields)
        if title == nil { fields.missing("title", in: "strategy '\(document.id)'", at: map.location) }
        let owner = map.text("owner", &fields)
        if owner == nil { fields.missing("owner", in: "strategy '\(document.id)'", at: map.location) }
        let strategy = Strategy(
            id: document.id,
            sourcePath: document.sourcePath,
            location: map.location,
            title: title,
            owner: owner,
            status: map.choice("status", Strategy.Status.self, &fields),
            focusAreas: map.texts("focus_areas", &fields),
            sponsor: map.text("sponsor", &fields),
            objectives: map.list("objectives", &fields).compactMap { objective($0, &fields) },
            assessment: map.value("assessment").flatMap { assessment($0, &fields) },
            coCreators: map.list("co_creators", &fields).compactMap { coCreator($0, &fields) },
            exchanges: map.list("you_said_we_did", &fields).compactMap { exchange($0, &fields) },
            goal: map.text("goal", &fields),
            mission: map.text("mission", &fields),
            benefits: map.value("benefits").flatMap { benefits($0, &fields) },
            methods: map.list("methods", &fields).compactMap { method($0, &fields) },
            resources: map.list("resources", &fields).compactMap { resource($0, &fields) },
            reporting: map.list("reporting", &fields).compactMap { report($0, &fields) },
            communication: map.value("communication").flatMap { communication($0, &fields) },
            programs: map.list("programs", &fields).compactMap { program($0, &fields) },
            presences: map.list("presence", &fields).compactMap { presence($0, &fields) },
            supportContent: safeLinks(map.texts("support_content", &fields), &fields),
            maturity: map.value("maturity").flatMap { maturity($0, &fields) },
            assignments: map.value("responsibilities").map { assignments($0, &fields) } ?? [],
            risks: map.list("risks", &fields).compactMap { risk($0, &fields) },
            texts: Self.texts(in: document.root))
        return (strategy, fields.diagnostics)
    }

    /// Links written in YAML, without those whose scheme could run code (reported).
    private func safeLinks(_ links: [Located<String>], _ fields: inout FieldReader) -> [Located<String>] {
        links.filter { link in
            guard !LinkResolver.isSafeURL(link.value) else { return true }
            fields.diagnostics.append(Diagnostic(
                .unknownValue, "'\(link.value)' is not an allowed link: use a playbook path, http:, https:, mailto: or tel:",
                at: link.location))
            return false
        }
    }

    /// An item's `id`, reported when missing.
    private func id(_ map: MappingReader, _ what: String, _ fields: inout FieldReader) -> Located<String>? {
        let id = map.text("id", &fields)
        if id == nil { fields.missing("id", in: what, at: map.location) }
        return id
    }

    private func objective(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Objective? {
        // An ID of the objectives register.
        if let text = node.scalarText, node.entries == nil, node.typeDescription == "text" {
            return Strategy.Objective(id: Located(text, at: node.location), text: nil, isStandaloneSocial: false, isReference: true)
        }
        guard let map = MappingReader(node, what: "an objective", known: ["id", "text", "social"], fields: &fields),
              let id = id(map, "an objective", &fields) else { return nil }
        return Strategy.Objective(id: id, text: map.text("text", &fields), isStandaloneSocial: map.flag("social", &fields) ?? false)
    }

    private func assessment(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Assessment? {
        let keys = ["assessed_on", "brand", "customers", "partners", "competition", "sources"]
        guard let map = MappingReader(node, what: "the assessment", known: keys, fields: &fields) else { return nil }
        var customers: MappingReader?
        if let node = map.value("customers") {
            customers = MappingReader(node, what: "the customer assessment",
                                      known: ["sentiment", "needs", "frustrations", "excitements"], fields: &fields)
        }
        let assessedOn = map.date("assessed_on", &fields)
        func findings(_ key: String, _ kind: Strategy.Finding.Kind) -> [Strategy.Finding] {
            (customers?.list(key, &fields) ?? []).compactMap { finding($0, kind, &fields) }
        }
        return Strategy.Assessment(
            location: map.location,
            assessedOn: assessedOn,
            brand: map.text("brand", &fields),
            customerSentiment: customers?.text("sentiment", &fields),
            needs: findings("needs", .need),
            frustrations: findings("frustrations", .frustration),
            excitements: findings("excitements", .excitement),
            partners: map.text("partners", &fields),
            competition: map.value("competition").flatMap { competition($0, &fields) },
            sources: map.texts("sources", &fields))
    }

    /// A finding: plain text, or `{id, text}` when a method refers to it.
    private func finding(_ node: YAMLNode, _ kind: Strategy.Finding.Kind, _ fields: inout FieldReader) -> Strategy.Finding? {
        if let text = node.scalarText, node.entries == nil, node.typeDescription != "nothing" {
            return Strategy.Finding(kind: kind, id: nil, text: Located(text, at: node.location))
        }
        guard let map = MappingReader(node, what: "a \(kind.rawValue)", known: ["id", "text"], fields: &fields) else { return nil }
        let id = map.text("id", &fields)
        if id == nil { fields.missing("id", in: "a \(kind.rawValue)", at: map.location) }
        guard let text = map.text("text", &fields) else {
            fields.missing("text", in: "a \(kind.rawValue)", at: map.location)
            return nil
        }
        return Strategy.Finding(kind: kind, id: id, text: text)
    }

    /// The competition: one text, or the aspects brand, customers and partners (and a summary).
    private func competition(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Competition? {
        if let text = node.scalarText, node.entries == nil {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return nil }
            return Strategy.Competition(location: node.location, summary: Located(trimmed, at: node.location))
        }
        guard let map = MappingReader(node, what: "the competition", known: ["summary", "brand", "customers", "partners"], fields: &fields)
        else { return nil }
        let competition = Strategy.Competition(
            location: map.location, summary: map.text("summary", &fields), brand: map.text("brand", &fields),
            customers: map.text("customers", &fields), partners: map.text("partners", &fields))
        return competition.isEmpty ? nil : competition
    }

    private func coCreator(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.CoCreator? {
        if let text = node.scalarText, node.entries == nil {
            return Strategy.CoCreator(location: node.location, name: Located(text, at: node.location))
        }
        let keys = ["name", "party", "kind", "segment", "from", "to", "shaped", "contribution", "signed_off"]
        guard let map = MappingReader(node, what: "a co-creator", known: keys, fields: &fields) else { return nil }
        let name = map.text("name", &fields), party = map.text("party", &fields)
        if name == nil && party == nil {
            fields.missing("name", in: "a co-creator (or a 'party', the ID of an external party)", at: map.location)
            return nil
        }
        var record = Strategy.CoCreator(location: map.location, name: name ?? party!)
        record.party = party
        record.kind = map.text("kind", &fields)?.value
        record.segment = map.text("segment", &fields)
        record.from = map.date("from", &fields)
        record.to = map.date("to", &fields)
        if let from = record.from, let to = record.to, to.value < from.value {
            fields.diagnostics.append(Diagnostic(
                .invalidDate, "a co-creator's 'to' (\(to.value)) is before its 'from' (\(from.value))", at: to.location))
        }
        record.shaped = map.texts("shaped", &fields)
        record.contribution = map.text("contribution", &fields)
        // `signed_off: 2026-07-04`, the day they did; `signed_off: false` says they have not.
        if let entry = map.entry("signed_off") {
            if let value = entry.value.bool {
                record.signedOff = value ? .yes(nil) : .no
            } else if let day = map.date("signed_off", &fields) {
                record.signedOff = .yes(day)
            }
        }
        return record
    }

    private func exchange(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Exchange? {
        // `asked_on`, not `on`, which YAML 1.1 tools read as the Boolean true.
        let keys = ["said", "by", "asked_on", "did", "done_on", "change"]
        guard let map = MappingReader(node, what: "an entry of 'you_said_we_did'", known: keys, fields: &fields) else { return nil }
        guard let said = map.text("said", &fields) else {
            fields.missing("said", in: "an entry of 'you_said_we_did'", at: map.location)
            return nil
        }
        let on = map.date("asked_on", &fields)
        if on == nil, map.entry("asked_on") == nil { fields.missing("asked_on", in: "an entry of 'you_said_we_did'", at: map.location) }
        let doneOn = map.date("done_on", &fields)
        if let on, let doneOn, doneOn.value < on.value {
            fields.diagnostics.append(Diagnostic(
                .invalidDate, "'done_on' (\(doneOn.value)) is before 'asked_on' (\(on.value))", at: doneOn.location))
        }
        let did = map.text("did", &fields)
        if doneOn != nil && did == nil { fields.missing("did", in: "an entry of 'you_said_we_did' with a 'done_on'", at: map.location) }
        return Strategy.Exchange(
            location: map.location, said: said, by: map.text("by", &fields), on: on, did: did, doneOn: doneOn,
            changes: map.texts("change", &fields))
    }

    private func benefits(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Benefits? {
        guard let map = MappingReader(node, what: "benefits", known: ["customer", "company"], fields: &fields) else { return nil }
        return Strategy.Benefits(location: map.location, customer: map.texts("customer", &fields), company: map.texts("company", &fields))
    }

    private func method(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Method? {
        let keys = ["id", "title", "description", "objectives", "answers", "playbooks"]
        guard let map = MappingReader(node, what: "a method", known: keys, fields: &fields),
              let id = id(map, "a method", &fields) else { return nil }
        return Strategy.Method(
            id: id, title: map.text("title", &fields), description: map.text("description", &fields),
            objectives: map.texts("objectives", &fields), answers: map.texts("answers", &fields),
            playbooks: map.texts("playbooks", &fields))
    }

    private func resource(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Resource? {
        let keys = ["id", "kind", "description", "amount", "currency", "period", "methods", "spent"]
        guard let map = MappingReader(node, what: "a resource", known: keys, fields: &fields),
              let id = id(map, "a resource", &fields) else { return nil }
        let kind = map.choice("kind", Strategy.Resource.Kind.self, &fields)
        if map.entry("kind") == nil { fields.missing("kind", in: "resource '\(id.value)'", at: map.location) }
        let amount = map.text("amount", &fields)
        var resource = Strategy.Resource(
            id: id, kind: kind, description: map.text("description", &fields),
            amount: amount, money: money(map, id: id, amount: amount, isBudget: kind?.value == .budget, &fields),
            methods: map.texts("methods", &fields))
        resource.spent = map.list("spent", &fields).compactMap { reading($0, what: "what was spent", needsDate: true, &fields) }
            .sorted { $0.date! < $1.date! }
        if let first = resource.spent.first, resource.money == nil {
            fields.diagnostics.append(Diagnostic(
                .budgetFormat, "resource '\(id.value)' records what was spent but has no amount with a currency and period to spend it against",
                at: first.location, fixHint: "write the budget as 'amount: 95000', 'currency: GBP', 'period: year'"))
        }
        return resource
    }

    /// A budget's amount as a number with a currency and a period. An amount written as text
    /// (the older form) is still read and shown as written, with a note on the newer form.
    private func money(_ map: MappingReader, id: Located<String>, amount: Located<String>?, isBudget: Bool,
                       _ fields: inout FieldReader) -> Money? {
        let currency = map.text("currency", &fields)
        let period = map.text("period", &fields)
        guard let amount, let entry = map.entry("amount") else {
            if let stray = currency ?? period {
                fields.diagnostics.append(Diagnostic(
                    .budgetFormat, "resource '\(id.value)' has a currency or a period but no amount", at: stray.location))
            }
            return nil
        }
        guard let number = Self.number(entry.value) else {
            if isBudget {
                fields.diagnostics.append(Diagnostic(
                    .budgetFormat, "budget '\(id.value)' gives its amount as text, so it cannot be added up",
                    at: amount.location,
                    fixHint: "write the amount as a number with 'currency' and 'period', such as 'amount: 95000', 'currency: GBP', 'period: year'"))
            }
            return nil
        }
        var problems: [String] = []
        if currency == nil { problems.append("a 'currency'") }
        if period == nil { problems.append("a 'period' (\(Money.periods.joined(separator: ", ")))") }
        if let period, !Money.periods.contains(period.value.lowercased()) {
            fields.unknownValue(period, for: "period", allowed: Money.periods)
            return nil
        }
        guard let currency, let period else {
            fields.diagnostics.append(Diagnostic(
                .budgetFormat, "budget '\(id.value)' gives its amount as a number without \(problems.joined(separator: " or "))",
                at: amount.location))
            return nil
        }
        return Money(amount: number, currency: currency.value, period: period.value.lowercased())
    }

    /// A YAML number as a Double; nil for anything else.
    /// The decimals a number was written with.
    static func decimals(_ node: YAMLNode) -> Int {
        if case .scalar(let text, _) = node.kind { return Reading.decimals(of: text) }
        return 0
    }

    static func number(_ node: YAMLNode) -> Double? {
        switch node.kind {
        case .scalar(let text, .int), .scalar(let text, .float):
            return Double(text.replacingOccurrences(of: "_", with: "")).flatMap { $0.isFinite ? $0 : nil }
        default:
            return nil
        }
    }

    /// A measure: a strategy's reporting entry, or (without `method`) an objective's own.
    func report(_ node: YAMLNode, what: String = "a reporting entry", keys: [String] = Self.reportKeys,
                _ fields: inout FieldReader) -> Strategy.Report? {
        guard let map = MappingReader(node, what: what, known: keys, fields: &fields) else { return nil }
        var report = Strategy.Report(
            location: map.location, method: map.text("method", &fields), success: map.text("success", &fields),
            measure: map.text("measure", &fields), target: nil, tool: map.text("tool", &fields),
            unit: map.text("unit", &fields))
        // A target is either words (the older form) or a number with the date to reach it by.
        if let node = map.value("target") {
            if node.entries != nil {
                report.goal = reading(node, what: "the target", needsDate: true, &fields)
            } else {
                report.target = map.text("target", &fields)
            }
        }
        if let node = map.value("baseline") {
            if let value = Self.number(node) {
                report.baseline = Reading(value: value, date: nil, at: node.location, decimals: Self.decimals(node))
            } else {
                report.baseline = reading(node, what: "the baseline", needsDate: false, &fields)
            }
        }
        report.results = map.list("results", &fields).compactMap { reading($0, what: "a result", needsDate: true, &fields) }
        report.cadence = map.choice("cadence", Strategy.Report.Cadence.self, &fields)
        if let entry = map.entry("band") {
            if let value = Self.number(entry.value), value >= 0 {
                report.band = Located(value, at: entry.value.location)
            } else if let negative = Self.number(entry.value) {
                fields.diagnostics.append(Diagnostic(
                    .wrongType, "'band' must be 0 or more, found \(NumberText.format(negative))", at: entry.value.location,
                    fixHint: "write how far either side of the line, in the measure's units, a result is at risk"))
            } else {
                fields.mismatch(entry, expected: "a number of the measure's units, 0 or more")
            }
        }
        var dates: [CalendarDate: Reading] = [:]
        for result in report.results {
            guard let date = result.date else { continue }
            if let first = dates[date] {
                fields.diagnostics.append(Diagnostic(
                    .measureFormat, "two results are dated \(date)", at: result.location,
                    notes: [.init("the first", at: first.location)]))
            } else {
                dates[date] = result
            }
        }
        report.results.sort { ($0.date ?? CalendarDate(year: 0, month: 1, day: 1)) < ($1.date ?? CalendarDate(year: 0, month: 1, day: 1)) }
        if report.goal == nil, report.baseline != nil || !report.results.isEmpty {
            fields.diagnostics.append(Diagnostic(
                .measureFormat, "the measure has a baseline or results but no target with a number and a date, so its progress cannot be judged",
                at: map.location, fixHint: "write the target as 'target: {value: 80, date: 2027-12-31}'"))
        }
        return report
    }

    static let reportKeys = ["method", "success", "measure", "unit", "baseline", "target", "results", "cadence", "band", "tool"]

    /// `{value: NUMBER, date: YYYY-MM-DD}`; the date may be left out of a baseline.
    private func reading(_ node: YAMLNode, what: String, needsDate: Bool, _ fields: inout FieldReader) -> Reading? {
        guard let map = MappingReader(node, what: what, known: ["value", "date"], fields: &fields) else { return nil }
        var date: CalendarDate?
        if let text = map.text("date", &fields) {
            date = CalendarDate(text.value)
            if date == nil {
                fields.diagnostics.append(Diagnostic(.invalidDate, "'\(text.value)' is not a date written as YYYY-MM-DD", at: text.location))
                return nil
            }
        } else if needsDate {
            fields.missing("date", in: what, at: map.location)
            return nil
        }
        guard let entry = map.entry("value") else {
            fields.missing("value", in: what, at: map.location)
            return nil
        }
        guard let value = Self.number(entry.value) else {
            fields.mismatch(entry, expected: "a number")
            return nil
        }
        return Reading(value: value, date: date, at: map.location, decimals: Self.decimals(entry.value))
    }

    private func communication(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Communication? {
        guard let map = MappingReader(node, what: "communication", known: ["internal", "external"], fields: &fields) else { return nil }
        return Strategy.Communication(
            location: map.location, internalCadence: map.text("internal", &fields), externalCadence: map.text("external", &fields))
    }

    private func program(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Program? {
        let keys = ["id", "title", "kind", "owner", "method", "community", "description"]
        guard let map = MappingReader(node, what: "a program", known: keys, fields: &fields),
              let id = id(map, "a program", &fields) else { return nil }
        // One kind, or a list of them: the framework's kinds are examples, and programs mix them.
        let kinds = map.texts("kind", &fields)
        if kinds.isEmpty { fields.missing("kind", in: "program '\(id.value)'", at: map.location) }
        // Whether a program needs an owner depends on its kinds as the active model defines
        // them, so ProgramOwnerRule asks for it, not the reader.
        let owner = map.text("owner", &fields)
        let method = map.text("method", &fields)
        if method == nil { fields.missing("method", in: "program '\(id.value)'", at: map.location) }
        return Strategy.Program(
            location: map.location, id: id, title: map.text("title", &fields), kinds: kinds, owner: owner, method: method,
            community: map.choice("community", Strategy.Program.Anchor.self, &fields),
            description: map.text("description", &fields))
    }

    private func presence(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Presence? {
        if let text = node.scalarText, node.entries == nil { return Strategy.Presence(name: Located(text, at: node.location)) }
        guard let map = MappingReader(node, what: "a presence", known: ["name", "channel", "url"], fields: &fields) else { return nil }
        guard let name = map.text("name", &fields) else {
            fields.missing("name", in: "a presence", at: map.location)
            return nil
        }
        var url = map.text("url", &fields)
        if let unsafe = url, !LinkResolver.isSafeURL(unsafe.value) {
            fields.diagnostics.append(Diagnostic(
                .unknownValue, "'\(unsafe.value)' is not an allowed link: use http:, https:, mailto: or tel:", at: unsafe.location))
            url = nil
        }
        return Strategy.Presence(name: name, channel: map.text("channel", &fields)?.value, url: url?.value)
    }

    private func maturity(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Maturity? {
        guard let map = MappingReader(node, what: "maturity", known: ["current", "target", "evidence", "convergence"], fields: &fields) else { return nil }
        let current = map.text("current", &fields)
        if current == nil { fields.missing("current", in: "maturity", at: map.location) }
        let target = map.text("target", &fields)
        if target == nil { fields.missing("target", in: "maturity", at: map.location) }
        var evidence: [(Located<String>, [Located<String>])] = []
        if let node = map.value("evidence") {
            if let entries = node.entries {
                for entry in entries {
                    let links: [Located<String>]
                    if let single = entry.value.string {
                        links = [Located(single, at: entry.value.location)]
                    } else {
                        links = (entry.value.items ?? []).compactMap { item in item.scalarText.map { Located($0, at: item.location) } }
                        if entry.value.items == nil { fields.mismatch(entry, expected: "a list of playbook links") }
                    }
                    evidence.append((Located(entry.key, at: entry.keyLocation), links))
                }
            } else {
                fields.diagnostics.append(Diagnostic(.wrongType, "'evidence' must map stages to playbook links, found \(node.typeDescription)", at: node.location))
            }
        }
        return Strategy.Maturity(location: map.location, current: current, target: target, evidence: evidence,
                                 convergence: map.value("convergence").flatMap { convergence($0, &fields) })
    }

    private func convergence(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Convergence? {
        guard let map = MappingReader(node, what: "convergence", known: ["attested_on", "by", "process"], fields: &fields) else { return nil }
        if map.entry("attested_on") == nil { fields.missing("attested_on", in: "convergence", at: map.location) }
        let attestedOn = map.date("attested_on", &fields)
        let by = map.text("by", &fields)
        if by == nil { fields.missing("by", in: "convergence", at: map.location) }
        let process = map.text("process", &fields)
        if process == nil { fields.missing("process", in: "convergence", at: map.location) }
        return Strategy.Convergence(location: map.location, attestedOn: attestedOn, by: by, process: process)
    }

    private func assignments(_ node: YAMLNode, _ fields: inout FieldReader) -> [Strategy.Assignment] {
        guard let entries = node.entries else {
            fields.diagnostics.append(Diagnostic(
                .wrongType, "'responsibilities' must map each responsibility to its teams, found \(node.typeDescription)", at: node.location))
            return []
        }
        return entries.compactMap { entry in
            guard let map = MappingReader(entry.value, what: "the assignment of '\(entry.key)'",
                                          known: ["accountable", "responsible", "consulted", "informed"], fields: &fields)
            else { return nil }
            return Strategy.Assignment(
                responsibility: Located(entry.key, at: entry.keyLocation),
                accountable: map.texts("accountable", &fields),
                responsible: map.texts("responsible", &fields),
                consulted: map.texts("consulted", &fields),
                informed: map.texts("informed", &fields))
        }
    }

    private func risk(_ node: YAMLNode, _ fields: inout FieldReader) -> Strategy.Risk? {
        let keys = ["title", "owner", "mitigation", "escalation"]
        guard let map = MappingReader(node, what: "a risk", known: keys, fields: &fields) else { return nil }
        let title = map.text("title", &fields)
        if title == nil { fields.missing("title", in: "a risk", at: map.location) }
        return Strategy.Risk(
            location: map.location, title: title, owner: map.text("owner", &fields),
            mitigation: map.text("mitigation", &fields), escalation: map.text("escalation", &fields))
    }

    /// Every text scalar below a node, skipping `x-` keys.
    static func texts(in node: YAMLNode) -> [Located<String>] {
        switch node.kind {
        case .scalar(let text, .string):
            return [Located(text, at: node.location)]
        case .scalar:
            return []
        case .sequence(let items):
            return items.flatMap(texts(in:))
        case .mapping(let entries):
            return entries.filter { !$0.key.hasPrefix("x-") }.flatMap { texts(in: $0.value) }
        }
    }
}
