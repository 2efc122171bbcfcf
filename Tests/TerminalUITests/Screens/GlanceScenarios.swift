import Foundation
import UseePay
import ConsoleCore
@testable import TerminalUI

/// A fixed day for the glance screen (2026-11-21, now 15:30 UTC), fed through `reduce` as the scans
/// would feed it: today's and yesterday's payments, authorisations up to a week old, today's refunds.
enum GlanceScenarios {
    enum Day { case mixed, singleCurrency, empty }

    static let utc = ScreenFixtures.utc
    static let now = ScreenFixtures.now
    static let todayStart = Date(timeIntervalSince1970: 1_795_219_200)  // 2026-11-21T00:00Z
    static let yesterdayStart = todayStart.addingTimeInterval(-86_400)

    static let todayPerHour = [2, 1, 0, 0, 1, 3, 5, 8, 12, 15, 14, 11, 9, 10, 7, 4]
    static let yesterdayPerHour = [1, 1, 0, 0, 0, 2, 4, 7, 10, 13, 12, 10, 9, 8, 8, 6, 5, 4, 3, 3, 2, 2, 1, 1]

    static func payment(_ id: String, _ status: String, _ amount: String, _ currency: String, _ created: Date, decline: String? = nil) -> PaymentIntent {
        let iso = ISO8601DateFormatter().string(from: created)
        var text = #"{"id":"\#(id)","status":"\#(status)","amount":\#(amount),"currency":"\#(currency)","create_at":"\#(iso)""#
        if status == "succeeded" { text += #","captured_amount":\#(amount)"# }
        if let decline { text += #","last_payment_error":{"code":"card_declined","decline_code":"\#(decline)"}"# }
        return try! PaymentIntent(json: JSONValue.parse(text + "}"))
    }

    static func refund(_ id: String, _ status: String, _ amount: String, _ currency: String, _ created: Date, modified: Date? = nil) -> Refund {
        let iso = ISO8601DateFormatter().string(from: created)
        let changed = ISO8601DateFormatter().string(from: modified ?? created)
        return try! Refund(json: JSONValue.parse(
            #"{"id":"\#(id)","payment_intent_id":"pi_r\#(id)","status":"\#(status)","amount":\#(amount),"currency":"\#(currency)","create_at":"\#(iso)","modify_at":"\#(changed)"}"#))
    }

    /// One hour's payments: succeeded ×3, awaiting capture, failed (lost_card), declined (insufficient_funds), repeating.
    static func payments(perHour: [Int], from start: Date, prefix: String, singleCurrency: Bool) -> [PaymentIntent] {
        var result: [PaymentIntent] = []
        for (hour, count) in perHour.enumerated() {
            for i in 0..<count {
                let created = start.addingTimeInterval(Double(hour * 3600 + 300 + i * 180))
                let usd = singleCurrency || (hour + i) % 3 != 0
                let (amount, currency) = usd ? ("10.00", "USD") : ("15000", "KRW")
                let id = "\(prefix)\(hour)_\(i)"
                switch i % 6 {
                case 3: result.append(payment(id, "requires_capture", amount, currency, created))
                case 4: result.append(payment(id, "failed", amount, currency, created, decline: "lost_card"))
                case 5: result.append(payment(id, "requires_payment_method", amount, currency, created, decline: "insufficient_funds"))
                default: result.append(payment(id, "succeeded", amount, currency, created))
                }
            }
        }
        return result.reversed()  // newest first, as the API lists
    }

    struct Data {
        var today: [PaymentIntent] = []
        var yesterday: [PaymentIntent] = []
        var awaiting: [PaymentIntent] = []
        var refunds: [Refund] = []
    }

    static func data(_ day: Day) -> Data {
        guard day != .empty else { return Data() }
        let single = day == .singleCurrency
        let today = payments(perHour: todayPerHour, from: todayStart, prefix: "pi_t", singleCurrency: single)
        let yesterday = payments(perHour: yesterdayPerHour, from: yesterdayStart, prefix: "pi_y", singleCurrency: single)
        let krw = single ? "USD" : "KRW", krwAmount = single ? "30.00" : "3000"
        // Waiting for capture: today's, and older ones of 30 h, 80 h and 150 h (that last pair expires within 24 h).
        let older = [(30, "pi_a30a"), (30, "pi_a30b"), (80, "pi_a80"), (150, "pi_a150a"), (150, "pi_a150b")].map { hours, id in
            payment(id, "requires_capture", "25.00", "USD", now.addingTimeInterval(-Double(hours) * 3600))
        }
        let refunds = [refund("re_1", "received", "5.00", "USD", now.addingTimeInterval(-600)),
                       refund("re_2", "accepted", krwAmount, krw, now.addingTimeInterval(-1800)),
                       refund("re_3", "failed", "2.00", "USD", now.addingTimeInterval(-3600)),
                       refund("re_4", "succeeded", "1.00", "USD", now.addingTimeInterval(-7200))]
        return Data(today: today, yesterday: yesterday, awaiting: today.filter { $0.status == .requiresCapture } + older, refunds: refunds)
    }

    /// Started, then `:glance`, with every scan answered.
    static func glance(_ day: Day, size: TerminalSize, ascii: Bool = false, recentRefunds: [Refund]? = nil) -> ConsoleState {
        var state = ScreenFixtures.state(size: size)
        state.asciiGlyphs = ascii
        let data = data(day)
        var pending = reduce(&state, .started)
        pending += reduce(&state, .key(.char(":")))
        for c in "glance" { pending += reduce(&state, .key(.char(c))) }
        pending += reduce(&state, .key(KeyPress(.enter)))
        while let index = pending.firstIndex(where: { if case .readFeed = $0 { return true } else { return false } }) {
            guard case .readFeed(let request) = pending.remove(at: index) else { continue }
            let page: FeedPage
            switch request.query {
            case .refunds(let q) where recentRefunds != nil && q.window.fromCreatedAt != todayStart:
                page = FeedPage(refundObjects: recentRefunds ?? [], hasMore: false)
            case .refunds:
                page = FeedPage(refundObjects: data.refunds, hasMore: false)
            case .payments(let q) where q.statuses == [.requiresCapture]:
                page = FeedPage(paymentIntents: data.awaiting, hasMore: false)
            case .payments(let q) where q.window.fromCreatedAt == yesterdayStart:
                page = FeedPage(paymentIntents: data.yesterday, hasMore: false)
            default:
                page = FeedPage(paymentIntents: data.today, hasMore: false)
            }
            pending += reduce(&state, .effectResult(.feedPage(request, .success(page))))
        }
        return state
    }
}
