import Foundation
import UseePay

/// The object a move is about, read from the server just before it is prepared (the scripts have
/// nothing loaded; the console reads a payment's refunds the same way for a refund).
public struct MoneyMoveSubject: Sendable {
    public var object: ConsoleObject
    /// The payment's refunds, for a refund (what is left depends on them); empty otherwise.
    public var refunds: [Refund]

    public init(object: ConsoleObject, refunds: [Refund] = []) {
        self.object = object
        self.refunds = refunds
    }
}

/// Every call to the server a money move makes, written once: reading the object first, sending the
/// move, and finding out afterwards whether a move whose answer was lost happened. Never resends.
public struct MoneyMover: Sendable {
    private let client: UseePayClient

    public init(client: UseePayClient) {
        self.client = client
    }

    /// Reads the object the move is about (and a payment's refunds, for a refund).
    public func subject(_ action: MoneyAction, id: String) async throws -> MoneyMoveSubject {
        switch action {
        case .capture, .cancelPayment:
            return MoneyMoveSubject(object: .payment(try await client.retrievePaymentIntent(id: id)))
        case .refund:
            let payment = try await client.retrievePaymentIntent(id: id)
            guard Capabilities.actions(for: payment).contains(.refund) else { return MoneyMoveSubject(object: .payment(payment)) }
            return MoneyMoveSubject(object: .payment(payment), refunds: try await refunds(ofPayment: id))
        case .cancelSubscription:
            return MoneyMoveSubject(object: .subscription(try await client.retrieveSubscription(id: id)))
        }
    }

    /// All refunds of a payment (what is left to refund is worked out from them).
    private func refunds(ofPayment id: String) async throws -> [Refund] {
        try await client.refunds(RefundListQuery(window: ListWindow(pageSize: ListWindow.maximumPageSize), paymentIntentId: id)).collect()
    }

    /// Sends the move. The amount goes with its currency, so the server can check they agree.
    public func perform(_ request: ActionRequest) async throws -> ConsoleObject {
        let currency = request.amount == nil ? nil : request.currency.map(CurrencyCode.init)
        switch request.action {
        case .capture:
            return .payment(try await client.capturePaymentIntent(id: request.objectId, amount: request.amount, currency: currency))
        case .cancelPayment:
            return .payment(try await client.cancelPaymentIntent(id: request.objectId, reason: request.reason))
        case .refund:
            let parameters = RefundCreateParameters(paymentIntentId: request.objectId, amount: request.amount, currency: currency,
                                                    reason: request.reason, consoleRequestId: request.consoleRequestId)
            return .refund(try await client.createRefund(parameters))
        case .cancelSubscription:
            return .subscription(try await client.cancelSubscription(id: request.objectId, atPeriodEnd: request.atPeriodEnd, comment: request.reason))
        }
    }

    /// Reads the server's state to learn whether a move whose answer was lost took effect: a capture or
    /// cancel by the object's status, a refund by its console request id.
    public func settle(_ request: ActionRequest) async throws -> SettleFinding {
        switch request.action {
        case .capture:
            let payment = try await client.retrievePaymentIntent(id: request.objectId)
            return payment.status == .succeeded ? .happened(.payment(payment)) : .didNotHappen(.payment(payment))
        case .cancelPayment:
            let payment = try await client.retrievePaymentIntent(id: request.objectId)
            return payment.status == .cancelled ? .happened(.payment(payment)) : .didNotHappen(.payment(payment))
        case .refund:
            if let refund = try await client.findRefund(paymentIntentId: request.objectId, consoleRequestId: request.consoleRequestId) {
                return .happened(.refund(refund))
            }
            return .didNotHappen(nil)
        case .cancelSubscription:
            let subscription = try await client.retrieveSubscription(id: request.objectId)
            let done = subscription.status == .cancelled || (request.atPeriodEnd && subscription.cancelAtPeriodEnd == true)
            return done ? .happened(.subscription(subscription)) : .didNotHappen(.subscription(subscription))
        }
    }
}
