import Testing
@testable import CharterKit

/// The scoreboard's rules on the clean fixture with one change: measures (CH117, CH280),
/// budgets (CH118), and the objectives register (CH119, CH250, CH281, CH282).
@Suite struct ScoreboardRuleTests {
    typealias Edit = FixtureSite.Edit
    static let strategy = FixtureSite.strategy
    static let register = "content/objectives.yaml"

    /// The fixture's measure made a tracked one, from 50% on 2026-01-01 to 100% on 2027-01-01.
    static func tracked(_ results: String) -> Edit {
        .replace("    target: {value: 80, date: 2027-12-31}\n", with: """
                unit: "%"
                baseline: {value: 50, date: 2026-01-01}
                target: {value: 100, date: 2027-01-01}
                results:
            \(results)
            """)
    }

    @Test("CH280: a measure more than its band behind its line is a warning at the measure, with the numbers in the message")
    func offTrack() throws {
        let result = try FixtureSite.result([Self.tracked("      - {date: 2026-03-01, value: 60}\n      - {date: 2026-07-02, value: 70}\n")])
        #expect(located(result.diagnostics) == ["CH280 warning \(Self.strategy):42:5"])
        #expect(result.diagnostics.map(\.message) == [
            "'Share of questions answered within 24 hours' in strategy 'community' is off track: 70% on 2026-07-02, but the line to its target asks for 75% by then, give or take 2.5 points",
        ])
    }

    @Test("CH283: within the band of the line, a note; CH285: past the target date without reaching it, a warning")
    func targetDatePassed() throws {
        let edits = [Self.tracked("      - {date: 2026-07-02, value: 76}\n")]
        let within = try FixtureSite.result(edits)
        #expect(located(within.diagnostics) == ["CH283 note \(Self.strategy):42:5"])
        #expect(within.diagnostics.map(\.message) == [
            "'Share of questions answered within 24 hours' in strategy 'community' is at risk: 76% on 2026-07-02, within 2.5 points of the 75% the line to its target asks for by then",
        ])
        let late = try FixtureSite.result(edits, today: CalendarDate(year: 2027, month: 2, day: 1))
        #expect(located(late.diagnostics.filter { $0.code.group == DiagnosticCode.measureOffTrack.group }) == ["CH285 warning \(Self.strategy):42:5"])
        #expect(late.diagnostics.filter { $0.code == .measureOverdue }.map(\.message) == [
            "'Share of questions answered within 24 hours' in strategy 'community' is overdue: its target of 100% was due on 2027-01-01, and its latest result is 76% on 2026-07-02",
        ])
    }

    @Test("CH284: a measure whose latest result is older than its cadence; CH285 without any result")
    func noRecentData() throws {
        let edits = [Self.tracked("      - {date: 2026-07-02, value: 76}\n    cadence: quarterly\n")]
        #expect(try FixtureSite.check(edits, today: CalendarDate(year: 2026, month: 10, day: 2)) == ["CH283 note \(Self.strategy):42:5"])
        let stale = try FixtureSite.result(edits, today: CalendarDate(year: 2026, month: 10, day: 3))
        #expect(located(stale.diagnostics) == ["CH284 warning \(Self.strategy):42:5"])
        #expect(stale.diagnostics.map(\.message) == [
            "'Share of questions answered within 24 hours' in strategy 'community' has no recent data: it is measured quarterly, but its latest result is from 2026-07-02",
        ])
        // The fixture's own measure has a target and no result: nothing to report until its date passes.
        #expect(try FixtureSite.check([], today: CalendarDate(year: 2027, month: 12, day: 31)).filter { $0.hasPrefix("CH28") } == [])
        let silent = try FixtureSite.result([], today: CalendarDate(year: 2028, month: 1, day: 1))
        #expect(silent.diagnostics.filter { $0.code == .measureOverdue }.map(\.message) == [
            "'Share of questions answered within 24 hours' in strategy 'community' is overdue: its target of 80 was due on 2027-12-31, and it has no result",
        ])
    }

    @Test("CH286: a target in words is not judged, with how to judge it; a measure with no target at all is CH205's alone")
    func notJudged() throws {
        let words = try FixtureSite.result([.replace("    target: {value: 80, date: 2027-12-31}\n", with: "    target: 80%\n")])
        #expect(located(words.diagnostics) == ["CH286 note \(Self.strategy):42:5"])
        #expect(words.diagnostics.map(\.message) == [
            "'Share of questions answered within 24 hours' in strategy 'community' is not judged: its target is in words ('80%')",
        ])
        #expect(words.diagnostics.map(\.fixHint) == ["give it a unit, a baseline and 'target: {value: NUMBER, date: YYYY-MM-DD}', then dated results"])
    }

    @Test("CH287: an objective served only by a strategy as a whole has no measure of its own")
    func objectiveWithoutMeasure() throws {
        // The method no longer names the objective: the strategy still serves it, and lends it
        // the method's measure on its page, but nothing measures the objective itself.
        let edits: [FixtureSite.Edit] = [.replace("    objectives: [fewer-calls]\n", with: "")]
        let result = try FixtureSite.result(edits)
        #expect(located(result.diagnostics) == ["CH287 note \(Self.register):2:9"])
        #expect(result.diagnostics.map(\.message) == ["objective 'fewer-calls' has no measure of its own: it has no 'measures', and no method that names it reports one"])
        // A method that names it without reporting is CH205's, not CH287's.
        #expect(try FixtureSite.check([.replace("    measure: Share of questions answered within 24 hours\n", with: "")]) == ["CH205 error \(Self.strategy):42:5"])
    }

    @Test("an objective's own measures are judged as a strategy's, at their position in the register, and give it a measure of its own")
    func objectiveOutcomes() throws {
        let off = try FixtureSite.result([ScoreboardPageTests.outcome("300")])
        #expect(located(off.diagnostics) == ["CH280 warning \(Self.register):7:9"])
        #expect(off.diagnostics.map(\.message) == [
            "'Calls avoided' of objective 'fewer-calls' is off track: 300 calls on 2026-07-02, but the line to its target asks for 499 calls by then, give or take 50 calls",
        ])
        #expect(try FixtureSite.check([ScoreboardPageTests.outcome("480")]) == ["CH283 note \(Self.register):7:9"])
        #expect(try FixtureSite.check([ScoreboardPageTests.outcome("600")]) == [])
        // With an outcome measure, an objective served by a strategy as a whole is measured (no CH287).
        #expect(try FixtureSite.check([ScoreboardPageTests.outcome("600"), .replace("    objectives: [fewer-calls]\n", with: "")]) == [])
        // An objective's measure has no method, and names what it measures.
        let wrong = try FixtureSite.check([.replace("    owner: hub\n", with: "    owner: hub\n    measures:\n      - {method: peer-answers, target: 80%}\n", in: "content/objectives.yaml")])
        #expect(wrong == ["CH110 error \(Self.register):7:9", "CH286 note \(Self.register):7:9", "CH108 error \(Self.register):7:10"])
    }

    @Test("charter.yaml's measure_band sets the band; a bad one is CH105")
    func siteBand() throws {
        let edits = [Self.tracked("      - {date: 2026-07-02, value: 73}\n")]
        #expect(try FixtureSite.check(edits) == ["CH283 note \(Self.strategy):42:5"])
        #expect(try FixtureSite.check(edits + [.write("charter.yaml", "measure_band: 2%\n")]) == ["CH280 warning \(Self.strategy):42:5"])
        #expect(try FixtureSite.check(edits + [.write("charter.yaml", "measure_band: 2\n")]).first?.hasPrefix("CH105 error charter.yaml:1:15") == true)
        // The measure's own band, in its units.
        #expect(try FixtureSite.check([Self.tracked("      - {date: 2026-07-02, value: 73}\n    band: 1\n")]) == ["CH280 warning \(Self.strategy):42:5"])
        // A band below zero is refused, and the site's band judges the measure.
        let negative = try FixtureSite.result([Self.tracked("      - {date: 2026-07-02, value: 73}\n    band: -1\n")])
        #expect(located(negative.diagnostics) == ["CH283 note \(Self.strategy):42:5", "CH105 error \(Self.strategy):50:11"])
        #expect(negative.diagnostics.last?.message == "'band' must be 0 or more, found -1")
    }

    @Test("CH280 does not fail check --strict; raised to an error in charter.yaml, it fails check")
    func strict() throws {
        let site = try FixtureSite.make([Self.tracked("      - {date: 2026-07-02, value: 70}\n")])
        let strict = try CharterProcess.run(["check", "--strict", "--today", "2026-11-01", "--root", site.root.path])
        #expect(strict.status == 0)
        #expect((strict.stdout + strict.stderr).contains("[CH280]"))
        try site.write("charter.yaml", "title: Fixture\nseverity: {CH280: error}\n")
        #expect(try CharterProcess.run(["check", "--today", "2026-11-01", "--root", site.root.path]).status == 1)
        // Any other warning still fails --strict.
        try site.write("charter.yaml", "title: Fixture\n")
        try site.write(Self.register, "objectives:\n  - {id: fewer-calls, title: Fewer calls}\n  - {id: spare, title: Spare}\n")
        #expect(try CharterProcess.run(["check", "--strict", "--today", "2026-11-01", "--root", site.root.path]).status == 1)
    }

    @Test("CH117, CH113, CH105, CH110: results without a dated target, a bad date, a value that is not a number, a result without a date")
    func measureFormat() throws {
        #expect(try FixtureSite.check([.replace("    target: {value: 80, date: 2027-12-31}\n", with: "    target: 80%\n    results: [{date: 2026-07-02, value: 70}]\n")])
                == ["CH117 error \(Self.strategy):42:5"])
        let badDate = try FixtureSite.check([Self.tracked("      - {date: 2026-13-02, value: 70}\n")])
        #expect(badDate == ["CH113 error \(Self.strategy):49:16"])
        #expect(try FixtureSite.check([Self.tracked("      - {date: 2026-07-02, value: seventy}\n")]) == ["CH105 error \(Self.strategy):49:35"])
        #expect(try FixtureSite.check([Self.tracked("      - {value: 70}\n")]) == ["CH110 error \(Self.strategy):49:9"])
        #expect(try FixtureSite.check([Self.tracked("      - {date: 2026-07-02, value: 80}\n      - {date: 2026-07-02, value: 81}\n")])
                == ["CH117 error \(Self.strategy):50:9"])
    }

    @Test("CH108: a misspelt measure key is an error with the right key suggested")
    func misspeltKey() throws {
        let result = try FixtureSite.result([Self.tracked("      - {date: 2026-07-02, value: 80}\n").with("results:", "resluts:")])
        #expect(located(result.diagnostics) == ["CH108 error \(Self.strategy):48:5"])
        #expect(result.diagnostics.first?.fixHint == "did you mean 'results'?")
    }

    @Test("CH118: a budget written as text is read, shown as written, and noted; a number needs its currency and period")
    func budgetFormat() throws {
        let text = try FixtureSite.result([.replace("    amount: 40000\n    currency: GBP\n    period: year\n", with: "    amount: £40,000 a year\n")])
        #expect(located(text.diagnostics) == ["CH118 note \(Self.strategy):37:13"])
        #expect(text.diagnostics.first?.fixHint == "write the amount as a number with 'currency' and 'period', such as 'amount: 95000', 'currency: GBP', 'period: year'")
        let bare = try FixtureSite.result([.replace("    currency: GBP\n", with: "")])
        #expect(located(bare.diagnostics) == ["CH118 note \(Self.strategy):37:13"])
        #expect(bare.diagnostics.map(\.message) == ["budget 'platform-budget' gives its amount as a number without a 'currency'"])
        #expect(try FixtureSite.check([.replace("period: year", with: "period: fortnight")]) == ["CH111 error \(Self.strategy):39:13"])
    }

    @Test("CH119: an objective written out in a strategy is read, with a note pointing to the register")
    func inlineObjective() throws {
        let result = try FixtureSite.result([
            .replace("  # IDs of the objectives register, content/objectives.yaml\n  - fewer-calls\n",
                     with: "  - id: fewer-calls\n    text: Cut avoidable support calls by a fifth.\n"),
        ])
        #expect(located(result.diagnostics) == ["CH119 note \(Self.strategy):7:9"])
        #expect(result.diagnostics.first?.fixHint == "move it to objectives.yaml in the content folder and write only its ID here: 'objectives: [fewer-calls]'")
        // A site without a register at all keeps working the old way, with the same note.
        let old = try FixtureSite.check([
            .delete(Self.register),
            .replace("  # IDs of the objectives register, content/objectives.yaml\n  - fewer-calls\n",
                     with: "  - id: fewer-calls\n    text: Cut avoidable support calls by a fifth.\n"),
        ])
        #expect(old == ["CH119 note \(Self.strategy):7:9"])
    }

    @Test("CH250: a strategy naming an objective the register does not have")
    func unknownObjective() throws {
        let result = try FixtureSite.result([.replace("  - fewer-calls\n", with: "  - fewer-cals\n")])
        #expect(located(result.diagnostics) == ["CH250 error \(Self.strategy):8:5"])
        #expect(result.diagnostics.first { $0.code == .unknownReference }?.fixHint == "did you mean 'fewer-calls'?")
    }

    @Test("CH281 and CH282: an objective no strategy serves, and a strategy that serves none of the register's")
    func unserved() throws {
        let spare = try FixtureSite.result([.write(Self.register, """
            objectives:
              - id: fewer-calls
                title: Fewer avoidable calls
              - id: more-members
                title: More members
            """)])
        #expect(located(spare.diagnostics) == ["CH281 warning \(Self.register):4:9"])
        #expect(spare.diagnostics.map(\.message) == ["no strategy serves objective 'more-members'"])
        let none = try FixtureSite.check([
            .write(Self.register, "objectives:\n  - id: more-members\n    title: More members\n"),
            .replace("  - fewer-calls\n", with: "  - id: fewer-calls\n    text: Fewer calls.\n"),
        ])
        #expect(none == ["CH281 warning \(Self.register):2:9", "CH282 warning \(Self.strategy):1:1", "CH119 note \(Self.strategy):8:9"])
    }

    @Test("the register in files of their own under objectives/, with duplicate IDs and unknown owners reported")
    func registerFiles() throws {
        let found = try FixtureSite.check([
            .delete(Self.register),
            .write("content/objectives/fewer-calls.yaml", "title: Fewer avoidable calls\nowner: nobody\n"),
            .write("content/objectives/Bad_Name.yaml", "title: Bad\ndescripton: typo\n"),
        ])
        #expect(found == [
            "CH112 error content/objectives/Bad_Name.yaml:1:1", "CH281 warning content/objectives/Bad_Name.yaml:1:1",
            "CH108 error content/objectives/Bad_Name.yaml:2:1", "CH250 error content/objectives/fewer-calls.yaml:2:8",
        ])
        let twice = try FixtureSite.check([.write(Self.register, """
            objectives:
              - {id: fewer-calls, title: Fewer calls}
              - {id: fewer-calls, title: Fewer calls again}
            """)])
        #expect(twice == ["CH251 error \(Self.register):3:10"])
    }

    @Test("Converged is judged against the register: met when every objective served is registered, not when one is written out")
    func converged() throws {
        let edits: [Edit] = [.replace("target: formalised\n", with: "target: converged\n  convergence: {attested_on: 2026-10-15, by: executive, process: Business plan 2027}\n")]
        let registered = try FixtureSite.result(edits).diagnostics.filter { $0.code == .maturityGap }.map(\.message)
        #expect(!registered.contains { $0.hasPrefix("to reach Converged") })
        let written = try FixtureSite.result(edits + [
            .replace("  - fewer-calls\n", with: "  - id: fewer-calls\n    text: Fewer calls.\n"),
        ]).diagnostics.filter { $0.code == .maturityGap }.map(\.message)
        #expect(written.contains(
            "to reach Converged: it serves only the organisation's registered business objectives, and at least one (Charter's reading, as evidence)"))
    }
}

extension FixtureSite.Edit {
    /// The edit with `old` replaced by `new` in the text it writes.
    func with(_ old: String, _ new: String) -> FixtureSite.Edit {
        var edit = self
        edit.new = edit.new?.replacingOccurrences(of: old, with: new)
        return edit
    }
}
