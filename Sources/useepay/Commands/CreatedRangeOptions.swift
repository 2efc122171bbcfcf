import ArgumentParser
import Foundation

/// `--since` and `--until`: a window of creation times in the profile's time zone, shared by every
/// `list` command (through `ListingOptions`) and by `payments summary`.
struct CreatedRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Created at or after this date or time (profile time zone), e.g. 2026-11-01 or \"2026-11-01 09:00\".", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("Created before the end of this date, or before this time.", valueName: "when"))
    var until: String?

    /// What the range is when neither flag is given.
    enum WhenNeither {
        case unbounded
        /// From the start of today, open-ended (a list of today's payments keeps growing).
        case sinceStartOfToday
        /// The whole calendar day, as the console's "today" is.
        case wholeOfToday
    }

    var isGiven: Bool { since != nil || until != nil }

    func interval(timeZone: TimeZone, whenNeither: WhenNeither = .unbounded) throws(CommandFailure) -> (Date?, Date?) {
        func parse(_ text: String?, _ edge: TimeBound.Edge, _ flag: String) throws(CommandFailure) -> Date? {
            guard let text else { return nil }
            guard let date = TimeBound.parse(text, edge: edge, timeZone: timeZone) else {
                throw CommandFailure(.usage, "\(flag) \"\(text)\": use a date like 2026-11-01, a time like \"2026-11-01 09:30\", today or yesterday")
            }
            return date
        }
        var from = try parse(since, .since, "--since")
        var to = try parse(until, .until, "--until")
        if from == nil, to == nil {
            switch whenNeither {
            case .unbounded: break
            case .sinceStartOfToday: from = TimeBound.parse("today", edge: .since, timeZone: timeZone)
            case .wholeOfToday:
                from = TimeBound.parse("today", edge: .since, timeZone: timeZone)
                to = TimeBound.parse("today", edge: .until, timeZone: timeZone)
            }
        }
        if let from, let to, from >= to {
            throw CommandFailure(.usage, "--since must be before --until")
        }
        return (from, to)
    }
}
