/// A check of the model with one stable code. Its severity, summary and explanation are the code's.
public protocol ValidationRule: Sendable {
    /// The code every diagnostic of this rule carries.
    static var code: DiagnosticCode { get }
    /// Every problem the rule finds in the site.
    func check(_ context: ValidationContext) -> [Diagnostic]
}

/// A rule that looks at one strategy at a time.
public protocol StrategyRule: ValidationRule {
    func check(_ strategy: Strategy, in context: ValidationContext) -> [Diagnostic]
}

extension StrategyRule {
    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.site.strategyModels.flatMap { check($0, in: context) }
    }

    /// A diagnostic with this rule's code.
    func problem(_ message: String, at location: SourceLocation, severity: Severity? = nil, fixHint: String? = nil) -> Diagnostic {
        Diagnostic(Self.code, message, at: location, severity: severity, fixHint: fixHint)
    }
}

/// Runs every rule over the model.
public struct SiteValidator: Sendable {
    /// All rules, in code order.
    public static let rules: [any ValidationRule] = [
        SMACADElementsRule(), DualBenefitsRule(), MethodExecutionRule(), MethodResourcesRule(), MethodReportingRule(),
        ResourceMethodRule(), PlaceholderRule(),
        AssessmentFirstRule(), CoCreatorsRule(),
        TargetStageRule(), CumulativeCriteriaRule(), MaturityGapRule(),
        NoAccountableRule(), SeveralAccountableRule(), NoResponsibleRule(), OneLetterPerCellRule(), AccountableOverloadRule(),
        UncoveredResponsibilityRule(),
        DefinedStrategyHealthRule(), GovernanceHealthRule(), FundingHealthRule(),
        ReferenceRule(), FrameworkValueRule(), ProgramOwnerRule(), DuplicateIDRule(), StalePageRule(),
        SupportedStageRule(), StaleAssessmentRule(), MethodFindingRule(), UndeclaredBusinessAreasRule(), FocusAreaExpectationRule(),
        InlineObjectiveRule(), MeasureOffTrackRule(), UnservedObjectiveRule(), StrategyWithoutObjectiveRule(),
        MeasureAtRiskRule(), MeasureNoRecentDataRule(), MeasureOverdueRule(), MeasureNotJudgedRule(), ObjectiveWithoutMeasureRule(),
    ]

    /// Creates a validator.
    public init() {}

    /// Every problem every rule finds.
    public func validate(_ context: ValidationContext) -> [Diagnostic] {
        Self.rules.flatMap { $0.check(context) }
    }
}

extension Strategy {
    /// The SMACAD elements that are absent or empty, by framework ID.
    var missingElements: [String] {
        var missing: [String] = []
        if goal == nil { missing.append("goal") }
        if mission == nil { missing.append("mission") }
        if benefits.map({ $0.customer.isEmpty && $0.company.isEmpty }) ?? true { missing.append("benefits") }
        if methods.isEmpty { missing.append("methods") }
        if resources.isEmpty { missing.append("resources") }
        if reporting.isEmpty { missing.append("reporting") }
        return missing
    }

    /// The IDs of the objectives the strategy serves, itself or through its methods, in order.
    public var servedObjectiveIDs: [String] {
        var ids: [String] = []
        for id in objectives.map(\.id.value) + methods.flatMap({ $0.objectives.map(\.value) }) where !ids.contains(id) {
            ids.append(id)
        }
        return ids
    }

    /// The resources that are budgets; none means no funding, the third reason strategies fail.
    var budgets: [Resource] { resources.filter { $0.kind?.value == .budget } }

    /// The assignment for a responsibility of the framework, matched by ID, name or alias.
    func assignment(for responsibility: String, in framework: Framework) -> Assignment? {
        guard let id = framework.responsibility(responsibility)?.id else { return nil }
        return assignments.first { framework.responsibility($0.responsibility.value)?.id == id }
    }
}
