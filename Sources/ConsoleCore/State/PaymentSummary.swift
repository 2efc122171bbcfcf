import Foundation
import UseePay

/// What the line above the payments table says: the whole range's figures from the summary feed
/// (a background scan of every page, see `AggregateFeed`), never a sum of the rows loaded so far.
/// While the scan runs it says so and how far it got; once complete it reads as final, with its time.
public struct PaymentSummary: Sendable, Hashable {
    public enum Progress: Sendable, Hashable {
        /// No scan has started (no credentials yet, or a screen that has none).
        case notStarted
        /// Counted so far; the figures are partial.
        case summing(counted: Int)
        /// Every page read and caught up at this time; live refresh keeps it current.
        case final(asOf: Date)
        /// A page failed; the figures cover what was read before it.
        case stopped(counted: Int, message: String)
    }

    public var progress: Progress = .notStarted
    /// "today's payments", "yesterday's payments", "payments since 2026-11-01 · requires_capture".
    public var scope: String = "payments"
    public var count: Int = 0
    /// Count per API status word (`succeeded`, `requires_capture`, ...).
    public var byStatus: [String: Int] = [:]
    public var succeededVolume: [Money] = []
    public var awaitingCaptureCount: Int = 0
    public var awaitingCapture: [Money] = []
    public var failedCount: Int = 0
    /// Refunds that did not fail, created in the range (with a payment filter: of those payments).
    public var refundCount: Int = 0
    public var refunded: [Money] = []

    public init() {}

    public init(feed: AggregateFeed?, scope: String) {
        self.scope = scope
        guard let feed else { return }
        let p = feed.payments
        count = p.count
        byStatus = p.byStatus.counts
        succeededVolume = p.succeeded.sums
        awaitingCaptureCount = p.awaitingCapture.count
        awaitingCapture = p.awaitingCapture.sums
        failedCount = p.failed
        refundCount = feed.refunds.refunded.count
        refunded = feed.refunds.refunded.sums
        if let failure = feed.failure {
            progress = .stopped(counted: p.count, message: failure)
        } else if feed.isComplete, let asOf = feed.asOf {
            progress = .final(asOf: asOf)
        } else {
            progress = .summing(counted: p.count)
        }
    }

    public var isFinal: Bool { if case .final = progress { return true } else { return false } }

    /// Names the payments a summary covers, as the line and scripts say it.
    public static func scope(range: DateRange, filter: PaymentListFilter) -> String {
        var text: String
        switch range {
        case .today: text = "today's payments"
        case .yesterday: text = "yesterday's payments"
        case .last7Days: text = "payments of the last 7 days"
        case .allTime: text = "all payments"
        case .custom, .span: text = "payments \(range)"
        }
        if !filter.statuses.isEmpty { text += " (" + filter.statuses.joined(separator: ", ") + ")" }
        if filter.customerId != nil { text += " of this customer" }
        return text
    }
}
