import Foundation

/// A number measured or aimed for, with the day it belongs to, where it was written.
public struct Reading: Sendable, Hashable {
    public var value: Double
    /// The day of the value; a baseline may leave it out.
    public var date: CalendarDate?
    public var location: SourceLocation
    /// How many decimals the value was written with ("38.5" has 1): figures worked out from
    /// readings are shown no more precisely than the readings themselves.
    public var decimals: Int

    /// Creates a reading.
    public init(value: Double, date: CalendarDate?, at location: SourceLocation, decimals: Int = 0) {
        self.value = value
        self.date = date
        self.location = location
        self.decimals = decimals
    }

    /// The decimals of a number as written: "38.5" has 1, "1_000" and "4.0e3" have 0.
    public static func decimals(of text: String) -> Int {
        guard !text.lowercased().contains("e"), let dot = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: dot)...].filter(\.isNumber).count
    }
}

/// An amount of money for a period: a budget written as `amount`, `currency` and `period`.
public struct Money: Sendable, Hashable {
    public var amount: Double
    /// An ISO 4217 code or a symbol, as written ("GBP", "EUR").
    public var currency: String
    /// "year", "quarter", "month", or "once" for a one-off sum.
    public var period: String

    /// The periods a budget may be written for.
    public static let periods = ["year", "quarter", "month", "once"]

    /// Creates an amount.
    public init(amount: Double, currency: String, period: String) {
        self.amount = amount
        self.currency = currency
        self.period = period
    }

    /// "GBP 95,000 a year", "EUR 1,500 once".
    public var description: String {
        "\(currency) \(NumberText.format(amount))" + (period == "once" ? " once" : " a \(period)")
    }

    /// Budgets added up by currency and period, in a stable order: sums in different
    /// currencies or periods are never added together.
    public static func totals(_ amounts: [Money]) -> [Money] {
        var sums: [String: Money] = [:]
        for money in amounts {
            let key = money.currency + " " + money.period
            sums[key, default: Money(amount: 0, currency: money.currency, period: money.period)].amount += money.amount
        }
        return sums.keys.sorted().map { sums[$0]! }
    }
}

/// Numbers written for people: thousands separated by commas, at most two decimals.
public enum NumberText {
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 100).rounded() / 100
        let negative = rounded < 0
        let whole = Int(abs(rounded).rounded(.down))
        let cents = Int((abs(rounded) - Double(whole)) * 100 + 0.5)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if cents > 0 {
            let fraction = cents % 10 == 0 ? String(cents / 10) : String(format: "%02d", cents)
            grouped += "." + fraction
        }
        return (negative ? "-" : "") + grouped
    }

    /// A difference between two values: for a measure in per cent, "1.4 points" (percentage
    /// points, not a share of the value); otherwise as `format(_:unit:)`.
    public static func difference(_ value: Double, unit: String?) -> String {
        unit == "%" ? "\(format(value)) point\(format(value) == "1" ? "" : "s")" : format(value, unit: unit)
    }

    /// A value rounded to `decimals` places (at most 6), trailing zeros dropped: what is worked
    /// out from readings ("the line asks for 75%") is no more precise than they were written.
    public static func format(_ value: Double, unit: String?, decimals: Int) -> String {
        let places = min(max(decimals, 0), 6)
        let scale = pow(10.0, Double(places))
        let rounded = (value * scale).rounded() / scale
        guard places > 2 else {
            // format(_:) keeps up to two decimals; rounding first keeps fewer when asked.
            return format(rounded, unit: unit)
        }
        var text = String(format: "%.\(places)f", abs(rounded))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = format(Double(parts[0]) ?? 0)
        let number = (rounded < 0 ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
        guard let unit, !unit.isEmpty else { return number }
        return unit == "%" ? number + "%" : number + " " + unit
    }

    /// A value with its unit: "61 %" is written "61%", other units after a space.
    public static func format(_ value: Double, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return format(value) }
        return unit == "%" ? format(value) + "%" : format(value) + " " + unit
    }
}

/// Whether a tracked measure keeps up with the straight line from its baseline to its target.
/// The line, the band around it and the cadence are Charter's conventions, not the framework's.
public struct MeasureProgress: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// The target is in words, or has no date: nothing can be judged.
        case notJudged = "not judged"
        /// A target, but no result yet: nothing to judge.
        case noResults = "no results yet"
        /// The latest result (or, without one, the baseline) is older than the measure's cadence.
        case noRecentData = "no recent data"
        /// More than the band ahead of the line.
        case onTrack = "on track"
        /// Within the band either side of the line: one bad period from behind it.
        case atRisk = "at risk"
        /// More than the band behind the line.
        case offTrack = "off track"
        /// The target date has passed without the target reached, with results or without.
        case overdue = "overdue"
        /// The latest result has reached the target.
        case reached = "target reached"

        /// The status's name in code ("offTrack"), which keys its words in translations.
        public var key: String { String(describing: self) }

        /// The badge's class: its colour, with the icon and the words beside it.
        public var cssClass: String {
            switch self {
            case .reached, .onTrack: "ok"
            case .atRisk: "warn"
            case .offTrack, .overdue: "error"
            case .noRecentData: "stale"
            case .noResults, .notJudged: "none"
            }
        }

        /// A sign that tells the statuses apart without colour; the words are always beside it.
        public var icon: String {
            switch self {
            case .reached: "★"
            case .onTrack: "●"
            case .atRisk: "▲"
            case .offTrack: "▼"
            case .overdue: "■"
            case .noRecentData: "◌"
            case .noResults: "○"
            case .notJudged: "–"
            }
        }

        /// Whether the status asks somebody to act: it is listed on the health page.
        public var needsAttention: Bool { self == .atRisk || self == .offTrack || self == .overdue || self == .noRecentData }
    }

    public var status: Status
    /// Where the line starts: the baseline, or the earliest result when there is no baseline.
    public var start: Reading?
    public var target: Reading
    /// The latest result.
    public var latest: Reading?
    /// What the line asks for on the latest result's date.
    public var expected: Double?
    /// How far either side of the line a result is at risk, in the measure's units.
    public var band: Double
    /// Whether the target is lower than the start (fewer complaints, lower cost).
    public var isDecreasing: Bool
    /// Whether the target date lies before `today`.
    public var isPastTargetDate: Bool
    /// The most decimals any of its readings was written with: the precision to show what the
    /// line asks for.
    public var decimals: Int = 0

    /// What the line asks for, as precisely as the readings were written ("75%", not "74.93%").
    public func expectedText(unit: String?) -> String {
        NumberText.format(expected ?? target.value, unit: unit, decimals: decimals)
    }

    /// The status of any measure: `notJudged` for one without a number to reach by a date.
    public static func status(of report: Strategy.Report, today: CalendarDate, band share: Double) -> Status {
        evaluate(report, today: today, band: share)?.status ?? .notJudged
    }

    /// The progress of a measure as of `today`; nil for a measure without a number and a date
    /// to reach. `share` is the site's band, a share of the change from the start to the target,
    /// used when the measure gives no band of its own.
    public static func evaluate(_ report: Strategy.Report, today: CalendarDate, band share: Double = 0.05) -> MeasureProgress? {
        guard let target = report.goal, let targetDate = target.date else { return nil }
        let results = report.results.filter { $0.date != nil }.sorted { $0.date! < $1.date! }
        var start = report.baseline
        if start?.date == nil { start?.date = results.first?.date }
        if start == nil { start = results.first }
        let isDecreasing = start.map { target.value < $0.value } ?? false
        let band = report.band?.value ?? share * abs(target.value - (start?.value ?? target.value))
        let past = targetDate < today
        /// Whether data last taken on `date` is older than the cadence allows.
        func isStale(_ date: CalendarDate?) -> Bool {
            guard let cadence = report.cadence?.value, let date else { return false }
            return date.adding(cadence.interval) < today
        }
        let decimals = ([report.baseline, target].compactMap { $0 } + results).map(\.decimals).max() ?? 0
        guard let latest = results.last, let start, let startDate = start.date, let latestDate = latest.date else {
            let status: Status = past ? .overdue : isStale(report.baseline?.date) ? .noRecentData : .noResults
            return MeasureProgress(status: status, start: start, target: target, latest: nil, expected: nil, band: band,
                                   isDecreasing: isDecreasing, isPastTargetDate: past, decimals: decimals)
        }
        let expected: Double
        if latestDate >= targetDate || startDate >= targetDate {
            expected = target.value
        } else if latestDate <= startDate {
            expected = start.value
        } else {
            let share = days(from: startDate, to: latestDate) / days(from: startDate, to: targetDate)
            expected = start.value + (target.value - start.value) * share
        }
        /// How far `value` is ahead of `line`: positive ahead, negative behind.
        func lead(_ value: Double, over line: Double) -> Double { isDecreasing ? line - value : value - line }
        let tolerance = 1e-9 * max(1, abs(expected), abs(target.value))
        let status: Status
        if lead(latest.value, over: target.value) >= -tolerance {
            status = .reached
        } else if past {
            status = .overdue
        } else if isStale(latestDate) {
            status = .noRecentData
        } else if lead(latest.value, over: expected) < -band - tolerance {
            status = .offTrack
        } else if lead(latest.value, over: expected) < band - tolerance {
            status = .atRisk
        } else {
            status = .onTrack
        }
        return MeasureProgress(status: status, start: start, target: target, latest: latest, expected: expected, band: band,
                               isDecreasing: isDecreasing, isPastTargetDate: past, decimals: decimals)
    }

    /// Days between two dates, as a fraction-free count.
    static func days(from start: CalendarDate, to end: CalendarDate) -> Double {
        guard let from = start.date, let to = end.date else { return 0 }
        return (to.timeIntervalSince(from) / 86_400).rounded()
    }
}
