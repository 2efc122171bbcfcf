import Foundation
import UseePay

/// The line above the payments table. Recomputed when payment or refund data changes (O(loaded)),
/// never per key press.
public struct PaymentSummary: Sendable, Hashable {
    public var count: Int = 0
    public var succeededVolume: [Money] = []
    public var awaitingCaptureCount: Int = 0
    public var awaitingCapture: [Money] = []
    public var failedCount: Int = 0
    /// Refunds the console has seen (non-failed) for the loaded payments.
    public var refunded: [Money] = []

    public init() {}

    public init(payments: [PaymentIntent], refundsByPayment: [String: [Refund]]) {
        var succeeded: [CurrencyCode: Decimal] = [:]
        var awaiting: [CurrencyCode: Decimal] = [:]
        var refunded: [CurrencyCode: Decimal] = [:]
        count = payments.count
        for payment in payments {
            switch payment.status {
            case .succeeded:
                if let currency = payment.currency, let amount = payment.capturedAmount ?? payment.amount {
                    succeeded[currency, default: 0] += amount
                }
            case .requiresCapture:
                awaitingCaptureCount += 1
                if let money = payment.money { awaiting[money.currency, default: 0] += money.amount }
            case .failed:
                failedCount += 1
            default: break
            }
            for refund in refundsByPayment[payment.id] ?? [] where refund.status != .failed {
                if let money = refund.money { refunded[money.currency, default: 0] += money.amount }
            }
        }
        func sorted(_ sums: [CurrencyCode: Decimal]) -> [Money] {
            sums.keys.sorted { $0.code < $1.code }.map { Money(amount: sums[$0]!, currency: $0) }
        }
        succeededVolume = sorted(succeeded)
        awaitingCapture = sorted(awaiting)
        self.refunded = sorted(refunded)
    }
}
