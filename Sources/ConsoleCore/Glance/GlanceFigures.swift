import Foundation
import UseePay

/// Everything the glance screen shows, worked out from the aggregates (never from loaded objects).
public struct GlanceFigures: Sendable {
    /// How current a panel's figures are.
    public enum Freshness: Sendable, Hashable {
        case notStarted
        case summing(counted: Int)
        case asOf(Date)
        case stopped(String)

        init(_ feed: AggregateFeed?) {
            guard let feed else { self = .notStarted; return }
            if let failure = feed.failure { self = .stopped(failure) }
            else if feed.isComplete, let asOf = feed.asOf { self = .asOf(asOf) }
            else { self = .summing(counted: feed.payments.count) }
        }
    }

    public var day: CalendarDay
    /// Index into `today` of the hour that is running now.
    public var currentHour: Int
    public var today: [PaymentTally.SlotCounts]
    public var yesterday: [PaymentTally.SlotCounts]
    public var todayPayments: Int
    public var succeededVolume: MoneyTotals
    public var todaySucceeded: Int
    public var todayDecided: Int
    public var todayRate: Decimal?
    public var yesterdaySucceeded: Int
    public var yesterdayDecided: Int
    public var yesterdayRate: Decimal?
    public var topDeclines: [(code: String, count: Int)]
    public var waiting: [AuthorisationAge: MoneyTotals]
    public var waitingAll: MoneyTotals
    public var refundsInFlight: MoneyTotals
    public var refundsFailed: MoneyTotals
    public var todayFreshness: Freshness
    public var yesterdayFreshness: Freshness
    public var waitingFreshness: Freshness

    public init(state: ConsoleState, topDeclines: Int = 5) {
        let zone = state.merchantTimeZone
        day = CalendarDay(date: state.now, timeZone: zone)
        let todayFeed = state.feeds[Reducer.glanceTodayFeedID(state)]
        let yesterdayFeed = state.feeds[.glanceYesterday]
        let awaitingFeed = state.feeds[.glanceAwaiting]
        let empty = PaymentTally()
        let t = todayFeed?.payments ?? empty
        let y = yesterdayFeed?.payments ?? empty
        today = t.hourly(day: day, timeZone: zone)
        yesterday = y.hourly(day: day.adding(days: -1, timeZone: zone), timeZone: zone)
        currentHour = max(0, min(today.count - 1, Int(state.now.timeIntervalSince(day.start(in: zone)) / 3600)))
        todayPayments = t.count
        succeededVolume = t.succeeded
        todaySucceeded = t.succeededCount
        todayDecided = t.succeededCount + t.declined
        todayRate = t.successRate
        yesterdaySucceeded = y.succeededCount
        yesterdayDecided = y.succeededCount + y.declined
        yesterdayRate = y.successRate
        self.topDeclines = t.declineCodes.top(topDeclines).map { (code: $0.key, count: $0.count) }
        let facts = awaitingFeed?.paymentFacts.values
        waiting = facts.map { PaymentTally.waitingByAge($0, now: state.now, lifetime: state.authorisationLifetime) } ?? [:]
        waitingAll = awaitingFeed?.payments.awaitingCapture ?? MoneyTotals()
        // Refunds from the scan of the last days (the waiting scan's): in flight whenever created, failed today
        // whenever created.
        refundsInFlight = awaitingFeed?.refunds.inFlight ?? MoneyTotals()
        var failedToday = MoneyTotals()
        let todayStart = day.start(in: zone)
        if let refunds = awaitingFeed?.refundFacts.values {
            for refund in refunds where refund.status == .failed && (refund.modifiedAt ?? .distantPast) >= todayStart {
                if let amount = refund.amount, let currency = refund.currency { failedToday.add(amount, currency) }
            }
        }
        refundsFailed = failedToday
        todayFreshness = Freshness(todayFeed)
        yesterdayFreshness = Freshness(yesterdayFeed)
        waitingFreshness = Freshness(awaitingFeed)
    }

    /// "93.1%" (one decimal, exact arithmetic), or "—" before any payment reached an outcome.
    public static func percent(_ rate: Decimal?) -> String {
        guard var value = rate.map({ $0 * 100 }) else { return "—" }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 1, .plain)
        return "\(rounded)%"
    }
}
