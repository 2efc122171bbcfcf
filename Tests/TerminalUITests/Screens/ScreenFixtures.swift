import Foundation
import UseePay
import TestSupport
import ConsoleCore
@testable import TerminalUI

/// States for headless screen tests, built the way the console builds them: through `reduce`.
enum ScreenFixtures {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-11-21 15:30 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_275_000)
    static let hostileName = "\u{1B}]52;c;ZXZpbA==\u{07}Eve\u{202E}lapyap\u{1B}[2J"

    static func payment(_ id: String, status: String, amount: String, currency: String = "USD", captured: String? = nil,
                        name: String?, email: String? = nil, order: String? = nil, created: String, method: String = "card",
                        last4: String = "4242", customerId: String = "cus_kim01") -> PaymentIntent {
        ModelFixtures.paymentIntent(id: id, status: status, amount: amount, currency: currency, captured: captured,
                                    customerId: customerId, customerName: name, customerEmail: email, order: order,
                                    created: created, method: method, last4: last4)
    }

    static let todaysPayments: [PaymentIntent] = [
        payment("pi_01JD8ZQ4K2AUTH001", status: "requires_capture", amount: "120.00", name: "Kim Minji", email: "minji@example.com",
                order: "ORD-10023", created: "2026-11-21T14:58:00Z"),
        payment("pi_01JD8ZQ4K2KRW0002", status: "succeeded", amount: "15000", currency: "KRW", captured: "15000", name: "김민지",
                order: "ORD-10022", created: "2026-11-21T13:12:00Z", method: "kakao_pay", customerId: "cus_kor02"),
        payment("pi_01JD8ZQ4K2JPY0003", status: "failed", amount: "3200", currency: "JPY", name: "山田太郎",
                order: "ORD-10021", created: "2026-11-21T11:40:00Z", customerId: "cus_jpn03"),
        payment("pi_01JD8ZQ4K2HOST004", status: "succeeded", amount: "1234.5", captured: "1234.5", name: hostileName,
                order: "ORD-\u{1B}[31mRED", created: "2026-11-21T09:05:00Z", customerId: "cus_host4"),
        payment("pi_01JD8ZQ4K2BHD0005", status: "requires_payment_method", amount: "12.345", currency: "BHD", name: nil,
                email: "someone.with.a.very.long.address@example.com", order: nil, created: "2026-11-21T08:00:00Z", customerId: "cus_bhd05"),
    ]

    static func state(mode: ConsoleMode = .sandbox, readOnly: Bool = false, size: TerminalSize) -> ConsoleState {
        ConsoleState(mode: mode, profileName: "demo", readOnly: readOnly, merchantTimeZone: utc, now: now, size: size,
                     refreshIntervalSeconds: 0, sessionTag: "t")
    }

    /// Console started and showing today's payments.
    static func paymentsState(mode: ConsoleMode = .sandbox, readOnly: Bool = false, size: TerminalSize,
                              payments: [PaymentIntent] = todaysPayments, hasMore: Bool = false) -> ConsoleState {
        var state = self.state(mode: mode, readOnly: readOnly, size: size)
        let effects = reduce(&state, .started)
        guard case .load(let request)? = effects.first else { fatalError("no load") }
        _ = reduce(&state, .effectResult(.loaded(request, .success(LoadedPage(objects: payments.map(ConsoleObject.payment), hasMore: hasMore)))))
        // The summary scan reads the same day: these payments and no refunds.
        for case .readFeed(let feedRequest) in effects {
            let page = feedRequest.isRefunds ? FeedPage(hasMore: false) : FeedPage(paymentIntents: payments, hasMore: false)
            _ = reduce(&state, .effectResult(.feedPage(feedRequest, .success(page))))
        }
        return state
    }

    static func press(_ state: inout ConsoleState, _ keys: KeyPress...) {
        for key in keys { _ = reduce(&state, .key(key)) }
    }

    static func dump(_ grid: CellGrid) -> String {
        grid.lines().map { "\"\($0)\"," }.joined(separator: "\n")
    }
}
