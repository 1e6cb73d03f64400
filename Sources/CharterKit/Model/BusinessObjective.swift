/// A business objective of the organisation, from the objectives register: `objectives.yaml`
/// in the content folder, or one file each under `objectives/`. Strategies and methods serve
/// objectives by ID, so one objective can show every strategy that pursues it.
public struct BusinessObjective: Sendable, Hashable {
    public var id: Located<String>
    public var title: Located<String>?
    public var description: Located<String>?
    /// The team that answers for the objective.
    public var owner: Located<String>?
    /// The objective's own outcome measures (its KPIs), written as a strategy's measures are,
    /// without a method.
    public var measures: [Strategy.Report] = []
    /// What reaching the objective is worth.
    public var worth: Worth?

    /// What an objective is worth: an amount a year once it is reached, or an amount for each
    /// unit its first outcome measure gains ("GBP 2.50 a question").
    public struct Worth: Sendable, Hashable {
        public var amount: Double
        public var currency: String
        /// "year", or the unit of the objective's first measure ("question", "policy").
        public var per: String
        public var location: SourceLocation

        /// Whether it is an amount a year, rather than an amount per unit of the measure.
        public var isYearly: Bool { per == "year" }

        /// "GBP 2.50 a question", "GBP 100,000 a year".
        public var description: String {
            let cents = Int((abs(amount) * 100).rounded())
            let number = cents % 100 == 0 ? NumberText.format(amount) : (amount < 0 ? "-" : "") + NumberText.format(Double(cents / 100)) + "." + String(format: "%02d", cents % 100)
            return "\(currency) \(number) a \(per)"
        }
    }
    public var sourcePath: String
    /// The register file's path relative to the content folder.
    public var contentPath: String
    public var location: SourceLocation

    /// The objective's display name, or its ID.
    public var displayName: String { title?.value ?? id.value }
}

/// Reads the objectives register.
struct ObjectiveReader {
    static let keys = ["id", "title", "description", "owner", "measures", "worth"]
    /// The keys of an objective's own measure: a strategy's reporting keys without the method.
    static let measureKeys = StrategyReader.reportKeys.filter { $0 != "method" }

    /// Whether a content path is part of the register: `objectives.yaml` or `objectives/ID.yaml`.
    static func isRegisterFile(_ contentPath: String) -> Bool {
        let parts = contentPath.split(separator: "/")
        if parts.count == 1 { return parts[0] == "objectives.yaml" || parts[0] == "objectives.yml" }
        return parts.count == 2 && parts[0] == "objectives" && (parts[1].hasSuffix(".yaml") || parts[1].hasSuffix(".yml"))
    }

    /// The objectives of one register file.
    func read(_ file: ContentFile) -> ([BusinessObjective], [Diagnostic]) {
        let (node, yamlDiagnostics) = YAMLReader().read(file.source.text, path: file.source.path)
        var fields = FieldReader(diagnostics: yamlDiagnostics)
        guard let node else { return ([], fields.diagnostics) }
        if case .scalar(_, .null) = node.kind { return ([], fields.diagnostics) }
        if file.contentPath.contains("/") {
            // objectives/ID.yaml: one objective, its ID the file name.
            let stem = ContentPaths.stem(of: file.contentPath)
            guard let map = MappingReader(node, what: "an objective file", known: Self.keys.filter { $0 != "id" }, fields: &fields)
            else { return ([], fields.diagnostics) }
            let objective = objective(map, id: Located(stem, at: SourceLocation(path: file.source.path)), file: file, &fields)
            if !ModelBuilder.isValidID(stem) {
                fields.diagnostics.append(Diagnostic(
                    .invalidID, "'\(stem)' is not a valid objective ID", at: SourceLocation(path: file.source.path),
                    fixHint: "rename the file to '\(ModelBuilder.suggestedID(stem)).yaml'"))
            }
            return ([objective], fields.diagnostics)
        }
        guard let root = MappingReader(node, what: "the objectives register", known: ["objectives"], fields: &fields)
        else { return ([], fields.diagnostics) }
        var objectives: [BusinessObjective] = []
        for item in root.list("objectives", &fields) {
            guard let map = MappingReader(item, what: "an objective", known: Self.keys, fields: &fields) else { continue }
            guard let id = map.text("id", &fields) else {
                fields.missing("id", in: "an objective", at: map.location)
                continue
            }
            if !ModelBuilder.isValidID(id.value) {
                fields.diagnostics.append(Diagnostic(
                    .invalidID, "'\(id.value)' is not a valid objective ID", at: id.location,
                    fixHint: "use '\(ModelBuilder.suggestedID(id.value))'"))
            }
            objectives.append(objective(map, id: id, file: file, &fields))
        }
        return (objectives, fields.diagnostics)
    }

    private func objective(_ map: MappingReader, id: Located<String>, file: ContentFile, _ fields: inout FieldReader) -> BusinessObjective {
        let title = map.text("title", &fields)
        if title == nil { fields.missing("title", in: "objective '\(id.value)'", at: map.location) }
        let measures = map.list("measures", &fields).compactMap { node -> Strategy.Report? in
            guard let report = StrategyReader().report(node, what: "a measure of objective '\(id.value)'", keys: Self.measureKeys, &fields)
            else { return nil }
            if report.measure == nil { fields.missing("measure", in: "a measure of objective '\(id.value)'", at: report.location) }
            return report
        }
        var objective = BusinessObjective(
            id: id, title: title, description: map.text("description", &fields), owner: map.text("owner", &fields),
            measures: measures, sourcePath: file.source.path, contentPath: file.contentPath, location: map.location)
        if let node = map.value("worth") { objective.worth = worth(node, of: id.value, &fields) }
        return objective
    }

    /// `worth: {amount: 2.5, currency: GBP, per: question}`.
    private func worth(_ node: YAMLNode, of id: String, _ fields: inout FieldReader) -> BusinessObjective.Worth? {
        let what = "the worth of objective '\(id)'"
        guard let map = MappingReader(node, what: what, known: ["amount", "currency", "per"], fields: &fields) else { return nil }
        let currency = map.text("currency", &fields), per = map.text("per", &fields)
        guard let entry = map.entry("amount") else {
            fields.missing("amount", in: what, at: map.location)
            return nil
        }
        guard let amount = StrategyReader.number(entry.value) else {
            fields.mismatch(entry, expected: "a number")
            return nil
        }
        guard let currency else {
            fields.missing("currency", in: what, at: map.location)
            return nil
        }
        guard let per else {
            fields.missing("per", in: what, at: map.location)
            return nil
        }
        return BusinessObjective.Worth(amount: amount, currency: currency.value, per: per.value, location: map.location)
    }
}
