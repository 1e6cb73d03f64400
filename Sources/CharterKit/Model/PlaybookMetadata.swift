public import Foundation

/// What a playbook's front matter says about its place in the strategy model.
public struct PlaybookMetadata: Sendable, Hashable {
    /// How far a playbook has come through review.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft, review, approved, retired
    }

    public var strategy: Located<String>?
    public var stage: Located<String>?
    public var owner: Located<String>?
    public var responsibilities: [Located<String>] = []
    public var status: Located<Status>?
    public var lastReviewed: Located<CalendarDate>?
    public var reviewInterval: Located<ReviewInterval>?

    /// Creates empty metadata.
    public init() {}
}

/// A day, without a time or a time zone, as written in front matter (`2026-05-31`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD` (a time after it, as YAML timestamps may have, is ignored).
    public init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard date != nil else { return nil }
    }

    /// Creates a date from its parts.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a moment, in UTC.
    public init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// Midnight UTC at the start of the day; nil for a day that does not exist (2026-02-30).
    var date: Date? {
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = Self.calendar.date(from: components),
              Self.calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    /// The date `interval` after this one.
    public func adding(_ interval: ReviewInterval) -> CalendarDate {
        guard let start = date else { return self }
        var components = DateComponents()
        switch interval.unit {
        case .day: components.day = interval.count
        case .week: components.day = interval.count * 7
        case .month: components.month = interval.count
        case .year: components.year = interval.count
        }
        return Self.calendar.date(byAdding: components, to: start).map(CalendarDate.init) ?? self
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// How often a page is reviewed: `90 days`, `6 weeks`, `6 months`, `1 year`.
public struct ReviewInterval: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable { case day, week, month, year }
    public var count: Int
    public var unit: Unit

    /// The largest count accepted, whatever the unit: anything longer is not a review interval,
    /// and keeping counts small keeps date arithmetic from overflowing.
    public static let maximumCount = 10_000

    /// Parses a count and a unit; the unit may be plural.
    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let count = Int(parts[0]), count > 0, count <= Self.maximumCount else { return nil }
        var word = String(parts[1])
        if word.hasSuffix("s") { word.removeLast() }
        guard let unit = Unit(rawValue: word) else { return nil }
        self.count = count
        self.unit = unit
    }

    /// Creates an interval.
    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    public var description: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }

    /// The interval used when a page gives a review date but no interval.
    public static let standard = ReviewInterval(count: 12, unit: .month)
}
