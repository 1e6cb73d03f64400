import Foundation
import Testing
@testable import CharterKit

/// Every health rule as a table: for each, the input nearest to failing that still passes, and
/// the one edit (of a file or of the day) past it that fails, with the diagnostic's code,
/// severity and position, and what the health page then says. The rules are the three reasons
/// strategies fail (CH240–CH242, one row per SMACAD element of the framework for CH240) and the
/// three that the calendar alone can make true (a page due for review, an assessment grown old,
/// a measure behind its line or past its date). A rule added to the "why strategies fail" group,
/// or an element added to the framework, fails `everyRuleHasRows` until it has its rows.
@Suite struct HealthRuleTableTests {
    typealias Edit = FixtureSite.Edit
    static let strategy = FixtureSite.strategy

    struct Side {
        var edits: [Edit] = []
        var today: CalendarDate = FixtureSite.today
    }

    /// The health page's standing of the strategy against one reason strategies fail.
    struct Standing: Equatable, CustomStringConvertible {
        var name: String
        var ok: Bool
        var detail: String
        var description: String { "\(name): \(ok ? "yes" : "no") \(detail)" }
    }

    struct Row: CustomStringConvertible {
        var name: String
        var code: DiagnosticCode
        /// The SMACAD element a CH240 row removes.
        var element: String? = nil
        var passes: Side
        var fails: Side
        /// Where the failing side's diagnostic points.
        var at: String
        var severity: Severity = .warning
        /// The standing on the health page on each side, for the three reasons strategies fail.
        var standing: (passes: Standing, fails: Standing)? = nil
        var description: String { "\(code) \(name)" }
    }

    static func defined(_ detail: String, ok: Bool = false) -> Standing { Standing(name: "Defined", ok: ok, detail: detail) }
    static let allDefined = defined("all six SMACAD elements", ok: true)

    /// CH240, one row per element: the element removed (for benefits, both sides of it emptied;
    /// one side alone still counts as stated).
    static func elementRow(_ element: String) -> Row? {
        let removal: [Edit]
        var passes = Side()
        var passing = allDefined
        switch element {
        case "goal":
            removal = [.replace("goal: Customers answer each other's everyday questions, with our staff in the conversation.\n", with: "")]
        case "mission":
            removal = [.replace("mission: Answers from people who have been there.\n", with: "")]
        case "benefits":
            let customerOnly = Edit.replace("  customer: [\"Faster answers, at any hour\"]\n", with: "  customer: []\n")
            passes.edits = [customerOnly]
            passing = allDefined
            removal = [customerOnly, .replace("  company: [Fewer avoidable calls]\n", with: "  company: []\n")]
        case "methods":
            removal = [.replace("""
                methods:
                  - id: peer-answers
                    title: Peer answers
                    objectives: [fewer-calls]
                    playbooks: [../guides/listening-plan.md]

                """, with: "")]
        case "resources":
            // The people stay out of the way of funding: a budget alone is a resource.
            removal = [.replace("""
                resources:
                  - {id: moderators, kind: people, description: Two community moderators., methods: [peer-answers]}
                  # A budget as a number, with its currency and period, adds up.
                  - id: platform-budget
                    kind: budget
                    amount: 40000
                    currency: GBP
                    period: year
                    methods: [peer-answers]

                """, with: "")]
        case "reporting":
            removal = [.replace("""
                reporting:
                  - method: peer-answers
                    success: Questions get a correct answer within a day.
                    measure: Share of questions answered within 24 hours
                    target: {value: 80, date: 2027-12-31}
                    tool: Forum analytics

                """, with: "")]
        default:
            return nil
        }
        return Row(name: "without \(element)", code: .noDefinedStrategy, element: element, passes: passes,
                   fails: Side(edits: removal), at: "\(strategy):1:1",
                   standing: (passing, defined("missing \(element.prefix(1).uppercased() + element.dropFirst())")))
    }

    /// The rows that are not CH240's.
    static let otherRows: [Row] = {
        let functionHub = Edit.replace("kind: coordination hub", with: "kind: function team\nfunction: community", in: "content/teams/hub.yaml")
        let functionExecutive = Edit.replace("kind: executive committee", with: "kind: function team\nfunction: leadership", in: "content/teams/executive.yaml")
        let noAccountable = Edit.replace("governance: {accountable: executive, responsible: [hub]}", with: "governance: {responsible: [hub]}")
        let onlyConsulted = Edit.replace("governance: {accountable: executive, responsible: [hub]}", with: "governance: {consulted: [hub]}")
        let noGovernanceRow = Edit.replace("  governance: {accountable: executive, responsible: [hub]}\n", with: "")
        let governed = { (detail: String) in Standing(name: "Governed", ok: true, detail: detail) }

        // From 50% on 2026-01-01 to 100% on 2027-01-01: on 2026-07-02, 182 of 365 days in, the
        // line stands at 74.9315...%.
        func tracked(_ value: String, _ more: String = "") -> Edit {
            .replace("    target: {value: 80, date: 2027-12-31}\n", with: """
                    unit: "%"
                    baseline: {value: 50, date: 2026-01-01}
                    target: {value: 100, date: 2027-01-01}
                    results:
                      - {date: 2026-07-02, value: \(value)}

                """ + more)
        }
        let assessed = Edit.replace("assessment:\n", with: "assessment:\n  assessed_on: 2025-11-01\n")

        return [
            // CH241: a team Accountable or Responsible for Governance governs, and so does a
            // coordinating team Accountable or Responsible for any row; a Governance row whose
            // only team is Consulted, with no coordinating team acting anywhere, does not.
            Row(name: "no Governance row, but a coordination hub Accountable elsewhere", code: .noGovernance,
                passes: Side(edits: [noGovernanceRow]), fails: Side(edits: [noGovernanceRow, functionHub, functionExecutive]),
                at: "\(strategy):1:1",
                standing: (governed("Community Hub coordinates it (Accountable for Best Practice)"),
                           Standing(name: "Governed", ok: false, detail: "nobody is Accountable or Responsible for Governance"))),
            Row(name: "the Governance row held only as Responsible, and no coordinating team", code: .noGovernance,
                passes: Side(edits: [functionHub, functionExecutive, noAccountable]),
                fails: Side(edits: [functionHub, functionExecutive, onlyConsulted]),
                at: "\(strategy):1:1",
                standing: (governed("Community Hub is Responsible for Governance"),
                           Standing(name: "Governed", ok: false, detail: "nobody is Accountable or Responsible for Governance"))),
            // CH242: one budget, however small, funds the strategy; people and tools do not.
            Row(name: "a budget of 1", code: .noFunding,
                passes: Side(edits: [.replace("amount: 40000", with: "amount: 1")]),
                fails: Side(edits: [.replace("    kind: budget\n", with: "    kind: tool\n")]),
                at: "\(strategy):1:1",
                standing: (Standing(name: "Funded", ok: true, detail: "GBP 1 a year"),
                           Standing(name: "Funded", ok: false, detail: "no budget"))),
            // CH252: reviewed on 2026-06-01 every 6 months, so due on 2026-12-01 and late the day after.
            Row(name: "a page on its review date and the day after", code: .stalePage,
                passes: Side(today: CalendarDate(year: 2026, month: 12, day: 1)),
                fails: Side(today: CalendarDate(year: 2026, month: 12, day: 2)),
                at: "content/guides/listening-plan.md:11:16"),
            // CH261: assessed on 2025-11-01, twelve months allowed.
            Row(name: "an assessment twelve months old and a day older", code: .staleAssessment,
                passes: Side(edits: [assessed], today: CalendarDate(year: 2026, month: 11, day: 1)),
                fails: Side(edits: [assessed], today: CalendarDate(year: 2026, month: 11, day: 2)),
                at: "\(strategy):10:16"),
            // CH280: the band is 5% of the planned 50 points, 2.5 either side of the line.
            Row(name: "a result at the band's lower edge and a hundredth below", code: .measureOffTrack,
                passes: Side(edits: [tracked("72.44")]), fails: Side(edits: [tracked("72.43")]),
                at: "\(strategy):42:5"),
            // CH283: at risk up to the band's upper edge.
            Row(name: "a result at the band's upper edge and a hundredth below", code: .measureAtRisk,
                passes: Side(edits: [tracked("77.44")]), fails: Side(edits: [tracked("77.43")]),
                at: "\(strategy):42:5", severity: .note),
            // CH284: measured quarterly, last on 2026-07-02.
            Row(name: "a quarterly result three months old and a day older", code: .measureNoRecentData,
                passes: Side(edits: [tracked("80", "    cadence: quarterly\n")], today: CalendarDate(year: 2026, month: 10, day: 2)),
                fails: Side(edits: [tracked("80", "    cadence: quarterly\n")], today: CalendarDate(year: 2026, month: 10, day: 3)),
                at: "\(strategy):42:5"),
            // CH285: ahead of its line, but the target date has passed without the target reached.
            Row(name: "a target not reached on its date and the day after", code: .measureOverdue,
                passes: Side(edits: [tracked("99.99")], today: CalendarDate(year: 2027, month: 1, day: 1)),
                fails: Side(edits: [tracked("99.99")], today: CalendarDate(year: 2027, month: 1, day: 2)),
                at: "\(strategy):42:5"),
        ]
    }()

    static func rows() throws -> [Row] {
        let site = try #require(try FixtureSite.result([]).model)
        let elementRows = site.framework.elements.map(\.id)
        return try elementRows.map { try #require(elementRow($0), "no row for the SMACAD element \($0)") } + otherRows
    }

    /// The health rules: the "why strategies fail" group, and the measures' and the calendar's
    /// rules that the health page lists.
    static let calendarRules: Set<DiagnosticCode> = [.stalePage, .staleAssessment, .measureOffTrack, .measureAtRisk, .measureNoRecentData, .measureOverdue]

    static func healthRuleCodes() -> Set<DiagnosticCode> {
        Set(SiteValidator.rules.map { type(of: $0).code }.filter { $0.group == DiagnosticCode.noDefinedStrategy.group })
            .union(calendarRules)
    }

    /// The health page and the row's diagnostics on one side.
    static func build(_ side: Side, status: String? = nil) throws -> (diagnostics: [Diagnostic], health: String) {
        var edits = side.edits
        if let status { edits.append(.replace("status: approved", with: "status: \(status)")) }
        let site = try SitePagesTests.build(edits, today: side.today)
        let result = try FixtureSite.result(edits, today: side.today)
        return (result.diagnostics, try site.outputText("health.html"))
    }

    /// The strategy's standing against each reason strategies fail, read from the health page.
    static func standings(in health: String) -> [Standing] {
        ["Defined", "Governed", "Funded"].compactMap { name in
            let opening = "<td data-label=\"\(name)\"><span class=\"badge "
            guard let start = health.range(of: opening) else { return nil }
            let cell = health[start.upperBound...].prefix { $0 != "\n" }
            guard let end = cell.range(of: "</td>") else { return nil }
            let text = cell[..<end.lowerBound]
            let ok = text.hasPrefix("ok\">yes</span> ")
            guard let detailStart = text.range(of: "</span> ") else { return nil }
            return Standing(name: name, ok: ok, detail: String(text[detailStart.upperBound...]))
        }
    }

    @Test("every health rule and every SMACAD element of the framework has its rows")
    func everyRuleHasRows() throws {
        let rows = try Self.rows()
        #expect(Set(rows.map(\.code)) == Self.healthRuleCodes())
        #expect(Self.healthRuleCodes().map(\.rawValue).sorted() == ["CH240", "CH241", "CH242", "CH252", "CH261", "CH280", "CH283", "CH284", "CH285"])
        #expect(rows.compactMap(\.element) == ["goal", "mission", "benefits", "methods", "resources", "reporting"])
    }

    @Test("each health rule is silent on its passing side and reports once, where it should, one step past it")
    func passesThenFails() throws {
        for row in try Self.rows() {
            let passing = try Self.build(row.passes)
            #expect(located(passing.diagnostics.filter { $0.code == row.code }) == [], "\(row)")
            #expect(!passing.health.contains("<code>\(row.code)</code>"), "\(row): the health page lists nothing of it")

            let failing = try Self.build(row.fails)
            #expect(located(failing.diagnostics.filter { $0.code == row.code }) == ["\(row.code) \(row.severity.rawValue) \(row.at)"], "\(row)")
            #expect(failing.health.contains("<code>\(row.code)</code> \(row.at)</span></li>"), "\(row): the health page lists it")

            if let standing = row.standing {
                #expect(Self.standings(in: passing.health).contains(standing.passes), "\(row): \(Self.standings(in: passing.health))")
                #expect(Self.standings(in: failing.health).contains(standing.fails), "\(row): \(Self.standings(in: failing.health))")
            }
        }
    }

    @Test("the reasons strategies fail are notes while the strategy is a draft, and warnings once it is in review")
    func draftsAreNoted() throws {
        for row in try Self.rows() where row.standing != nil {
            let draft = try Self.build(row.fails, status: "draft")
            #expect(located(draft.diagnostics.filter { $0.code == row.code }) == ["\(row.code) note \(row.at)"], "\(row)")
            #expect(draft.diagnostics.filter { $0.code == row.code }.allSatisfy { $0.message.hasSuffix(" (a note while it is a draft)") })
            let review = try FixtureSite.result(row.fails.edits + [.replace("status: approved", with: "status: review")])
            #expect(located(review.diagnostics.filter { $0.code == row.code }) == ["\(row.code) warning \(row.at)"], "\(row)")
        }
    }
}
