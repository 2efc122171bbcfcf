import Foundation
import UseePay

/// Names the figures the console keeps: the summary line's, and the glance screen's.
public enum FeedID: String, Sendable, Hashable, CaseIterable {
    case summary
    case glanceToday, glanceYesterday, glanceAwaiting
}

/// One page of a feed's scan to read.
public struct FeedPageRequest: Sendable, Hashable {
    public var feed: FeedID
    /// A late answer for an older scan of the same feed (other range or filter) is dropped.
    public var generation: Int
    /// `.payments` or `.refunds`, with `window.pageNum` set to `page`.
    public var query: ObjectQuery
    public var page: Int
    /// The scan is on its first pass down a range of more than one page, where the next page will be
    /// wanted: the runner may read it ahead (`FeedReadAhead`). Page 0 reads nothing ahead (most ranges
    /// are one page: the glance's feeds, a quiet day), and neither does catching up from page 0 (a
    /// refresh usually stops after a page or two).
    public var readsAhead = false

    public init(feed: FeedID, generation: Int, query: ObjectQuery, page: Int) {
        self.feed = feed; self.generation = generation; self.query = query; self.page = page
    }

    public var isRefunds: Bool { if case .refunds = query { return true } else { return false } }
}

/// A page reduced to facts: the objects themselves are dropped as soon as they are read.
public struct FeedPage: Sendable, Hashable {
    public struct Payment: Sendable, Hashable { public var id: String; public var facts: PaymentFacts }
    public struct RefundRecord: Sendable, Hashable { public var id: String; public var facts: RefundFacts }

    public var payments: [Payment] = []
    public var refunds: [RefundRecord] = []
    public var hasMore: Bool

    public init(payments: [Payment] = [], refunds: [RefundRecord] = [], hasMore: Bool) {
        self.payments = payments; self.refunds = refunds; self.hasMore = hasMore
    }

    public init(paymentIntents: [PaymentIntent], hasMore: Bool) {
        self.init(payments: paymentIntents.map { Payment(id: $0.id, facts: PaymentFacts($0)) }, hasMore: hasMore)
    }

    public init(refundObjects: [Refund], hasMore: Bool) {
        self.init(refunds: refundObjects.map { RefundRecord(id: $0.id, facts: RefundFacts($0)) }, hasMore: hasMore)
    }
}

/// Whole-range figures for one payments query (and, optionally, the refunds created in the same
/// range), kept up to date by scans and by every newer copy of an object the console sees.
/// Per id it keeps only `PaymentFacts`/`RefundFacts`, so a change of status moves a payment between
/// buckets exactly (old contribution out, new in) and an id read twice is counted once.
public struct AggregateFeed: Sendable {
    public static let pageSize = ListWindow.maximumPageSize

    public let paymentsQuery: PaymentIntentListQuery
    public let refundsQuery: RefundListQuery?
    /// With a payment filter (status, customer) the refund figures count only refunds of the payments
    /// in the feed; without one, every refund created in the range.
    public let refundsOfFeedPaymentsOnly: Bool
    public let generation: Int
    public let startedAt: Date
    public private(set) var paymentsScan = ListScan()
    public private(set) var refundsScan: ListScan?
    public private(set) var paymentFacts = ShardedDictionary<String, PaymentFacts>()
    public private(set) var refundFacts = ShardedDictionary<String, RefundFacts>()
    public private(set) var payments = PaymentTally()
    public private(set) var refunds = RefundTally()
    /// Grows with every change, so equality need not compare the facts.
    public private(set) var revision = 0

    /// - Parameter refundsOfPaymentsOnly: count only refunds of the feed's payments; by default so when the
    ///   payments are filtered (by status, customer or order), since a refund belongs to its payment's figures.
    public init(payments: PaymentIntentListQuery, refunds: RefundListQuery?, generation: Int, startedAt: Date,
                refundsOfPaymentsOnly: Bool? = nil) {
        var paymentsQuery = payments
        paymentsQuery.window.pageSize = Self.pageSize
        self.paymentsQuery = paymentsQuery
        self.refundsQuery = refunds.map { var q = $0; q.window.pageSize = Self.pageSize; return q }
        self.refundsOfFeedPaymentsOnly = refundsOfPaymentsOnly
            ?? (!payments.statuses.isEmpty || payments.customerId != nil || payments.merchantOrderId != nil)
        self.generation = generation
        self.startedAt = startedAt
        self.refundsScan = refunds == nil ? nil : ListScan()
    }

    /// A fresh scan of the same queries (for reading a feed again whole).
    public init(again feed: AggregateFeed, generation: Int, startedAt: Date) {
        self.init(payments: feed.paymentsQuery, refunds: feed.refundsQuery, generation: generation, startedAt: startedAt,
                  refundsOfPaymentsOnly: feed.refundsOfFeedPaymentsOnly)
    }

    /// Every scan has read its whole range at least once.
    public var isComplete: Bool { paymentsScan.isComplete && (refundsScan?.isComplete ?? true) }
    public var isReading: Bool { paymentsScan.isReading || (refundsScan?.isReading ?? false) }
    public var failure: String? { paymentsScan.failure ?? refundsScan?.failure }
    /// When the figures were last complete from the newest page down.
    public var asOf: Date? {
        guard let p = paymentsScan.completedAt else { return nil }
        guard let refundsScan else { return p }
        return refundsScan.completedAt.map { min(p, $0) }
    }

    // MARK: Requests

    public func request(_ id: FeedID, refunds: Bool, page: Int) -> FeedPageRequest {
        if refunds, var q = refundsQuery {
            q.window.pageNum = page
            var request = FeedPageRequest(feed: id, generation: generation, query: .refunds(q), page: page)
            request.readsAhead = page > 0 && refundsScan?.isFirstPass ?? false
            return request
        }
        var q = paymentsQuery
        q.window.pageNum = page
        var request = FeedPageRequest(feed: id, generation: generation, query: .payments(q), page: page)
        request.readsAhead = page > 0 && paymentsScan.isFirstPass
        return request
    }

    /// The first page of every scan (both start reading at once).
    public func firstRequests(_ id: FeedID) -> [FeedPageRequest] {
        [request(id, refunds: false, page: 0)] + (refundsQuery == nil ? [] : [request(id, refunds: true, page: 0)])
    }

    /// Live refresh: each idle scan reads from the newest page while pages bring new ids.
    public mutating func refresh(_ id: FeedID) -> [FeedPageRequest] {
        var requests: [FeedPageRequest] = []
        if let page = paymentsScan.refresh() { requests.append(request(id, refunds: false, page: page)) }
        if let page = refundsScan?.refresh() { requests.append(request(id, refunds: true, page: page)) }
        return requests
    }

    public mutating func retry(_ id: FeedID) -> [FeedPageRequest] {
        var requests: [FeedPageRequest] = []
        if let page = paymentsScan.retry() { requests.append(request(id, refunds: false, page: page)) }
        if let page = refundsScan?.retry() { requests.append(request(id, refunds: true, page: page)) }
        return requests
    }

    // MARK: Answers

    /// Folds a page in; answers the next page of the same scan, if any.
    public mutating func apply(_ page: FeedPage, for request: FeedPageRequest, at now: Date) -> FeedPageRequest? {
        guard request.generation == generation else { return nil }
        var new = 0
        for record in page.payments {
            if absorbOne(paymentID: record.id, record.facts, fromScan: true) { new += 1 }
        }
        for record in page.refunds {
            if absorbOne(refundID: record.id, record.facts) { new += 1 }
        }
        settle()
        let next: Int?
        if request.isRefunds {
            next = refundsScan?.pageRead(request.page, newObjects: new, hasMore: page.hasMore, at: now)
        } else {
            next = paymentsScan.pageRead(request.page, newObjects: new, hasMore: page.hasMore, at: now)
        }
        return next.map { self.request(request.feed, refunds: request.isRefunds, page: $0) }
    }

    public mutating func failed(_ request: FeedPageRequest, message: String) {
        guard request.generation == generation else { return }
        if request.isRefunds { refundsScan?.pageFailed(request.page, message: message) } else { paymentsScan.pageFailed(request.page, message: message) }
    }

    /// Takes a newer copy of a payment. From a scan page every payment belongs to the feed; from
    /// elsewhere (a list page, the answer to a capture) only payments the feed already holds are
    /// updated, and one whose new status falls outside the feed's status filter leaves it.
    /// Answers whether the id was new to the feed.
    @discardableResult
    public mutating func absorb(paymentID id: String, _ facts: PaymentFacts) -> Bool {
        defer { settle() }
        return absorbOne(paymentID: id, facts, fromScan: false)
    }

    private mutating func absorbOne(paymentID id: String, _ facts: PaymentFacts, fromScan: Bool) -> Bool {
        let old = paymentFacts[id]
        guard fromScan || old != nil else { return false }
        if old == facts { return false }
        if let old { payments.remove(old) }
        let statuses = paymentsQuery.statuses
        if !fromScan, !statuses.isEmpty, !statuses.contains(facts.status) {
            paymentFacts[id] = nil
        } else {
            paymentFacts[id] = facts
            payments.add(facts)
        }
        changed()
        return old == nil
    }

    /// Takes a newer copy of a refund: one the feed holds, or a new one created in its range
    /// (a refund the console just made). Answers whether the id was new to the feed.
    @discardableResult
    public mutating func absorb(refundID id: String, _ facts: RefundFacts) -> Bool {
        defer { settle() }
        return absorbOne(refundID: id, facts)
    }

    private mutating func absorbOne(refundID id: String, _ facts: RefundFacts) -> Bool {
        guard let query = refundsQuery else { return false }
        let old = refundFacts[id]
        if old == facts { return false }
        if old == nil {
            guard let created = facts.createdAt,
                  query.window.fromCreatedAt.map({ created >= $0 }) ?? true,
                  query.window.toCreatedAt.map({ created < $0 }) ?? true else { return false }
        }
        refundFacts[id] = facts
        if refundsOfFeedPaymentsOnly {
            changed()  // recounted from the facts below: which refunds count depends on the payments too
        } else {
            if let old { refunds.remove(old) }
            refunds.add(facts)
            changed()
        }
        return old == nil
    }

    private mutating func changed() {
        revision &+= 1
        if refundsOfFeedPaymentsOnly { needsRefundRecount = true }
    }

    private var needsRefundRecount = false

    /// With a payment filter, refunds count only for payments in the feed; recounted once per
    /// batch of changes (refunds of a range are few next to its payments).
    private mutating func settle() {
        guard needsRefundRecount else { return }
        needsRefundRecount = false
        var tally = RefundTally()
        for facts in refundFacts.values where facts.paymentIntentId.map({ paymentFacts[$0] != nil }) ?? false { tally.add(facts) }
        refunds = tally
    }
}

extension AggregateFeed: Equatable {
    public static func == (a: AggregateFeed, b: AggregateFeed) -> Bool {
        a.generation == b.generation && a.revision == b.revision && a.paymentsScan == b.paymentsScan && a.refundsScan == b.refundsScan
            && a.payments == b.payments && a.refunds == b.refunds
    }
}
