/// Reads the built-in framework and then the site's `model/*.yaml` files over it.
///
/// A site file holds any of the lists `stages`, `responsibilities`, `focus_areas`,
/// `program_kinds` and `smacad`. An entry whose ID is already known replaces it; a new
/// one is added at the end. With `replace: true` at the top, the file's lists replace the
/// defaults outright, which is how a site sets its own stage list.
public struct FrameworkLoader: Sendable {
    static let listKeys = ["stages", "responsibilities", "focus_areas", "program_kinds", "smacad"]

    /// Creates a loader.
    public init() {}

    /// The framework with the site's files applied, and the problems found in them.
    public func load(siteFiles: [SourceText] = []) -> (Framework, [Diagnostic]) {
        var framework = Framework(stages: [], responsibilities: [], focusAreas: [], programKinds: [], elements: [])
        var diagnostics: [Diagnostic] = []
        let defaults = [
            DefaultFramework.stages, DefaultFramework.responsibilities, DefaultFramework.focusAreas,
            DefaultFramework.programKinds, DefaultFramework.elements,
        ]
        for text in defaults {
            apply(SourceText(path: "<built-in model>", text: text), to: &framework, diagnostics: &diagnostics)
        }
        precondition(diagnostics.isEmpty, "the built-in model is invalid: \(diagnostics)")
        for file in siteFiles.sorted(by: { $0.path < $1.path }) {
            apply(file, to: &framework, diagnostics: &diagnostics)
        }
        validateCriteria(of: framework, diagnostics: &diagnostics)
        return (framework, diagnostics)
    }

    private func apply(_ file: SourceText, to framework: inout Framework, diagnostics: inout [Diagnostic]) {
        let (root, parseDiagnostics) = YAMLReader().read(file.text, path: file.path)
        diagnostics += parseDiagnostics
        guard let root else { return }
        var fields = FieldReader(diagnostics: [])
        guard let entries = root.entries else {
            diagnostics.append(Diagnostic(.wrongType, "a model file must be a mapping of lists, found \(root.typeDescription)", at: root.location))
            return
        }
        let replace = entries.first { $0.key == "replace" }.flatMap { fields.bool($0) } ?? false
        for entry in entries where entry.key != "replace" && !entry.key.hasPrefix("x-") {
            guard Self.listKeys.contains(entry.key) else {
                fields.unknownKey(entry, known: Self.listKeys + ["replace"], in: "a model file", severity: .error)
                continue
            }
            guard let items = entry.value.items else {
                fields.mismatch(entry, expected: "a list")
                continue
            }
            var read: [(FrameworkEntry, [Criterion], Bool)] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                let criteriaKey = entry.key == "stages" ? "criteria" : entry.key == "focus_areas" ? "expects" : nil
                guard let parsed = readEntry(item, criteriaKey: criteriaKey, fields: &fields) else { continue }
                let at = item["id"]?.location ?? item.location
                if let first = seen[parsed.0.id] {
                    fields.diagnostics.append(Diagnostic(
                        .duplicateID, "'\(parsed.0.id)' is defined twice in '\(entry.key)'", at: at,
                        notes: [.init("first defined here", at: first)]))
                    continue
                }
                seen[parsed.0.id] = at
                read.append(parsed)
            }
            switch entry.key {
            case "stages":
                let stages = read.map { StageDefinition(entry: $0.0, criteria: $0.1) }
                framework.stages = merge(framework.stages, stages, id: \.id, replace: replace)
            case "responsibilities":
                framework.responsibilities = merge(framework.responsibilities, read.map(\.0), id: \.id, replace: replace)
            case "focus_areas":
                framework.focusAreas = merge(framework.focusAreas, read.map(\.0), id: \.id, replace: replace)
                if replace { framework.focusExpectations = [:] }
                // An entry that leaves `expects` out keeps what it had; `expects: []` clears it.
                for (area, expects, given) in read where given { framework.focusExpectations[area.id] = expects }
            case "program_kinds":
                framework.programKinds = merge(framework.programKinds, read.map(\.0), id: \.id, replace: replace)
            default:
                framework.elements = merge(framework.elements, read.map(\.0), id: \.id, replace: replace)
            }
        }
        diagnostics += fields.diagnostics
    }

    /// An entry, with the criteria under `criteriaKey` (a stage's `criteria`, a focus area's
    /// `expects`) and whether that key was given.
    private func readEntry(_ node: YAMLNode, criteriaKey: String?, fields: inout FieldReader) -> (FrameworkEntry, [Criterion], Bool)? {
        guard let entries = node.entries else {
            fields.diagnostics.append(Diagnostic(.wrongType, "a model entry must be a mapping, found \(node.typeDescription)", at: node.location))
            return nil
        }
        let known = ["id", "name", "summary", "description", "aliases"] + (criteriaKey.map { [$0] } ?? [])
        var id: String?, name: String?, summary = "", description: String?, aliases: [String] = []
        var criteria: [Criterion] = []
        var criteriaGiven = false
        for entry in entries where !entry.key.hasPrefix("x-") {
            switch entry.key {
            case "id": id = fields.string(entry)
            case "name": name = fields.string(entry)
            case "summary": summary = fields.string(entry) ?? ""
            case "description": description = fields.string(entry)
            case "aliases": aliases = fields.strings(entry) ?? []
            case let key where key == criteriaKey:
                criteriaGiven = true
                guard let items = entry.value.items else {
                    fields.mismatch(entry, expected: "a list of criteria")
                    continue
                }
                for item in items {
                    if let criterion = readCriterion(item, fields: &fields) { criteria.append(criterion) }
                }
            default: fields.unknownKey(entry, known: known, in: "a model entry", severity: .error)
            }
        }
        guard let id else {
            fields.diagnostics.append(Diagnostic(.missingField, "a model entry needs an 'id'", at: node.location))
            return nil
        }
        // Model IDs become file names of the site (stages/ID.html), so they follow the ID rule.
        guard ModelBuilder.isValidID(id) else {
            let at = node["id"]?.location ?? node.location
            fields.diagnostics.append(Diagnostic(
                .invalidID, "'\(id)' is not a valid model ID", at: at,
                fixHint: "use lower-case letters, digits and hyphens, such as '\(ModelBuilder.suggestedID(id))'"))
            return nil
        }
        let entry = FrameworkEntry(id: id, name: name ?? id, summary: summary, description: description, aliases: aliases)
        return (entry, criteria, criteriaGiven)
    }

    private func readCriterion(_ node: YAMLNode, fields: inout FieldReader) -> Criterion? {
        guard let entries = node.entries else {
            fields.diagnostics.append(Diagnostic(.wrongType, "a criterion must be a mapping, found \(node.typeDescription)", at: node.location))
            return nil
        }
        var check: CriterionCheck?, responsibility: String?, summary: String?, minimum: Int?
        for entry in entries where !entry.key.hasPrefix("x-") {
            switch entry.key {
            case "check":
                guard let name = fields.string(entry) else { continue }
                check = CriterionCheck(rawValue: name)
                if check == nil {
                    let suggestion = Suggestions.closest(to: name, in: CriterionCheck.allCases.map(\.rawValue))
                    fields.diagnostics.append(Diagnostic(
                        .unknownValue, "'\(name)' is not a check Charter knows", at: entry.value.location,
                        fixHint: suggestion.map { "did you mean '\($0)'?" }))
                }
            case "responsibility": responsibility = fields.string(entry)
            case "summary": summary = fields.string(entry)
            case "minimum":
                minimum = fields.int(entry)
                if let value = minimum, value < 1 {
                    fields.diagnostics.append(Diagnostic(.unknownValue, "'minimum' must be 1 or more, found \(value)", at: entry.value.location))
                    minimum = nil
                }
            default: fields.unknownKey(entry, known: ["check", "responsibility", "summary", "minimum"], in: "a criterion", severity: .error)
            }
        }
        guard let check else {
            if !entries.contains(where: { $0.key == "check" }) { fields.missing("check", in: "a criterion", at: node.location) }
            return nil
        }
        return Criterion(check: check, responsibility: responsibility, summary: summary ?? check.rawValue, minimum: minimum)
    }

    private func validateCriteria(of framework: Framework, diagnostics: inout [Diagnostic]) {
        for area in framework.focusAreas {
            for criterion in framework.focusExpectations[area.id] ?? [] where criterion.check.takesResponsibility {
                if criterion.responsibility.flatMap(framework.responsibility) == nil {
                    diagnostics.append(Diagnostic(
                        .unknownValue,
                        "the expectation '\(criterion.summary)' of focus area '\(area.name)' needs a known responsibility",
                        at: SourceLocation(path: "model/focus-areas.yaml")))
                }
            }
        }
        for stage in framework.stages {
            for criterion in stage.criteria where criterion.check.takesResponsibility {
                if criterion.responsibility.flatMap(framework.responsibility) == nil {
                    diagnostics.append(Diagnostic(
                        .unknownValue,
                        "the criterion '\(criterion.summary)' of stage '\(stage.name)' needs a known responsibility",
                        at: SourceLocation(path: "model/stages.yaml")))
                }
            }
        }
    }

    private func merge<Item>(_ base: [Item], _ additions: [Item], id: (Item) -> String, replace: Bool) -> [Item] {
        guard !replace else { return additions }
        var result = base
        for item in additions {
            if let index = result.firstIndex(where: { id($0) == id(item) }) {
                result[index] = item
            } else {
                result.append(item)
            }
        }
        return result
    }
}
