import Foundation
import Testing
@testable import CharterKit

/// Every maturity criterion as a table: a strategy that meets it and one edit that makes the
/// same strategy miss it, driven from the framework's own definition. The table is a switch over
/// every kind of check, so a check added to the model does not compile without its row; each
/// criterion of the built-in framework is run, and so is every check the built-in framework
/// does not use, as a site's model file could.
@Suite struct CriterionTableTests {
    typealias Edit = FixtureSite.Edit
    static let strategyFile = "content/strategies/community.yaml"

    /// The edit after which the fixture's strategy misses `criterion`, all else kept.
    static func missing(_ criterion: Criterion) -> [Edit] {
        switch criterion.check {
        case .assessmentWithSources:
            return [.replace("  sources: [Call notes, Broker round-tables]\n", with: "")]
        case .goalServesObjective:
            return [.replace("goal: Customers answer each other's everyday questions, with our staff in the conversation.\n", with: "")]
        case .hasPresence:
            return [.replace("presence:\n  - name: Member forum\n    channel: forum\n", with: "")]
        case .hasSupportContent:
            return [.replace("support_content: [../guides/escalation.md]\n", with: "")]
        case .communityProgram:
            return [.replace("    community: lifestyle\n", with: "")]
        case .responsibleTeam:
            // The criterion's row keeps its Accountable team and loses the Responsible ones.
            return row(criterion, becomes: "{accountable: hub}")
        case .accountableTeam:
            return row(criterion, becomes: "{responsible: [hub]}")
        case .assignedTeam:
            return row(criterion, becomes: "{consulted: [hub]}")
        case .riskProcess:
            return [.replace("    escalation: Privacy office\n", with: "")]
        case .communicationCadence:
            return [.replace("  external: Quarterly update to members\n", with: "")]
        case .executiveSponsor:
            return [.replace("sponsor: Chief Customer Officer\n", with: "")]
        case .coordinationTeam:
            return [.replace("kind: coordination hub", with: "kind: function team", in: "content/teams/hub.yaml")]
        case .executivesEngaged:
            return FrameworkRuleTests.executiveInformedOnly
        case .businessReach:
            // Back to the fixture's two areas: marketing and claims hold no role.
            return [
                .replace("content-direction: {accountable: hub, responsible: [insight, marketing]}",
                         with: "content-direction: {accountable: hub, responsible: [insight]}"),
                .replace("conflict-resolution: {accountable: executive, responsible: [hub, claims]}",
                         with: "conflict-resolution: {accountable: executive, responsible: [hub]}"),
            ]
        case .methodsServeObjectives:
            return [.replace("    objectives: [fewer-calls]\n", with: "")]
        case .noStandaloneSocialObjective:
            return [.replace("  - fewer-calls\n", with: "  - fewer-calls\n  - {id: followers, text: More followers, social: true}\n")]
        case .objectivesInRegister:
            // An objective of its own, written in the strategy rather than taken from the register.
            return [.replace("  - fewer-calls\n", with: "  - fewer-calls\n  - {id: own-goal, text: Our own aim}\n")]
        case .internalCollaboration:
            // The fixture's program is co-created and internal; it loses the internal kind.
            return [.replace("    kind: [co-created, internal]\n", with: "    kind: co-created\n")]
        case .customerSharing:
            return [.replace("    community: lifestyle\n", with: "")]
        case .convergenceAttested:
            // Attested by the hub, which does not run the business's planning.
            return [.replace("by: executive, process:", with: "by: hub, process:")]
        }
    }

    /// The responsibility matrix's rows as the fixture at Converged has them.
    static let rows = [
        "conversation-shaping": "{accountable: hub, responsible: [hub, insight]}",
        "governance": "{accountable: executive, responsible: [hub]}",
        "technology": "{accountable: insight, responsible: [insight], consulted: [hub]}",
    ]

    static func row(_ criterion: Criterion, becomes new: String) -> [Edit] {
        let name = criterion.responsibility ?? "?"
        return [.replace("  \(name): \(rows[name] ?? "?")\n", with: "  \(name): \(new)\n")]
    }

    /// The checks the built-in framework does not use, each as a site's model file could ask it.
    static let otherCriteria: [Criterion] = [
        Criterion(check: .accountableTeam, responsibility: "governance", summary: "a team Accountable for Governance"),
        Criterion(check: .assignedTeam, responsibility: "technology", summary: "a team assigned to Technology"),
        Criterion(check: .executiveSponsor, summary: "an executive sponsor"),
        Criterion(check: .noStandaloneSocialObjective, summary: "no objective that exists only for social's sake"),
        Criterion(check: .methodsServeObjectives, summary: "every method serves a business objective"),
        Criterion(check: .internalCollaboration, summary: "a program of kind internal or process alignment"),
        Criterion(check: .customerSharing, summary: "a community program"),
    ]

    /// The fixture at Converged, whose program is also run internally, for the focus areas' checks.
    static let base = FrameworkRuleTests.strategic + [.replace("    kind: co-created\n", with: "    kind: [co-created, internal]\n")]

    /// Whether the fixture's strategy, after `edits`, meets each criterion.
    static func meets(_ criteria: [Criterion], after edits: [Edit]) throws -> [Bool] {
        let result = try FixtureSite.result(edits)
        let site = try #require(result.model)
        let strategy = try #require(site.strategyModels.first { $0.id == "community" })
        let evaluator = CriterionEvaluator(context: ValidationContext(site: site, today: FixtureSite.today))
        return criteria.map { evaluator.meets(strategy, $0) }
    }

    static func frameworkCriteria() throws -> [(stage: String, criterion: Criterion)] {
        let site = try #require(try FixtureSite.result([]).model)
        return site.framework.stages.flatMap { stage in stage.criteria.map { (stage.id, $0) } }
    }

    @Test("the fixture at Converged meets every criterion, the built-in framework's and the others")
    func allMet() throws {
        let criteria = try Self.frameworkCriteria().map(\.criterion) + Self.otherCriteria
        #expect(criteria.count == 20)
        #expect(Set(criteria.map(\.check)) == Set(CriterionCheck.allCases), "every kind of check is in the table")
        #expect(try Self.meets(criteria, after: Self.base) == Array(repeating: true, count: criteria.count))
    }

    @Test("each criterion of the built-in framework is missed after its edit, and only the criteria of that check are")
    func frameworkCriterionMissed() throws {
        let criteria = try Self.frameworkCriteria()
        #expect(criteria.map(\.stage) == [
            "planning", "planning", "presence", "presence", "engagement", "engagement", "engagement", "formalised",
            "strategic", "strategic", "strategic", "converged", "converged",
        ])
        for (stage, criterion) in criteria {
            let met = try Self.meets(criteria.map(\.criterion), after: FrameworkRuleTests.strategic + Self.missing(criterion))
            let missed = zip(criteria, met).filter { !$0.1 }.map(\.0.criterion.check)
            #expect(missed == [criterion.check], "\(stage): \(criterion.summary)")
        }
    }

    @Test("each check the built-in framework does not use is missed after its edit")
    func otherCriterionMissed() throws {
        for criterion in Self.otherCriteria {
            let met = try Self.meets([criterion], after: Self.base + Self.missing(criterion))
            #expect(met == [false], "\(criterion.summary)")
        }
    }
}
