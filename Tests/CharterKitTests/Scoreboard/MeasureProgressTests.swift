import Testing
@testable import CharterKit

/// On track or off track: the latest result against the straight line from start to target.
@Suite struct MeasureProgressTests {
    static let location = SourceLocation(path: "content/strategies/s.yaml", line: 1, column: 1)

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func report(baseline: (Double, String?)? = nil, target: (Double, String), results: [(String, Double)] = []) -> Strategy.Report {
        var report = Strategy.Report(location: location, method: nil, success: nil, measure: nil, target: nil, tool: nil)
        report.baseline = baseline.map { Reading(value: $0.0, date: $0.1.map(date), at: location) }
        report.goal = Reading(value: target.0, date: date(target.1), at: location)
        report.results = results.map { Reading(value: $0.1, date: date($0.0), at: location) }
        return report
    }

    static func evaluate(_ report: Strategy.Report, today: String = "2026-11-01") -> MeasureProgress {
        MeasureProgress.evaluate(report, today: date(today))!
    }

    @Test("a measure whose target is in words is not tracked")
    func untracked() {
        let report = Strategy.Report(location: Self.location, method: nil, success: nil, measure: nil,
                                     target: Located("80%", at: Self.location), tool: nil)
        #expect(MeasureProgress.evaluate(report, today: Self.date("2026-11-01")) == nil)
    }

    @Test("no results yet: nothing to judge, even with a baseline")
    func noResults() {
        let progress = Self.evaluate(Self.report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01")))
        #expect(progress.status == .noResults)
        #expect(progress.latest == nil && progress.expected == nil)
    }

    @Test("a rising target: on the line or above is on track, below is off track")
    func rising() {
        // 182 of 365 days from 50 to 100: the line asks for 50 + 50 × 182 / 365 = 74.93.
        let ahead = Self.evaluate(Self.report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01"), results: [("2026-07-02", 75)]))
        #expect(ahead.status == .onTrack)
        #expect(abs(ahead.expected! - 74.9315) < 0.001)
        let behind = Self.evaluate(Self.report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01"), results: [("2026-07-02", 74.9)]))
        #expect(behind.status == .offTrack)
        #expect(!behind.isDecreasing)
    }

    @Test("a falling target: below the line is on track, above it off track")
    func falling() {
        // Halfway from 9,000 to 4,500 the line asks for 6,750.
        let report = { (value: Double) in Self.report(baseline: (9000, "2026-01-01"), target: (4500, "2026-12-31"), results: [("2026-07-02", value)]) }
        let onTrack = Self.evaluate(report(6700))
        #expect(onTrack.isDecreasing)
        #expect(onTrack.status == .onTrack)
        #expect(Self.evaluate(report(6800)).status == .offTrack)
        #expect(Self.evaluate(report(4400)).status == .reached)
    }

    @Test("without a baseline the line starts at the earliest result")
    func noBaseline() {
        let progress = Self.evaluate(Self.report(target: (100, "2027-01-01"), results: [("2026-01-01", 50), ("2026-07-02", 80)]))
        #expect(progress.start?.value == 50 && progress.start?.date == Self.date("2026-01-01"))
        #expect(progress.status == .onTrack)
        // A baseline without a date is dated by the earliest result too.
        let undated = Self.evaluate(Self.report(baseline: (40, nil), target: (100, "2027-01-01"), results: [("2026-01-01", 50), ("2026-07-02", 60)]))
        #expect(undated.start?.value == 40 && undated.start?.date == Self.date("2026-01-01"))
        #expect(undated.status == .offTrack)
    }

    @Test("once the target date has passed, a target not reached is off track, whatever the line said")
    func targetDatePassed() {
        // On the line at its date (75 halfway), but the target date is behind us.
        let report = Self.report(baseline: (50, "2026-01-01"), target: (100, "2026-12-31"), results: [("2026-07-02", 76)])
        #expect(Self.evaluate(report, today: "2026-12-31").status == .onTrack)
        let late = Self.evaluate(report, today: "2027-01-01")
        #expect(late.isPastTargetDate)
        #expect(late.status == .offTrack)
        let reached = Self.report(baseline: (50, "2026-01-01"), target: (100, "2026-12-31"), results: [("2026-12-20", 100)])
        #expect(Self.evaluate(reached, today: "2027-03-01").status == .reached)
    }

    @Test("results are compared in date order, whatever order they are written in")
    func resultOrder() {
        let report = Self.report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01"), results: [("2026-07-02", 60), ("2026-03-01", 90)])
        #expect(Self.evaluate(report).latest?.value == 60)
        #expect(Self.evaluate(report).status == .offTrack)
    }

    @Test("numbers are written with separators and their unit")
    func numberText() {
        #expect(NumberText.format(95000) == "95,000")
        #expect(NumberText.format(74.9315, unit: "%") == "74.93%")
        #expect(NumberText.format(1234567.5, unit: "calls") == "1,234,567.5 calls")
        #expect(NumberText.format(-4500) == "-4,500")
        #expect(Money.totals([Money(amount: 95000, currency: "GBP", period: "year"), Money(amount: 5000, currency: "GBP", period: "year"),
                              Money(amount: 1500, currency: "EUR", period: "once")]).map(\.description)
                == ["EUR 1,500 once", "GBP 100,000 a year"])
    }
}
