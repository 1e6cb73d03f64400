/// CH201: all six SMACAD elements are present and not empty.
struct SMACADElementsRule: StrategyRule {
    static let code = DiagnosticCode.smacadElementMissing

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.missingElements.map { element in
            let name = context.framework.elements.first { $0.id == element }?.name ?? element
            return problem("strategy '\(strategy.id)' has no \(name.lowercased()), one of the six SMACAD elements", at: strategy.location)
        }
    }
}

/// CH202: benefits name what the customer gains and what the company gains.
struct DualBenefitsRule: StrategyRule {
    static let code = DiagnosticCode.benefitsOneSided

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        guard let benefits = strategy.benefits, !(benefits.customer.isEmpty && benefits.company.isEmpty) else { return [] }
        if benefits.customer.isEmpty {
            return [problem("benefits name what the company gains but not what the customer gains", at: benefits.location,
                            fixHint: "add a 'customer' list")]
        }
        if benefits.company.isEmpty {
            return [problem("benefits name what the customer gains but not what the company gains", at: benefits.location,
                            fixHint: "add a 'company' list")]
        }
        return []
    }
}

/// CH203: every method is carried out by a program or a playbook.
struct MethodExecutionRule: StrategyRule {
    static let code = DiagnosticCode.methodWithoutExecution

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.methods.filter { method in
            method.playbooks.isEmpty && !strategy.programs.contains { $0.method?.value == method.id.value }
        }.map { problem("method '\($0.id.value)' has no program or playbook carrying it out", at: $0.id.location) }
    }
}

/// CH204: every method has resources.
struct MethodResourcesRule: StrategyRule {
    static let code = DiagnosticCode.methodWithoutResources

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.methods.filter { method in
            !strategy.resources.contains { $0.methods.contains { $0.value == method.id.value } }
        }.map { problem("no resource serves method '\($0.id.value)'", at: $0.id.location) }
    }
}

/// CH205: every method has reporting with a measure, a target and a tool.
struct MethodReportingRule: StrategyRule {
    static let code = DiagnosticCode.methodWithoutReporting

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.methods.flatMap { method -> [Diagnostic] in
            let reports = strategy.reporting.filter { $0.method?.value == method.id.value }
            guard !reports.isEmpty else {
                return [problem("method '\(method.id.value)' has no reporting", at: method.id.location)]
            }
            return reports.compactMap { report in
                let missing = [("what success means", report.success != nil), ("a measure", report.measure != nil),
                               ("a target", report.target != nil || report.goal != nil), ("a tool", report.tool != nil)]
                    .filter { !$0.1 }.map(\.0)
                guard !missing.isEmpty else { return nil }
                return problem("reporting for method '\(method.id.value)' lacks \(missing.joined(separator: ", "))", at: report.location)
            }
        }
    }
}

/// CH206: every resource serves at least one method.
struct ResourceMethodRule: StrategyRule {
    static let code = DiagnosticCode.resourceWithoutMethod

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        strategy.resources.filter(\.methods.isEmpty).map {
            problem("resource '\($0.id.value)' serves no method", at: $0.id.location, fixHint: "list the methods it serves under 'methods'")
        }
    }
}

/// CH207: no placeholder text; an error once approved, a warning before.
struct PlaceholderRule: StrategyRule {
    static let code = DiagnosticCode.placeholderText
    static let markers = ["TODO", "TBD", "TBC", "FIXME", "XXX"]

    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic] {
        let severity: Severity = strategy.status?.value == .approved ? .error : .warning
        return strategy.texts.compactMap { text in
            guard let marker = Self.placeholder(in: text.value) else { return nil }
            return problem("placeholder text '\(marker)' in \(strategy.status?.value.rawValue ?? "draft") strategy '\(strategy.id)'",
                           at: text.location, severity: severity)
        }
    }

    /// The first placeholder in the text: a marker written as a word of its own, or lorem ipsum.
    static func placeholder(in text: String) -> String? {
        if text.lowercased().contains("lorem ipsum") { return "lorem ipsum" }
        let words = text.split { !$0.isLetter }
        return words.first { markers.contains(String($0)) }.map(String.init)
    }
}
