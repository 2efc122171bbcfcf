import Foundation
import UseePay

/// Whole-range figures: starting the background scans, folding their pages in, live refresh, and
/// keeping the figures true when the console itself sees a newer copy of a payment or refund.
extension Reducer {
    /// The summary feed covers exactly what the payments list asks the server for (range and server
    /// filters), plus the refunds created in the same range.
    static func startSummary(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .payments(let payments) = query(state, .payments, page: 0) else { return [] }
        var refunds = RefundListQuery()
        refunds.window = ListWindow(pageNum: 0, pageSize: AggregateFeed.pageSize,
                                    fromCreatedAt: payments.window.fromCreatedAt, toCreatedAt: payments.window.toCreatedAt)
        return startFeed(&state, .summary, payments: payments, refunds: refunds)
    }

    static func startFeed(_ state: inout ConsoleState, _ id: FeedID, payments: PaymentIntentListQuery, refunds: RefundListQuery?,
                          refundsOfPaymentsOnly: Bool? = nil) -> [ConsoleEffect] {
        state.feedGeneration += 1
        let feed = AggregateFeed(payments: payments, refunds: refunds, generation: state.feedGeneration, startedAt: state.now,
                                 refundsOfPaymentsOnly: refundsOfPaymentsOnly)
        state.feeds[id] = feed
        state.rereads[id] = nil
        return feed.firstRequests(id).map(ConsoleEffect.readFeed)
    }

    static func feedPageRead(_ state: inout ConsoleState, _ request: FeedPageRequest, _ outcome: Result<FeedPage, ConsoleFailure>) -> [ConsoleEffect] {
        if var reread = state.rereads[request.feed], reread.generation == request.generation {
            guard state.feeds[request.feed] != nil else {
                state.rereads[request.feed] = nil  // the feed itself was dropped meanwhile
                return []
            }
            var effects: [ConsoleEffect] = []
            switch outcome {
            case .success(let page):
                if let next = reread.apply(page, for: request, at: state.now) { effects.append(.readFeed(next)) }
            case .failure:
                // The figures on screen stay as they were; the next refresh tries again.
                state.rereads[request.feed] = nil
                return []
            }
            if reread.isComplete {
                state.feeds[request.feed] = reread
                state.rereads[request.feed] = nil
            } else {
                state.rereads[request.feed] = reread
            }
            return effects
        }
        guard var feed = state.feeds[request.feed], feed.generation == request.generation else { return [] }
        var effects: [ConsoleEffect] = []
        switch outcome {
        case .success(let page):
            if let next = feed.apply(page, for: request, at: state.now) { effects.append(.readFeed(next)) }
        case .failure(let failure):
            feed.failed(request, message: failure.message)
        }
        state.feeds[request.feed] = feed
        return effects
    }

    /// Most objects a feed may hold for live refresh to read it again whole (20 pages).
    static let rereadLimit = 2_000

    /// Live refresh: every feed catches up from its newest page, which finds new objects without reading
    /// the day again. A feed filtered by status also loses objects: an authorisation captured elsewhere
    /// (the dashboard, another console) leaves `requires_capture` and drops out of the pages unseen, and
    /// catching up cannot notice what is gone. So a small complete status-filtered feed (the glance's
    /// authorisations waiting for capture) is read again whole in the background and replaces the one on
    /// screen when done.
    static func refreshFeeds(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for id in FeedID.allCases {
            guard var feed = state.feeds[id] else { continue }
            if !feed.paymentsQuery.statuses.isEmpty, feed.isComplete, !feed.isReading, feed.payments.count <= rereadLimit {
                guard state.rereads[id] == nil else { continue }
                state.feedGeneration += 1
                let reread = AggregateFeed(again: feed, generation: state.feedGeneration, startedAt: state.now)
                state.rereads[id] = reread
                effects += reread.firstRequests(id).map(ConsoleEffect.readFeed)
                continue
            }
            let requests = feed.refresh(id)
            guard !requests.isEmpty else { continue }
            state.feeds[id] = feed
            effects += requests.map(ConsoleEffect.readFeed)
        }
        return effects
    }

    /// ctrl-r: a scan that stopped on a failed page reads that page again.
    static func retryFeeds(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for id in FeedID.allCases {
            guard var feed = state.feeds[id], feed.failure != nil else { continue }
            effects += feed.retry(id).map(ConsoleEffect.readFeed)
            state.feeds[id] = feed
        }
        return effects
    }

    /// A newer copy of an object from anywhere (a list page, a capture's answer, a new refund):
    /// the feeds that count it move it to its new bucket at once.
    static func absorbIntoFeeds(_ state: inout ConsoleState, _ objects: [ConsoleObject]) {
        guard !state.feeds.isEmpty else { return }
        func absorb(_ feed: inout AggregateFeed) -> Bool {
            let before = feed.revision
            for object in objects {
                switch object {
                case .payment(let p): feed.absorb(paymentID: p.id, PaymentFacts(p))
                case .refund(let r): feed.absorb(refundID: r.id, RefundFacts(r))
                case .customer, .subscription, .billing: break
                }
            }
            return feed.revision != before
        }
        for id in Array(state.feeds.keys) {
            if var feed = state.feeds[id], absorb(&feed) { state.feeds[id] = feed }
            if var reread = state.rereads[id], absorb(&reread) { state.rereads[id] = reread }
        }
    }
}
