import Testing
@testable import CharterKit

/// The status of a measure: the latest result against the straight line from start to target,
/// the band around it, the target date and the cadence.
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

    static func evaluate(_ report: Strategy.Report, today: String = "2026-11-01", band: Double = 0.05) -> MeasureProgress {
        MeasureProgress.evaluate(report, today: date(today), band: band)!
    }

    @Test("what the line asks for is shown as precisely as the readings were written")
    func precision() {
        // Whole numbers in, a whole number out: not 74.93.
        #expect(Self.evaluate(Self.rising(75)).expectedText(unit: "%") == "75%")
        var written = Self.rising(75)
        written.results[0].decimals = 1
        #expect(Self.evaluate(written).decimals == 1)
        #expect(Self.evaluate(written).expectedText(unit: "%") == "74.9%")
        written.baseline?.decimals = 2
        #expect(Self.evaluate(written).expectedText(unit: "%") == "74.93%")
    }

    @Test("a measure whose target is in words is not judged")
    func untracked() {
        let report = Strategy.Report(location: Self.location, method: nil, success: nil, measure: nil,
                                     target: Located("80%", at: Self.location), tool: nil)
        #expect(MeasureProgress.evaluate(report, today: Self.date("2026-11-01")) == nil)
        #expect(MeasureProgress.status(of: report, today: Self.date("2026-11-01"), band: 0.05) == .notJudged)
    }

    @Test("no results yet: nothing to judge, even with a baseline")
    func noResults() {
        let progress = Self.evaluate(Self.report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01")))
        #expect(progress.status == .noResults)
        #expect(progress.latest == nil && progress.expected == nil)
    }

    /// From 50 on 2026-01-01 to 100 on 2027-01-01: on 2026-07-02, 182 of 365 days in, the line
    /// asks for 50 + 50 × 182 / 365 = 74.9315, and the default band is 5% of 50, 2.5 either side.
    static func rising(_ value: Double) -> Strategy.Report {
        report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01"), results: [("2026-07-02", value)])
    }

    @Test("a rising target: more than the band above the line is on track, within it at risk, more than the band below off track")
    func rising() {
        #expect(abs(Self.evaluate(Self.rising(75)).expected! - 74.9315) < 0.0001)
        #expect(Self.evaluate(Self.rising(75)).band == 2.5)
        #expect(!Self.evaluate(Self.rising(75)).isDecreasing)
        let statuses = [77.44, 77.43, 74.9315068, 72.44, 72.43].map { Self.evaluate(Self.rising($0)).status }
        #expect(statuses == [.onTrack, .atRisk, .atRisk, .atRisk, .offTrack])
        #expect(Self.evaluate(Self.rising(100)).status == .reached)
        #expect(Self.evaluate(Self.rising(99.99)).status == .onTrack)
    }

    @Test("a falling target: more than the band below the line is on track, within it at risk, more than the band above off track")
    func falling() {
        // Halfway from 9,000 to 4,500 (182 of 364 days) the line asks for 6,750; the band is 5% of 4,500, 225.
        let report = { (value: Double) in Self.report(baseline: (9000, "2026-01-01"), target: (4500, "2026-12-31"), results: [("2026-07-02", value)]) }
        #expect(Self.evaluate(report(6700)).isDecreasing)
        #expect(Self.evaluate(report(6700)).expected == 6750)
        let statuses = [6525, 6525.01, 6750, 6975, 6975.01, 4500, 4500.01].map { Self.evaluate(report($0)).status }
        #expect(statuses == [.onTrack, .atRisk, .atRisk, .atRisk, .offTrack, .reached, .onTrack])
    }

    @Test("the band: the measure's own, in its units, wins over the site's share of the planned change")
    func band() {
        // The site's band at 10% of 50 is 5: 72 is within it.
        #expect(Self.evaluate(Self.rising(72), band: 0.10).status == .atRisk)
        #expect(Self.evaluate(Self.rising(72), band: 0.10).band == 5)
        // No band at all: on the line is on track, a hundredth below it off track.
        #expect(Self.evaluate(Self.rising(74.9315068), band: 0).status == .onTrack)
        #expect(Self.evaluate(Self.rising(74.92), band: 0).status == .offTrack)
        var own = Self.rising(74)
        own.band = Located(0.5, at: Self.location)
        #expect(Self.evaluate(own, band: 0.10).band == 0.5)
        #expect(Self.evaluate(own, band: 0.10).status == .offTrack)
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

    @Test("once the target date has passed, a target not reached is overdue, with results or without")
    func targetDatePassed() {
        // Within the band of the line at its date (76 against 75), until the target date is behind us.
        let report = Self.report(baseline: (50, "2026-01-01"), target: (100, "2026-12-31"), results: [("2026-07-02", 76)])
        #expect(Self.evaluate(report, today: "2026-12-31").status == .atRisk)
        let late = Self.evaluate(report, today: "2027-01-01")
        #expect(late.isPastTargetDate)
        #expect(late.status == .overdue)
        let silent = Self.report(baseline: (50, "2026-01-01"), target: (100, "2026-12-31"))
        #expect(Self.evaluate(silent, today: "2026-12-31").status == .noResults)
        #expect(Self.evaluate(silent, today: "2027-01-01").status == .overdue)
        let reached = Self.report(baseline: (50, "2026-01-01"), target: (100, "2026-12-31"), results: [("2026-12-20", 100)])
        #expect(Self.evaluate(reached, today: "2027-03-01").status == .reached)
    }

    @Test("a result older than the measure's cadence is no recent data, not a judgement of the past")
    func cadence() {
        // Quarterly, last measured on 2026-07-02: recent until 2026-10-02, and not the day after,
        // however far behind its line the old figure is.
        var report = Self.rising(60)
        report.cadence = Located(.quarterly, at: Self.location)
        #expect(Self.evaluate(report, today: "2026-10-02").status == .offTrack)
        #expect(Self.evaluate(report, today: "2026-10-03").status == .noRecentData)
        // A target reached stays reached, and a date passed is overdue, whatever the cadence.
        var reached = Self.rising(100)
        reached.cadence = Located(.monthly, at: Self.location)
        #expect(Self.evaluate(reached, today: "2026-12-31").status == .reached)
        #expect(Self.evaluate(report, today: "2027-01-02").status == .overdue)
        // Without results, the baseline's date is the last data.
        var silent = Self.report(baseline: (50, "2026-01-01"), target: (100, "2027-01-01"))
        silent.cadence = Located(.monthly, at: Self.location)
        #expect(Self.evaluate(silent, today: "2026-02-01").status == .noResults)
        #expect(Self.evaluate(silent, today: "2026-02-02").status == .noRecentData)
        // Yearly: a year and a day.
        report.cadence = Located(.yearly, at: Self.location)
        #expect(Self.evaluate(report, today: "2026-12-31").status == .offTrack)
        #expect(Strategy.Report.Cadence.yearly.interval == ReviewInterval(count: 1, unit: .year))
    }

    @Test("each status has its own words, class and icon")
    func statusSigns() {
        let all = MeasureProgress.Status.allCases
        #expect(Set(all.map(\.rawValue)).count == all.count)
        #expect(Set(all.map(\.icon)).count == all.count)
        #expect(all.map(\.cssClass) == ["none", "none", "stale", "ok", "warn", "error", "error", "ok"])
        #expect(all.filter(\.needsAttention) == [.noRecentData, .atRisk, .offTrack, .overdue])
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
        #expect(NumberText.difference(1.4, unit: "%") == "1.4 points")
        // Worked-out figures keep the precision the readings were written with.
        #expect(NumberText.format(74.9315, unit: "%", decimals: 0) == "75%")
        #expect(NumberText.format(7242.49, unit: "calls", decimals: 0) == "7,242 calls")
        #expect(NumberText.format(38.1123, unit: "%", decimals: 1) == "38.1%")
        #expect(NumberText.format(38.04, unit: "%", decimals: 1) == "38%")
        #expect(NumberText.format(0.12345, unit: nil, decimals: 3) == "0.123")
        #expect(NumberText.format(-1234.5678, unit: nil, decimals: 4) == "-1,234.5678")
        #expect(Reading.decimals(of: "38.5") == 1 && Reading.decimals(of: "4.80") == 2 && Reading.decimals(of: "1_000") == 0
                && Reading.decimals(of: "4.5e3") == 0)
        #expect(NumberText.difference(1, unit: "%") == "1 point")
        #expect(NumberText.difference(12, unit: "streets") == "12 streets")
        #expect(Money.totals([Money(amount: 95000, currency: "GBP", period: "year"), Money(amount: 5000, currency: "GBP", period: "year"),
                              Money(amount: 1500, currency: "EUR", period: "once")]).map(\.description)
                == ["EUR 1,500 once", "GBP 100,000 a year"])
    }
}
