/// What a line typed after `:` asks for.
public enum PaletteCommand: Sendable, Hashable {
    case payments(PaymentListFilter)
    case customers(email: String?)
    case subscriptions(status: String?)
    case refunds(status: String?, range: DateRange?)
    case apiLog
    case glance
    case refreshInterval(seconds: Int)
    case pause, resume
    case sort(column: String, descending: Bool?)
    case help
    case quit
    /// `:find TEXT`: an id, order id, email or phone, searched on the server.
    case find(String)
    /// `:ctx`: the list of profiles to switch to.
    case contexts
    /// `:export csv|jsonl [PATH]`
    case export(ExportRequest.Format, path: String?)
}

/// Server-side filter of the payments list.
public struct PaymentListFilter: Sendable, Hashable {
    public var statuses: [String]
    public var range: DateRange?
    public var customerId: String?

    public init(statuses: [String] = [], range: DateRange? = nil, customerId: String? = nil) {
        self.statuses = statuses
        self.range = range
        self.customerId = customerId
    }
}

public struct PaletteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Parses `:` lines: a command word or alias followed by arguments.
/// `:pi requires_capture`, `:pi since 2026-11-01`, `:pi yesterday`, `:cus email a@b.c`, `:refresh 10`.
public enum PaletteParser {
    public static let aliases: [String: String] = [
        "pi": "payments", "payment": "payments", "payments": "payments", "payment_intents": "payments",
        "cus": "customers", "customer": "customers", "customers": "customers",
        "sub": "subscriptions", "subs": "subscriptions", "subscription": "subscriptions", "subscriptions": "subscriptions",
        "re": "refunds", "refund": "refunds", "refunds": "refunds",
        "log": "log", "api": "log",
        "glance": "glance", "today": "glance",
        "refresh": "refresh", "pause": "pause", "resume": "resume",
        "sort": "sort", "help": "help", "h": "help", "q": "quit", "quit": "quit",
        "find": "find", "f": "find", "search": "find",
        "ctx": "ctx", "context": "ctx", "contexts": "ctx", "profile": "ctx", "profiles": "ctx",
        "export": "export",
    ]

    public static let paymentStatuses = ["requires_payment_method", "requires_customer_action", "requires_capture",
                                         "pending", "succeeded", "canceled", "failed"]
    static let paymentStatusSynonyms = ["cancelled": "canceled", "requires_action": "requires_customer_action",
                                        "processing": "pending", "authorized": "requires_capture", "capture": "requires_capture"]
    public static let subscriptionStatuses = ["incomplete", "active", "trialing", "past_due", "unpaid", "paused", "canceled", "incomplete_expired"]
    public static let refundStatuses = ["received", "accepted", "succeeded", "failed"]

    /// Command words for completion hints in the palette line.
    public static var commandWords: [String] { ["pi", "cus", "sub", "re", "find", "log", "glance", "refresh", "pause", "resume", "sort", "help", "quit", "ctx", "export"] }

    public static func parse(_ line: String) -> Result<PaletteCommand, PaletteError> {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first?.hasPrefix(":") == true { words[0].removeFirst() }
        words.removeAll { $0.isEmpty }
        guard let first = words.first else { return .failure(PaletteError(message: "Type a command, e.g. :pi requires_capture")) }
        guard let command = aliases[first.lowercased()] else {
            return .failure(PaletteError(message: "Unknown command \"\(first)\". Try :pi :cus :sub :re :find :log"))
        }
        let args = Array(words.dropFirst())
        if command == "find" { return parseFind(line) }
        switch command {
        case "payments": return parsePayments(args)
        case "customers":
            if args.isEmpty { return .success(.customers(email: nil)) }
            if args.count == 2, args[0].lowercased() == "email" { return .success(.customers(email: args[1])) }
            if args.count == 1, args[0].contains("@") { return .success(.customers(email: args[0])) }
            return .failure(PaletteError(message: "Use :cus or :cus email someone@example.com"))
        case "subscriptions":
            if args.isEmpty { return .success(.subscriptions(status: nil)) }
            if args.count == 1, subscriptionStatuses.contains(normalised(args[0])) { return .success(.subscriptions(status: normalised(args[0]))) }
            return .failure(PaletteError(message: "Unknown subscription status \"\(args.joined(separator: " "))\""))
        case "refunds":
            var status: String?
            var range: DateRange?
            var rest = args[...]
            while let word = rest.first {
                if refundStatuses.contains(normalised(word)) { status = normalised(word); rest = rest.dropFirst(); continue }
                switch parseRange(&rest) {
                case .success(let r?): range = r
                case .success(nil): return .failure(PaletteError(message: "Unknown refund filter \"\(word)\""))
                case .failure(let e): return .failure(e)
                }
            }
            return .success(.refunds(status: status, range: range))
        case "log": return .success(.apiLog)
        case "glance": return .success(.glance)
        case "refresh":
            guard args.count == 1, let seconds = Int(args[0]), (0...3600).contains(seconds) else {
                return .failure(PaletteError(message: "Use :refresh SECONDS (0 turns live refresh off)"))
            }
            return .success(.refreshInterval(seconds: seconds))
        case "pause": return .success(.pause)
        case "resume": return .success(.resume)
        case "sort":
            guard let column = args.first else { return .failure(PaletteError(message: "Use :sort COLUMN [asc|desc]")) }
            var descending: Bool?
            if args.count > 1 {
                switch args[1].lowercased() {
                case "asc": descending = false
                case "desc": descending = true
                default: return .failure(PaletteError(message: "Sort direction is asc or desc"))
                }
            }
            return .success(.sort(column: column.lowercased(), descending: descending))
        case "help": return .success(.help)
        case "ctx": return .success(.contexts)
        case "export": return parseExport(args)
        default: return .success(.quit)
        }
    }

    /// Everything after the command word, spaces included ("+82 10 1234 5678").
    private static func parseFind(_ line: String) -> Result<PaletteCommand, PaletteError> {
        var rest = Substring(line).drop(while: \.isWhitespace)
        if rest.hasPrefix(":") { rest = rest.dropFirst() }
        rest = rest.drop(while: { !$0.isWhitespace }).drop(while: \.isWhitespace)
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        let text = String(rest)
        guard !text.isEmpty else {
            return .failure(PaletteError(message: "Use :find TEXT — a payment, customer, subscription, invoice or refund id, an order id, email or phone"))
        }
        return .success(.find(text))
    }

    /// `:export csv|jsonl [PATH]`; the path is taken whole, spaces included.
    private static func parseExport(_ args: [String]) -> Result<PaletteCommand, PaletteError> {
        guard let first = args.first, let format = ExportRequest.Format(rawValue: first.lowercased()) else {
            return .failure(PaletteError(message: "Use :export csv [PATH] or :export jsonl [PATH]"))
        }
        let path = args.dropFirst().joined(separator: " ")
        return .success(.export(format, path: path.isEmpty ? nil : path))
    }

    private static func normalised(_ word: String) -> String {
        let lower = word.lowercased()
        return paymentStatusSynonyms[lower] ?? lower
    }

    private static func parsePayments(_ args: [String]) -> Result<PaletteCommand, PaletteError> {
        var filter = PaymentListFilter()
        var rest = args[...]
        while let word = rest.first {
            let status = normalised(word)
            if paymentStatuses.contains(status) {
                if !filter.statuses.contains(status) { filter.statuses.append(status) }
                rest = rest.dropFirst()
                continue
            }
            if word.lowercased() == "customer" {
                guard rest.count >= 2 else { return .failure(PaletteError(message: "Use :pi customer CUSTOMER_ID")) }
                filter.customerId = rest[rest.startIndex + 1]
                rest = rest.dropFirst(2)
                continue
            }
            switch parseRange(&rest) {
            case .success(let range?): filter.range = range
            case .success(nil):
                return .failure(PaletteError(message: "Unknown payment filter \"\(word)\". Statuses: \(paymentStatuses.joined(separator: " "))"))
            case .failure(let error): return .failure(error)
            }
        }
        return .success(.payments(filter))
    }

    /// Consumes a date range from the front of `words`: today, yesterday, 7d/week, all,
    /// since DAY, from DAY [to DAY], on DAY. Returns nil (consuming nothing) if the words are not a range.
    private static func parseRange(_ words: inout ArraySlice<String>) -> Result<DateRange?, PaletteError> {
        guard let word = words.first?.lowercased() else { return .success(nil) }
        switch word {
        case "today": words = words.dropFirst(); return .success(.today)
        case "yesterday": words = words.dropFirst(); return .success(.yesterday)
        case "7d", "week", "last7", "last7days": words = words.dropFirst(); return .success(.last7Days)
        case "all", "alltime": words = words.dropFirst(); return .success(.allTime)
        case "since", "from", "on":
            guard words.count >= 2 else { return .failure(PaletteError(message: "Use :pi \(word) YYYY-MM-DD")) }
            let dayText = words[words.startIndex + 1]
            guard let day = CalendarDay(dayText) else {
                return .failure(PaletteError(message: "\"\(dayText)\" is not a date; use YYYY-MM-DD"))
            }
            words = words.dropFirst(2)
            if word == "on" { return .success(.custom(from: day, through: day)) }
            if word == "from", words.first?.lowercased() == "to" {
                guard words.count >= 2, let end = CalendarDay(words[words.startIndex + 1]) else {
                    return .failure(PaletteError(message: "Use :pi from YYYY-MM-DD to YYYY-MM-DD"))
                }
                guard end >= day else { return .failure(PaletteError(message: "The range ends before it starts")) }
                words = words.dropFirst(2)
                return .success(.custom(from: day, through: end))
            }
            return .success(.custom(from: day, through: nil))
        default:
            if let day = CalendarDay(word) { words = words.dropFirst(); return .success(.custom(from: day, through: day)) }
            return .success(nil)
        }
    }
}
