import ConsoleCore
import Foundation

/// Parses `--since`/`--until` values in the profile's time zone.
/// A date alone means the whole day: `--since 2026-11-01` starts at its midnight, `--until 2026-11-03` includes the 3rd.
enum TimeBound {
    enum Edge { case since, until }

    static func parse(_ text: String, edge: Edge, timeZone: TimeZone, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let today = CalendarDay(date: now, timeZone: timeZone)
        let day: CalendarDay? =
            switch trimmed.lowercased() {
            case "today": today
            case "yesterday": today.adding(days: -1, timeZone: timeZone)
            default: CalendarDay(trimmed)
            }
        if let day {
            return edge == .since ? day.start(in: timeZone) : day.adding(days: 1, timeZone: timeZone).start(in: timeZone)
        }
        return parseDateTime(trimmed, timeZone: timeZone)
    }

    /// "2026-11-01 14:30", "2026-11-01T14:30:15" (profile zone) or with "Z"/"+09:00" (that zone).
    private static func parseDateTime(_ text: String, timeZone: TimeZone) -> Date? {
        let normalized = text.replacingOccurrences(of: " ", with: "T")
        let parts = normalized.split(separator: "T", maxSplits: 1).map(String.init)
        guard parts.count == 2, let day = CalendarDay(parts[0]) else { return nil }
        var clock = parts[1]
        var zone = timeZone
        if clock.hasSuffix("Z") || clock.hasSuffix("z") {
            clock.removeLast()
            zone = TimeZone(secondsFromGMT: 0)!
        } else if let signIndex = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offsetText = clock[clock.index(after: signIndex)...].replacingOccurrences(of: ":", with: "")
            guard offsetText.count == 4, let hours = Int(offsetText.prefix(2)), let minutes = Int(offsetText.suffix(2)) else {
                return nil
            }
            let seconds = (hours * 3600 + minutes * 60) * (clock[signIndex] == "-" ? -1 : 1)
            guard let fixed = TimeZone(secondsFromGMT: seconds) else { return nil }
            zone = fixed
            clock = String(clock[..<signIndex])
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0 != nil }) else { return nil }
        let hour = fields[0]!, minute = fields[1]!, second = fields.count == 3 ? fields[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second))
    }
}
