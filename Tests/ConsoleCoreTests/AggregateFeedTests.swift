import XCTest
import UseePay
@testable import ConsoleCore

/// The accumulator and the scan's page logic, without a server: exactness under re-reads and changes.
final class AggregateFeedTests: XCTestCase {
    private let usd = CurrencyCode.usd
    private let krw = CurrencyCode("KRW")

    private func feed(statuses: [PaymentIntentStatus] = [], refunds: Bool = true) -> AggregateFeed {
        let window = ListWindow(fromCreatedAt: Fixtures.now.addingTimeInterval(-86_400), toCreatedAt: Fixtures.now.addingTimeInterval(86_400))
        return AggregateFeed(payments: PaymentIntentListQuery(window: window, statuses: statuses),
                             refunds: refunds ? RefundListQuery(window: window) : nil, generation: 1, startedAt: Fixtures.now)
    }

    private func page(_ payments: [PaymentIntent], hasMore: Bool) -> FeedPage { FeedPage(paymentIntents: payments, hasMore: hasMore) }

    func testAStatusChangeMovesThePaymentBetweenBucketsAndCountsItOnce() {
        var f = feed()
        let request = f.firstRequests(.summary)[0]
        _ = f.apply(page([Fixtures.payment("pi_1", status: "requires_capture", amount: "120.00"),
                          Fixtures.payment("pi_2", status: "succeeded", amount: "15000", currency: "KRW", captured: "15000")], hasMore: false),
                    for: request, at: Fixtures.now)
        XCTAssertEqual(f.payments.count, 2)
        XCTAssertEqual(f.payments.awaitingCapture.sums, [Money(amount: 120, currency: usd)])
        XCTAssertEqual(f.payments.succeeded.sums, [Money(amount: 15000, currency: krw)])

        // Captured in part elsewhere; the console sees the newer copy.
        f.absorb(paymentID: "pi_1", PaymentFacts(Fixtures.payment("pi_1", status: "succeeded", amount: "120.00", captured: "100.00")))
        XCTAssertEqual(f.payments.count, 2)
        XCTAssertTrue(f.payments.awaitingCapture.isEmpty, "no USD 0.00 left behind")
        XCTAssertEqual(f.payments.succeeded.sums, [Money(amount: 15000, currency: krw), Money(amount: 100, currency: usd)])
        XCTAssertEqual(f.payments.byStatus.counts, ["succeeded": 2])

        // The same copy again changes nothing; an unknown id from elsewhere is not the feed's to add.
        let revision = f.revision
        f.absorb(paymentID: "pi_1", PaymentFacts(Fixtures.payment("pi_1", status: "succeeded", amount: "120.00", captured: "100.00")))
        f.absorb(paymentID: "pi_other", PaymentFacts(Fixtures.payment("pi_other")))
        XCTAssertEqual(f.revision, revision)
        XCTAssertEqual(f.payments.count, 2)
    }

    func testPagesPushedDownByNewPaymentsAreCountedOnceAndTheScanCatchesUp() {
        var f = feed(refunds: false)
        let first = f.firstRequests(.summary)
        XCTAssertEqual(first.count, 1)
        let p0 = (0..<3).map { Fixtures.payment("pi_old\($0)") }
        let next = f.apply(page(p0, hasMore: true), for: first[0], at: Fixtures.now)
        XCTAssertEqual(next?.page, 1)
        // A new payment arrived: page 1 now starts with the last of page 0 again.
        let end = f.apply(page([p0[2], Fixtures.payment("pi_old3")], hasMore: false), for: next!, at: Fixtures.now)
        XCTAssertEqual(end?.page, 0, "back to the newest page to catch up")
        XCTAssertFalse(f.isComplete)
        let more = f.apply(page([Fixtures.payment("pi_new")] + p0.prefix(2), hasMore: true), for: end!, at: Fixtures.now)
        XCTAssertEqual(more?.page, 1, "that page brought a new id: read on")
        XCTAssertNil(f.apply(page([p0[2], Fixtures.payment("pi_old3")], hasMore: false), for: more!, at: Fixtures.now))
        XCTAssertTrue(f.isComplete)
        XCTAssertEqual(f.payments.count, 5)
        XCTAssertEqual(f.payments.succeeded.sums, [Money(amount: Decimal(string: "62.50")!, currency: usd)])

        // Live refresh: one page with nothing new ends the pass.
        let refresh = f.refresh(.summary)
        XCTAssertEqual(refresh.map(\.page), [0])
        XCTAssertEqual(f.refresh(.summary), [], "no second pass while one runs")
        XCTAssertNil(f.apply(page([Fixtures.payment("pi_new")], hasMore: true), for: refresh[0], at: Fixtures.now))
        XCTAssertEqual(f.payments.count, 5)
    }

    func testAnAnswerForAnOlderScanIsDropped() {
        var f = feed()
        var stale = f.firstRequests(.summary)[0]
        stale.generation = 0
        XCTAssertNil(f.apply(page([Fixtures.payment("pi_1")], hasMore: false), for: stale, at: Fixtures.now))
        XCTAssertEqual(f.payments.count, 0)
    }

    func testAFailedPageStopsTheScanUntilRetried() {
        var f = feed(refunds: false)
        let request = f.firstRequests(.summary)[0]
        f.failed(request, message: "HTTP 502")
        XCTAssertEqual(f.failure, "HTTP 502")
        XCTAssertEqual(PaymentSummary(feed: f, scope: "today's payments").progress, .stopped(counted: 0, message: "HTTP 502"))
        XCTAssertEqual(f.retry(.summary), [request])
        XCTAssertNil(f.failure)
        XCTAssertNil(f.apply(page([Fixtures.payment("pi_1")], hasMore: false), for: request, at: Fixtures.now))
        XCTAssertEqual(PaymentSummary(feed: f, scope: "x").progress, .final(asOf: Fixtures.now))
    }

    func testRefundsMoveFromInFlightToRefundedOrFailed() {
        var f = feed()
        let refundsRequest = f.firstRequests(.summary)[1]
        XCTAssertTrue(refundsRequest.isRefunds)
        _ = f.apply(FeedPage(refundObjects: [Fixtures.refund("re_1", payment: "pi_1", amount: "30.00", status: "received"),
                                             Fixtures.refund("re_2", payment: "pi_1", amount: "5.00", status: "accepted")], hasMore: false),
                    for: refundsRequest, at: Fixtures.now)
        XCTAssertEqual(f.refunds.inFlight.sums, [Money(amount: 35, currency: usd)])
        XCTAssertEqual(f.refunds.refunded.sums, [Money(amount: 35, currency: usd)])
        f.absorb(refundID: "re_1", RefundFacts(Fixtures.refund("re_1", payment: "pi_1", amount: "30.00", status: "succeeded")))
        f.absorb(refundID: "re_2", RefundFacts(Fixtures.refund("re_2", payment: "pi_1", amount: "5.00", status: "failed")))
        XCTAssertTrue(f.refunds.inFlight.isEmpty)
        XCTAssertEqual(f.refunds.refunded.sums, [Money(amount: 30, currency: usd)])
        XCTAssertEqual(f.refunds.failed.sums, [Money(amount: 5, currency: usd)])
        // A refund made just now by the console, in the range, is counted at once; one outside it is not.
        f.absorb(refundID: "re_3", RefundFacts(Fixtures.refund("re_3", payment: "pi_1", amount: "1.00", status: "received")))
        f.absorb(refundID: "re_old", RefundFacts(Fixtures.refund("re_old", payment: "pi_1", amount: "9.00", created: "2026-11-01T00:00:00Z")))
        XCTAssertEqual(f.refunds.refunded.sums, [Money(amount: 31, currency: usd)])
    }

    func testWithAStatusFilterRefundsCountOnlyForTheFeedsPayments() {
        var f = feed(statuses: [.succeeded])
        let requests = f.firstRequests(.summary)
        _ = f.apply(FeedPage(refundObjects: [Fixtures.refund("re_1", payment: "pi_in", amount: "3.00"),
                                             Fixtures.refund("re_2", payment: "pi_out", amount: "4.00")], hasMore: false),
                    for: requests[1], at: Fixtures.now)
        XCTAssertTrue(f.refunds.refunded.isEmpty, "no payment of the feed known yet")
        _ = f.apply(page([Fixtures.payment("pi_in")], hasMore: false), for: requests[0], at: Fixtures.now)
        XCTAssertEqual(f.refunds.refunded.sums, [Money(amount: 3, currency: usd)])
        // A payment leaving the status filter leaves the feed, and its refunds with it.
        f.absorb(paymentID: "pi_in", PaymentFacts(Fixtures.payment("pi_in", status: "failed")))
        XCTAssertEqual(f.payments.count, 0)
        XCTAssertTrue(f.refunds.refunded.isEmpty)
    }

    func testHourlySlotsRegroupIntoLocalHoursOfAQuarterHourZone() {
        var tally = PaymentTally()
        let kathmandu = TimeZone(identifier: "Asia/Kathmandu")!  // UTC+05:45
        let iso = ISO8601DateFormatter()
        // 2026-11-21 00:10 and 00:50 local, 23:59 local; one the day before.
        for (time, status) in [("2026-11-20T18:25:00Z", "succeeded"), ("2026-11-20T19:05:00Z", "failed"),
                               ("2026-11-21T18:14:00Z", "requires_capture"), ("2026-11-20T18:14:00Z", "succeeded")] {
            tally.add(PaymentFacts(status: PaymentIntentStatus(rawValue: status), currency: usd, amount: 1, createdAt: iso.date(from: time)))
        }
        let hours = tally.hourly(day: CalendarDay(year: 2026, month: 11, day: 21), timeZone: kathmandu)
        XCTAssertEqual(hours.count, 24)
        XCTAssertEqual(hours[0].attempts, 2)
        XCTAssertEqual(hours[0].successes, 1)
        XCTAssertEqual(hours[23].attempts, 1)
        XCTAssertEqual(hours[23].successes, 1)
        XCTAssertEqual(hours.map(\.attempts).reduce(0, +), 3)
        XCTAssertEqual(tally.declined, 1)
        XCTAssertEqual(tally.successRate, Decimal(2) / Decimal(3))
    }

    func testHostileDeclineCodesAreCutToPrintableASCII() {
        XCTAssertEqual(PaymentFacts.code("\u{1B}]52;c;AAAA\u{07}insufficient_funds"), "]52;c;AAAAinsufficient_funds")
        XCTAssertEqual(PaymentFacts.code(String(repeating: "x", count: 500))?.count, 40)
        XCTAssertNil(PaymentFacts.code("\u{1B}\u{07} "))
    }
}
