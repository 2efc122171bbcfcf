import Foundation
import ConsoleCore
import UseePay

/// Turns API values into the short texts the screens show. Text is sanitised when written to the grid
/// (CellGrid.write and Table both sanitise); widths are measured in columns by TerminalText.
struct ScreenFormat {
    let calendar: Calendar
    let now: Date
    /// Today's date in the merchant's zone, worked out once per frame rather than once per row.
    private let today: DateComponents

    /// What list cells depend on besides the object: the zone and today's date (`time`).
    let rowKey: RowKey

    struct RowKey: Equatable {
        var zone: String
        var year: Int, month: Int, day: Int
    }

    init(state: ConsoleState) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.merchantTimeZone
        self.calendar = calendar
        self.now = state.now
        self.today = calendar.dateComponents([.year, .month, .day], from: state.now)
        rowKey = RowKey(zone: calendar.timeZone.identifier, year: today.year ?? 0, month: today.month ?? 0, day: today.day ?? 0)
    }

    /// "09:15" for today, "11-20 09:15" for other days of this year, "2025-11-20" otherwise.
    func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (year, month, day, hour, minute) = (c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        let pad = Self.twoDigits
        if year == today.year, month == today.month, day == today.day { return pad[hour % 100] + ":" + pad[minute % 100] }
        if year == today.year { return pad[month % 100] + "-" + pad[day % 100] + " " + pad[hour % 100] + ":" + pad[minute % 100] }
        return (year >= 1000 ? String(year) : String(repeating: "0", count: 4 - String(year).count) + String(year))
            + "-" + pad[month % 100] + "-" + pad[day % 100]
    }

    /// A list cell as the screens show it: "—" for nothing known, short times, amounts with their currency.
    func text(_ value: RowValue) -> String {
        switch value {
        case .text(let text): return text ?? "—"
        case .money(let amount, let currency): return Self.money(amount, currency)
        case .time(let date): return time(date)
        }
    }

    /// A table column for a shared row column: the title and alignment are ConsoleCore's, the layout is the screen's.
    static func column<Object>(_ column: RowColumn<Object>, minWidth: Int, maxWidth: Int? = nil, flex: Int = 0, priority: Int) -> TableColumn {
        TableColumn(column.title, minWidth: minWidth, maxWidth: maxWidth, flex: flex, alignment: column.holdsAmounts ? .right : .left, priority: priority)
    }

    /// "00"…"99", made once: joining small strings is what "%02d:%02d" costs without Foundation's String(format:),
    /// which was a tenth of a frame.
    static let twoDigits: [String] = (0..<100).map { $0 < 10 ? "0\($0)" : "\($0)" }

    /// Full timestamp for detail views, with the zone it is shown in.
    func timestamp(_ date: Date?) -> String {
        guard let date else { return "—" }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let zone = calendar.timeZone.abbreviation(for: date) ?? calendar.timeZone.identifier
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!) + zone
    }

    func clock(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour!, c.minute!, c.second!)
    }

    static func money(_ amount: Decimal?, _ currency: CurrencyCode?) -> String {
        guard let amount else { return "—" }
        guard let currency else { return "\(amount)" }
        return Money(amount: amount, currency: currency).formatted()
    }

    static func moneyList(_ list: [Money]) -> String {
        list.isEmpty ? "0" : list.map { $0.formatted() }.joined(separator: ", ")
    }

    private static let ellipsisBytes = Array("…".utf8)

    /// "pi_…3f9a1c": the prefix says what it is, the tail tells rows apart.
    static func shortID(_ id: String, tail: Int = 6) -> String {
        if TerminalText.isPlainPrintableASCII(id) {
            // Ids are ASCII: count and cut bytes rather than grapheme clusters (this runs for every row).
            let bytes = Array(id.utf8)
            guard bytes.count > tail + 4 else { return id }
            var short: [UInt8] = []
            if let underscore = bytes.firstIndex(of: UInt8(ascii: "_")), underscore <= 4 {
                short = Array(bytes[...underscore]) + Self.ellipsisBytes + bytes.suffix(tail)
            } else {
                short = Self.ellipsisBytes + bytes.suffix(tail + 3)
            }
            return String(decoding: short, as: UTF8.self)
        }
        guard id.count > tail + 4 else { return id }
        if let underscore = id.firstIndex(of: "_"), id.distance(from: id.startIndex, to: underscore) <= 4 {
            return String(id[...underscore]) + "…" + String(id.suffix(tail))
        }
        return "…" + String(id.suffix(tail + 3))
    }

    /// The theme's colour for a status tone (the words and tones are ConsoleCore's `StatusWords`).
    static func statusRole(_ tone: StatusTone) -> ThemeRole {
        switch tone {
        case .succeeded: return .statusSucceeded
        case .awaitingCapture: return .statusRequiresCapture
        case .pending: return .statusPending
        case .failed: return .statusFailed
        case .cancelled: return .statusCancelled
        case .other: return .statusOther
        }
    }

    /// What a row shows instead of its status while an action is out.
    static func pendingText(_ pending: PendingAction) -> String {
        switch pending.phase {
        case .sending: return pending.request.action.progressWord + "…"
        case .checking: return "checking…"
        case .checkFailed: return "unsettled!"
        }
    }

    static func interval(_ s: Subscription) -> String { ObjectLabels.interval(s) ?? "—" }
}
