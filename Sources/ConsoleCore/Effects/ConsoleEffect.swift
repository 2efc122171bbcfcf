import Foundation
import UseePay

/// Which list or related section a load fills.
public enum LoadTarget: Sendable, Hashable {
    case list(ListKind)
    case related(ObjectRef, RelatedKind)
    /// Reading a payment's refunds to learn what is left to refund, for an open refund dialog.
    case refundable(paymentIntentId: String)
}

public enum ObjectQuery: Sendable, Hashable {
    case payments(PaymentIntentListQuery)
    case customers(CustomerListQuery)
    case subscriptions(SubscriptionListQuery)
    case refunds(RefundListQuery)
    case mandates(MandateListQuery)
    case checkoutSessions(CheckoutSessionListQuery)

    /// The same query asking for another page.
    public func onPage(_ page: Int) -> ObjectQuery {
        switch self {
        case .payments(var q): q.window.pageNum = page; return .payments(q)
        case .customers(var q): q.window.pageNum = page; return .customers(q)
        case .subscriptions(var q): q.window.pageNum = page; return .subscriptions(q)
        case .refunds(var q): q.window.pageNum = page; return .refunds(q)
        case .mandates(var q): q.window.pageNum = page; return .mandates(q)
        case .checkoutSessions(var q): q.window.pageNum = page; return .checkoutSessions(q)
        }
    }
}

public struct LoadRequest: Sendable, Hashable {
    public var target: LoadTarget
    public var query: ObjectQuery
    public var page: Int
    /// The list generation this load belongs to; a late answer for an older query is dropped.
    public var generation: Int
    /// A live refresh re-reading the newest page (merged, not appended).
    public var isRefresh: Bool

    public init(target: LoadTarget, query: ObjectQuery, page: Int, generation: Int, isRefresh: Bool) {
        self.target = target
        self.query = query
        self.page = page
        self.generation = generation
        self.isRefresh = isRefresh
    }
}

/// I/O the reducer asks for. `EffectRunner` performs them and answers with events.
public enum ConsoleEffect: Sendable, Equatable {
    case load(LoadRequest)
    case retrieve(ObjectRef)
    /// Sends a money move. The reducer asks for it only once the journal has recorded `.sending`.
    case send(ActionRequest)
    /// Finds out what happened to a request whose answer was lost. Never resends it.
    case settle(ActionRequest)
    /// Appends to the action journal; answered with `.journaled`. Every journal write is one of these.
    case journal(JournalEntry)
    /// Reads one page of a whole-range scan (summary, glance); the answer is folded into the feed's figures.
    case readFeed(FeedPageRequest)
    /// Replaces any scheduled refresh with one after this many seconds.
    case scheduleRefresh(seconds: Int)
    case cancelRefresh
    case copyToClipboard(String)
    case quit
    /// Searches the server for an id, order id, email or phone (`FindPlan` decides the requests).
    case find(String)
    /// `:ctx`: opens another profile and runs every later effect against it.
    case switchProfile(String)
    /// `:export`: writes a whole list (every page) to a file.
    case export(ExportRequest)
}

public struct LoadedPage: Sendable {
    public var objects: [ConsoleObject]
    public var hasMore: Bool
    /// The list's size when the server sends one (UseePay documents none; the sandbox may).
    public var total: Int?

    public init(objects: [ConsoleObject], hasMore: Bool, total: Int? = nil) {
        self.objects = objects
        self.hasMore = hasMore
        self.total = total
    }
}

/// What really happened to a request whose answer was lost.
public enum SettleFinding: Sendable {
    case happened(ConsoleObject)
    case didNotHappen(ConsoleObject?)
}

public enum EffectResult: Sendable {
    case loaded(LoadRequest, Result<LoadedPage, ConsoleFailure>)
    case retrieved(ObjectRef, Result<ConsoleObject, ConsoleFailure>)
    case sent(ActionRequest, Result<ConsoleObject, ConsoleFailure>)
    case settled(ActionRequest, Result<SettleFinding, ConsoleFailure>)
    /// A journal write finished; `problem` says why it failed (a failed `.sending` entry means: do not send).
    case journaled(JournalEntry, problem: String?)
    /// The journal could not be read at start.
    case journalFailed(String)
    case found(String, Result<FindOutcome, ConsoleFailure>)
    case feedPage(FeedPageRequest, Result<FeedPage, ConsoleFailure>)
    /// `:ctx` opened the profile (or could not).
    case profileSwitched(String, Result<ProfileSettings, ConsoleFailure>)
    /// `:export` finished (or stopped, saying after how many rows).
    case exported(ExportRequest, Result<ExportReport, ExportFailure>)
}

public enum ConsoleEvent: Sendable {
    case key(KeyPress)
    case resized(TerminalSize)
    case refreshTick
    case effectResult(EffectResult)
    case apiRequest(APILogEntry)
    /// Sent once at start: opens the first list (and schedules refresh).
    case started
    /// Unfinished journal entries found at start; the console settles each and reports it.
    case journalRecovered([JournalEntry])
    case clipboardCopied(String)
    /// An export running in the background has written this many rows so far.
    case exportProgress(ExportRequest, rows: Int)
}
