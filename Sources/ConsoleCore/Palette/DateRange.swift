import Foundation

/// A calendar day as the merchant names it ("2026-11-01"), independent of time zone until resolved.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Rejects 2026-02-30 and friends rather than silently rolling over into March.
        guard let date = calendar.date(from: DateComponents(year: y, month: m, day: d)),
              calendar.component(.day, from: date) == d else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public func adding(days: Int, timeZone: TimeZone) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let moved = calendar.date(byAdding: .day, value: days, to: start(in: timeZone))!
        return CalendarDay(date: moved, timeZone: timeZone)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Which days a list shows, in the merchant's time zone.
public enum DateRange: Sendable, Hashable, CustomStringConvertible {
    case today, yesterday, last7Days
    case custom(from: CalendarDay, through: CalendarDay?)
    case allTime
    /// Exact instants `[from, until)`, named by `label` ("waiting 1-3 days"): the glance screen's age groups.
    case span(from: Date?, until: Date?, label: String)

    /// `[from, to)` as instants. `to` is nil when the range is open towards now.
    public func interval(now: Date, timeZone: TimeZone) -> (from: Date?, to: Date?) {
        let today = CalendarDay(date: now, timeZone: timeZone)
        switch self {
        case .today:
            return (today.start(in: timeZone), today.adding(days: 1, timeZone: timeZone).start(in: timeZone))
        case .yesterday:
            return (today.adding(days: -1, timeZone: timeZone).start(in: timeZone), today.start(in: timeZone))
        case .last7Days:
            return (today.adding(days: -6, timeZone: timeZone).start(in: timeZone), today.adding(days: 1, timeZone: timeZone).start(in: timeZone))
        case .custom(let from, let through):
            return (from.start(in: timeZone), through.map { $0.adding(days: 1, timeZone: timeZone).start(in: timeZone) })
        case .allTime:
            return (nil, nil)
        case .span(let from, let until, _):
            return (from, until)
        }
    }

    public var description: String {
        switch self {
        case .today: return "today"
        case .yesterday: return "yesterday"
        case .last7Days: return "last 7 days"
        case .custom(let from, nil): return "since \(from)"
        case .custom(let from, let through?): return from == through ? "\(from)" : "\(from) to \(through)"
        case .allTime: return "all time"
        case .span(_, _, let label): return label
        }
    }

    /// The `t` key cycles the common ranges; a custom range goes back to today.
    public var next: DateRange {
        switch self {
        case .today: return .yesterday
        case .yesterday: return .last7Days
        default: return .today
        }
    }
}
