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
        if let milliseconds = parseCommonForm(text) { return milliseconds }
        return parseWithFormatter(text)
    }

    /// `YYYY-MM-DDTHH:MM:SS`, up to three fraction digits, then `Z` or `±hh:mm`, with every field in
    /// range: what clients send. Nil for anything else, which `ISO8601DateFormatter` then decides.
    /// Why: a formatter costs about a millisecond to make, and every list with a time window (the
    /// console's "today") and every seeded customer parsed one or two.
    static func parseCommonForm(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 29 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int64? {
            var value: Int64 = 0
            for index in start..<(start + length) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool { bytes[index] == character.asciiValue! }
        guard byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "T"), byte(13, is: ":"), byte(16, is: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              year >= 1, (1...12).contains(month), hour <= 23, minute <= 59, second <= 59,
              day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if byte(index, is: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            let digits = index - start
            guard (1...3).contains(digits), let value = number(start, digits) else { return nil }
            fraction = value * [1, 100, 10, 1][digits]
        }
        var offsetSeconds: Int64 = 0
        if index == bytes.count - 1, byte(index, is: "Z") {
            offsetSeconds = 0
        } else if index == bytes.count - 6, byte(index, is: "+") || byte(index, is: "-"), byte(index + 3, is: ":"),
                  let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours <= 23, minutes <= 59 {
            offsetSeconds = (hours * 3600 + minutes * 60) * (byte(index, is: "-") ? -1 : 1)
        } else {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return ((days * 86_400 + hour * 3600 + minute * 60 + second) - offsetSeconds) * 1000 + fraction
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil, proleptic Gregorian).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func parseWithFormatter(_ text: String) -> Int64? {
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
