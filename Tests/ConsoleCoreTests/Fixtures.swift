import Foundation
import UseePay
import TestSupport
@testable import ConsoleCore

/// Objects built the way the client builds them: from JSON text.
enum Fixtures {
    static let utc = TimeZone(identifier: "UTC")!
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    /// 2026-11-21 15:30 UTC = 2026-11-22 00:30 in Seoul.
    static let now = Date(timeIntervalSince1970: 1_795_275_000)

    static func payment(_ id: String, status: String = "succeeded", amount: String = "12.50", currency: String = "USD",
                        captured: String? = nil, customer: String? = "Kim Minji", email: String? = "minji@example.com",
                        customerId: String? = "cus_1", order: String? = "order-1", created: String = "2026-11-21T09:15:00Z",
                        method: String = "card") -> PaymentIntent {
        ModelFixtures.paymentIntent(id: id, status: status, amount: amount, currency: currency, captured: captured,
                                    customerId: customerId, customerName: customer, customerEmail: email, order: order,
                                    created: created, method: method)
    }

    static func refund(_ id: String, payment: String, amount: String, currency: String = "USD", status: String = "succeeded",
                       requestId: String? = nil, created: String = "2026-11-21T10:00:00Z") -> Refund {
        let meta = requestId.map { ", \"metadata\": {\"console_request_id\": \"\($0)\"}" } ?? ""
        return try! Refund(json: JSONValue.parse("""
        {"id": "\(id)", "payment_intent_id": "\(payment)", "amount": \(amount), "currency": "\(currency)", "status": "\(status)", "reason": "requested_by_customer", "create_at": "\(created)"\(meta)}
        """))
    }

    static func customer(_ id: String, name: String = "Kim Minji", email: String = "minji@example.com") -> Customer {
        try! Customer(json: JSONValue.parse("""
        {"id": "\(id)", "name": \(quoted(name)), "email": "\(email)", "phone": "+82-10-1234-5678", "merchant_customer_id": "m-\(id)", "create_at": "2026-10-01T00:00:00Z"}
        """))
    }

    static func subscription(_ id: String, status: String = "active", customerId: String = "cus_1", atPeriodEnd: Bool = false) -> Subscription {
        try! Subscription(json: JSONValue.parse("""
        {"id": "\(id)", "status": "\(status)", "customer_id": "\(customerId)", "currency": "USD", "cancel_at_period_end": \(atPeriodEnd),
         "recurring": {"interval": "month", "interval_count": 1, "unit_amount": 9.99}, "current_period_end": "2026-12-01T00:00:00Z", "create_at": "2026-11-01T00:00:00Z"}
        """))
    }

    static func quoted(_ s: String) -> String { ModelFixtures.q(s) }

    static func state(mode: ConsoleMode = .sandbox, readOnly: Bool = false, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
                      refresh: Int = 0) -> ConsoleState {
        ConsoleState(mode: mode, profileName: "test", readOnly: readOnly, merchantTimeZone: utc, now: now, size: size,
                     refreshIntervalSeconds: refresh, sessionTag: "t")
    }
}

/// Drives the pure reducer the way the store does, collecting effects.
struct Driver {
    var state: ConsoleState
    var effects: [ConsoleEffect] = []

    init(_ state: ConsoleState = Fixtures.state()) { self.state = state }

    /// Answers every journal write at once, as the runner does when the journal accepts it; tests of a
    /// failing journal turn it off and answer themselves.
    var journalAccepts = true

    @discardableResult
    mutating func send(_ event: ConsoleEvent) -> [ConsoleEffect] {
        var produced = reduce(&state, event)
        if journalAccepts {
            for case .journal(let entry) in produced {
                produced += reduce(&state, .effectResult(.journaled(entry, problem: nil)))
            }
        }
        effects += produced
        return produced
    }

    @discardableResult
    mutating func press(_ key: KeyPress) -> [ConsoleEffect] { send(.key(key)) }

    @discardableResult
    mutating func press(_ c: Character) -> [ConsoleEffect] { send(.key(.char(c))) }

    @discardableResult
    mutating func type(_ text: String) -> [ConsoleEffect] {
        var all: [ConsoleEffect] = []
        for c in text { all += press(c) }
        return all
    }

    /// Starts the console and answers the first payments load with `payments`. Returns what the answer asked for.
    @discardableResult
    mutating func start(with payments: [PaymentIntent], hasMore: Bool = false) -> [ConsoleEffect] {
        let effects = send(.started)
        guard case .load(let request)? = effects.first else { fatalError("start did not load") }
        let answered = send(.effectResult(.loaded(request, .success(LoadedPage(objects: payments.map(ConsoleObject.payment), hasMore: hasMore)))))
        // The summary scan reads the same day: these payments (one page) and no refunds.
        for case .readFeed(let feedRequest) in effects {
            let page = feedRequest.isRefunds ? FeedPage(hasMore: false) : FeedPage(paymentIntents: payments, hasMore: false)
            send(.effectResult(.feedPage(feedRequest, .success(page))))
        }
        return answered
    }

    static func loadRequest(_ effects: [ConsoleEffect]) -> LoadRequest? {
        for case .load(let request) in effects { return request }
        return nil
    }

    static func sent(_ effects: [ConsoleEffect]) -> [ActionRequest] {
        effects.compactMap { if case .send(let r) = $0 { return r } else { return nil } }
    }
}
