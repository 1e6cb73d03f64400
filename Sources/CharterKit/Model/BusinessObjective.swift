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
    public var sourcePath: String
    /// The register file's path relative to the content folder.
    public var contentPath: String
    public var location: SourceLocation

    /// The objective's display name, or its ID.
    public var displayName: String { title?.value ?? id.value }
}

/// Reads the objectives register.
struct ObjectiveReader {
    static let keys = ["id", "title", "description", "owner", "measures"]
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
        return BusinessObjective(
            id: id, title: title, description: map.text("description", &fields), owner: map.text("owner", &fields),
            measures: measures, sourcePath: file.source.path, contentPath: file.contentPath, location: map.location)
    }
}
