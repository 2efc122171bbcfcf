import Foundation
import UseePay

/// Running refund figures, changed one refund at a time like `PaymentTally`.
public struct RefundTally: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var byStatus = KeyCounts()
    /// Every refund that did not fail (received, accepted, succeeded): money on its way back or returned.
    public private(set) var refunded = MoneyTotals()
    /// Received or accepted, not yet settled.
    public private(set) var inFlight = MoneyTotals()
    public private(set) var failed = MoneyTotals()

    public init() {}

    public mutating func add(_ facts: RefundFacts) { apply(facts, sign: 1) }
    public mutating func remove(_ facts: RefundFacts) { apply(facts, sign: -1) }

    private mutating func apply(_ facts: RefundFacts, sign: Int) {
        count += sign
        byStatus.add(facts.status.rawValue, sign)
        guard let currency = facts.currency, let amount = facts.amount else { return }
        if facts.status == .failed { failed.change(amount, currency, sign: sign) } else { refunded.change(amount, currency, sign: sign) }
        if facts.isInFlight { inFlight.change(amount, currency, sign: sign) }
    }
}
