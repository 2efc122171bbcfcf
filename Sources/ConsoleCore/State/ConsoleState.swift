import Foundation
import UseePay

/// Everything the screen shows, as a value. Only `reduce` changes it.
public struct ConsoleState: Sendable, Equatable {
    // Who and where
    public var mode: ConsoleMode
    public var profileName: String
    public var readOnly: Bool
    public var merchantTimeZone: TimeZone
    /// Set by the store from its clock before each event, so `reduce` stays pure.
    public var now: Date
    public var size: TerminalSize
    public var keymap: Keymap
    /// Where an object opens in a browser (the detail view shows it, `L` copies it).
    public var dashboard: DashboardLinks = .none

    // Navigation
    public var stack: [Screen] = [.list(.payments)]
    public var input: InputLine?
    public var showingHelp: Bool = false
    public var flash: Flash?

    // Data
    public var paymentRange: DateRange = .today
    public var paymentFilter = PaymentListFilter()
    public var refundRange: DateRange = .last7Days
    public var customerEmail: String?
    public var subscriptionStatus: String?
    public var refundStatus: String?
    /// Payments, customers, subscriptions and refunds: one windowed list type, reached by kind.
    public var lists = ConsoleLists()
    /// Whole-range figures kept by background scans (the summary line, the glance screen).
    public var feeds: [FeedID: AggregateFeed] = [:]
    /// Small feeds read again whole on live refresh; each replaces its feed once complete (see `Reducer.refreshFeeds`).
    public var rereads: [FeedID: AggregateFeed] = [:]
    public var feedGeneration: Int = 0
    /// Every refund the console has seen, by payment intent id (for "what is left to refund" and the summary).
    public var refundsByPayment: [String: [Refund]] = [:]
    public var apiLog: [APILogEntry] = []
    public var apiLogCursor: Int = 0
    public var apiLogScroll: Int = 0
    public static let apiLogLimit = 1000

    // Live refresh
    public var refreshIntervalSeconds: Int
    public var refreshPaused: Bool = false
    /// How long an authorisation can wait for capture before it is cancelled (UseePay documents none;
    /// the sandbox cancels after 7 days). The glance screen groups waiting authorisations by it.
    public var authorisationLifetime: TimeInterval = 7 * 86_400
    /// The terminal cannot draw block glyphs (`TERM=vt100`, no UTF-8): charts fall back to ASCII.
    public var asciiGlyphs: Bool = false
    /// Open on the glance screen instead of today's payments.
    public var startsOnGlance: Bool = false
    public var tick: Int = 0
    /// Rows per list read: the documented maximum, so a busy day needs the fewest requests.
    public var pageSize: Int = ListWindow.maximumPageSize

    // Actions
    public var dialog: ActionDialog?
    public var pending: [String: PendingAction] = [:]
    public var sessionTag: String
    public var nextRequestNumber: Int = 1
    public var quitArmed: Bool = false

    // Profiles (`:ctx`) and exports (`:export`)
    /// The profiles of `config.toml`, handed over by the executable (no credentials in them).
    public var profiles: [ProfileDescription] = []
    public var contextPicker: ContextPicker?
    /// The export running in the background and the rows it has written so far.
    public var export: ExportProgress?
    /// What the last finished export wrote (path, rows, most rows held at once).
    public var lastExport: ExportReport?

    public init(mode: ConsoleMode, profileName: String = "default", readOnly: Bool = false,
                merchantTimeZone: TimeZone = .current, now: Date = Date(), size: TerminalSize = TerminalSize(columns: 80, rows: 24),
                keymap: Keymap = .standard, refreshIntervalSeconds: Int = 0, sessionTag: String = "s1") {
        self.mode = mode
        self.profileName = profileName
        self.readOnly = readOnly
        self.merchantTimeZone = merchantTimeZone
        self.now = now
        self.size = size
        self.keymap = keymap
        self.refreshIntervalSeconds = refreshIntervalSeconds
        self.sessionTag = sessionTag
    }

    public var screen: Screen { stack.last ?? .list(.payments) }

    /// The summary line of the payments list: the whole range and filters, from the summary feed.
    public var paymentSummary: PaymentSummary {
        PaymentSummary(feed: feeds[.summary], scope: PaymentSummary.scope(range: paymentFilter.range ?? paymentRange, filter: paymentFilter))
    }
    public var keyContext: KeyContext { screen.keyContext }
    public var breadcrumb: [String] { stack.map(\.crumb) }

    /// Rows available for list bodies: the screen minus title, summary, header, flash and footer lines.
    public static func listBodyRows(for size: TerminalSize) -> Int { max(1, size.rows - 6) }
    public var listBodyRows: Int { Self.listBodyRows(for: size) }

    /// Bindings help shows for the current screen; read-only hides money moves.
    public var helpBindings: [KeyBinding] { keymap.bindings(in: keyContext, readOnly: readOnly) }

    /// The object the cursor is on (list row, or the object of a detail view).
    public var selectedObject: ConsoleObject? {
        switch screen {
        case .list(let kind): return lists[kind].selected
        case .detail(let detail): return detail.object
        case .found(let found): return found.selected
        case .apiLog, .glance: return nil
        }
    }

    /// The list on screen, if a list is on screen.
    public var currentListKind: ListKind? {
        if case .list(let kind) = screen { return kind }
        return nil
    }

    /// The payments list (the console's home screen).
    public var payments: ObjectList { lists[.payments] }

    /// A held payment by id.
    public func payment(_ id: String) -> PaymentIntent? { lists[.payments][id]?.payment }

    /// Money moves the selected object allows right now; none in read-only mode.
    public var availableActions: [MoneyAction] {
        guard !readOnly, let object = selectedObject else { return [] }
        if case .list(.payments) = screen, !lists[.payments].marks.isEmpty { return [.capture] + Capabilities.actions(for: object).filter { $0 != .capture } }
        return Capabilities.actions(for: object)
    }

    /// The money moves the footer offers. On a list: every move the list's kind can take, the same for each
    /// row, so that moving the cursor rewrites only the two rows and the position (the key still refuses,
    /// saying why, on a row a move does not fit). On a detail view: what its object can take now.
    public var offeredActions: [MoneyAction] {
        guard !readOnly else { return [] }
        if case .list(let kind) = screen {
            guard lists[kind].count > 0 else { return [] }
            return MoneyAction.allCases.filter { $0.objectKind == kind.objectKind }
        }
        return availableActions
    }

    /// Looks an object up wherever the console holds it.
    public func object(_ ref: ObjectRef) -> ConsoleObject? {
        if let kind = ListKind(ref.kind), let held = lists[kind][ref.id] { return held }
        for screen in stack.reversed() {
            guard case .detail(let detail) = screen else { continue }
            if detail.ref == ref, let object = detail.object { return object }
            if let found = detail.relatedRows.first(where: { $0.ref == ref }) { return found }
        }
        return nil
    }
}
