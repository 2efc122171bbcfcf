import Foundation

/// The sandbox's notion of "now": wall-clock time plus an offset that `/__sandbox/clock/advance`
/// grows. Tests move time forward instead of sleeping; the offset is stored so it survives restarts.
final class SandboxClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offsetMilliseconds: Int64

    init(offsetMilliseconds: Int64) { self.offsetMilliseconds = offsetMilliseconds }

    var offset: Int64 { lock.withLock { offsetMilliseconds } }

    /// Milliseconds since 1970 on the sandbox clock.
    func nowMilliseconds() -> Int64 {
        let wall = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return wall + offset
    }

    func advance(byMilliseconds delta: Int64) -> Int64 {
        lock.withLock {
            offsetMilliseconds += delta
            return offsetMilliseconds
        }
    }
}

/// ISO-8601 UTC text with second precision and `Z`, as UseePay sends (`2024-10-28T07:17:43Z`).
/// Hand-written because seeding a million rows through `ISO8601DateFormatter` is too slow.
enum SandboxTime {
    static func iso(milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        var days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil-from-days (Howard Hinnant), valid for the proleptic Gregorian calendar.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        var year = yearOfEra + era * 400
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        if month <= 2 { year += 1 }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let hour = secondOfDay / 3600, minute = (secondOfDay % 3600) / 60, second = secondOfDay % 60
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }

    static func isoJSON(milliseconds: Int64) -> SandboxJSON { .string(iso(milliseconds: milliseconds)) }

    /// Parses `2024-09-29T07:44:50.774Z`, `2024-09-29T07:44:50Z` or with a `+hh:mm` offset.
    static func parse(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970) * 1000 }
        return nil
    }
}

extension Duration {
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
