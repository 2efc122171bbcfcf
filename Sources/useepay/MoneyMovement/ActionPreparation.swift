import ConsoleCore
import Foundation
import UseePay

/// Reads the object first, checks what its status allows, and fixes the exact request to send.
/// Refusals here happen before anything is sent.
struct ActionPreparation: Sendable {
    let client: UseePayClient
    let modeName: String

    private func newRequestId() -> String { UUID().uuidString.lowercased() }

    private func retrievePayment(_ id: String) async throws -> PaymentIntent {
        do {
            return try await client.retrievePaymentIntent(id: id)
        } catch {
            throw FailureClassifier.failure(error)
        }
    }

    private func parseAmount(_ text: String?, currency: CurrencyCode?, id: String) throws -> Money? {
        guard let text else { return nil }
        guard let currency else {
            throw CommandFailure(.apiRefused, "\(id) has no currency, so --amount cannot be checked; leave it out")
        }
        do {
            return try Money.parse(text, currency: currency)
        } catch {
            throw CommandFailure(.usage, "--amount \"\(text)\": \(error) (\(currency.code) has \(currency.minorUnitExponent) decimal places)")
        }
    }

    private func customerLabel(_ intent: PaymentIntent) -> String {
        let label = [intent.customer?.displayName, intent.customerId ?? intent.customer?.id].compactMap { $0 }.joined(separator: " · ")
        return label.isEmpty ? "(none)" : label
    }

    func capture(id: String, amountText: String?) async throws -> PreparedAction {
        let intent = try await retrievePayment(id)
        guard Capabilities.actions(for: intent).contains(.capture) else {
            throw CommandFailure(.apiRefused, "\(id) is \(intent.status.rawValue); only payments awaiting capture (requires_capture) can be captured")
        }
        let amount = try parseAmount(amountText, currency: intent.currency, id: id)
        let money = amount ?? intent.money
        let request = ActionRequest(
            consoleRequestId: newRequestId(), action: .capture, objectId: id, amount: amount?.amount,
            currency: intent.currency?.code, customerLabel: customerLabel(intent))
        var amountLine = money?.formatted() ?? "(full amount)"
        if amount != nil, let authorised = intent.money { amountLine += " of \(authorised.formatted()) authorised" }
        let client = self.client
        return PreparedAction(
            request: request, title: "Capture payment",
            details: [("payment", id), ("amount", amountLine), ("currency", intent.currency?.code ?? "?"),
                      ("customer", customerLabel(intent)), ("mode", modeName)],
            perform: {
                let captured = try await client.capturePaymentIntent(id: id, amount: amount?.amount, currency: amount?.currency)
                return ActionResult(summary: "captured \(captured.capturedMoney?.formatted() ?? money?.formatted() ?? ""), now \(captured.status.rawValue)",
                                    raw: captured.raw)
            },
            settle: {
                let now = try await client.retrievePaymentIntent(id: id)
                if now.status == .succeeded {
                    return .happened(ActionResult(summary: "captured \(now.capturedMoney?.formatted() ?? money?.formatted() ?? ""), now succeeded", raw: now.raw))
                }
                return .notHappened("still \(now.status.rawValue)")
            })
    }

    func cancelPayment(id: String, reason: String?) async throws -> PreparedAction {
        let intent = try await retrievePayment(id)
        guard Capabilities.actions(for: intent).contains(.cancelPayment) else {
            throw CommandFailure(.apiRefused, "\(id) is \(intent.status.rawValue); only payments not yet completed can be cancelled (a succeeded payment is refunded instead)")
        }
        let request = ActionRequest(
            consoleRequestId: newRequestId(), action: .cancelPayment, objectId: id, amount: intent.amount,
            currency: intent.currency?.code, reason: reason, customerLabel: customerLabel(intent))
        let client = self.client
        return PreparedAction(
            request: request, title: "Cancel payment",
            details: [("payment", id), ("amount", intent.money?.formatted() ?? "?"), ("currency", intent.currency?.code ?? "?"),
                      ("customer", customerLabel(intent)), ("reason", reason ?? "(none)"), ("mode", modeName)],
            perform: {
                let cancelled = try await client.cancelPaymentIntent(id: id, reason: reason)
                return ActionResult(summary: "cancelled, now \(cancelled.status.rawValue)", raw: cancelled.raw)
            },
            settle: {
                let now = try await client.retrievePaymentIntent(id: id)
                if now.status == .cancelled { return .happened(ActionResult(summary: "cancelled, now canceled", raw: now.raw)) }
                return .notHappened("still \(now.status.rawValue)")
            })
    }

    func refund(paymentIntentId id: String, amountText: String?, reason: String?) async throws -> PreparedAction {
        let intent = try await retrievePayment(id)
        guard Capabilities.actions(for: intent).contains(.refund) else {
            throw CommandFailure(.apiRefused, "\(id) is \(intent.status.rawValue); only succeeded payments can be refunded")
        }
        let existing: [Refund]
        do {
            existing = try await client.refunds(RefundListQuery(window: ListWindow(pageSize: ListWindow.maximumPageSize), paymentIntentId: id)).collect()
        } catch {
            throw FailureClassifier.failure(error, doing: "reading the refunds of \(id)")
        }
        let refundable = Capabilities.refundable(intent, refunds: existing)
        let amount = try parseAmount(amountText, currency: intent.currency, id: id)
        if let refundable, refundable <= 0 {
            throw CommandFailure(.apiRefused, "\(id) is already fully refunded")
        }
        if let amount, let refundable, amount.amount > refundable, let currency = intent.currency {
            throw CommandFailure(.apiRefused, "\(id): \(amount.formatted()) is more than the \(Money(amount: refundable, currency: currency).formatted()) still refundable")
        }
        let refundMoney = amount ?? refundable.flatMap { value in intent.currency.map { Money(amount: value, currency: $0) } }
        let requestId = newRequestId()
        let request = ActionRequest(
            consoleRequestId: requestId, action: .refund, objectId: id, amount: refundMoney?.amount,
            currency: intent.currency?.code, reason: reason, customerLabel: customerLabel(intent))
        let client = self.client
        let parameters = RefundCreateParameters(
            paymentIntentId: id, amount: amount?.amount, currency: amount == nil ? nil : intent.currency, reason: reason,
            consoleRequestId: requestId)
        @Sendable func summary(_ refund: Refund) -> String {
            "refund \(refund.id) of \(refund.money?.formatted() ?? refundMoney?.formatted() ?? "") is \(refund.status.rawValue)"
        }
        return PreparedAction(
            request: request, title: "Refund payment",
            details: [("payment", id), ("refund", (refundMoney?.formatted() ?? "?") + (amount == nil ? " (all that is left)" : "")),
                      ("currency", intent.currency?.code ?? "?"), ("customer", customerLabel(intent)),
                      ("reason", reason ?? "(none)"), ("mode", modeName)],
            perform: {
                let refund = try await client.createRefund(parameters)
                return ActionResult(summary: summary(refund), raw: refund.raw)
            },
            settle: {
                if let refund = try await client.findRefund(paymentIntentId: id, consoleRequestId: requestId) {
                    return .happened(ActionResult(summary: summary(refund), raw: refund.raw))
                }
                return .notHappened("no refund with request id \(requestId)")
            })
    }

    func cancelSubscription(id: String, atPeriodEnd: Bool, comment: String?) async throws -> PreparedAction {
        let subscription: Subscription
        do {
            subscription = try await client.retrieveSubscription(id: id)
        } catch {
            throw FailureClassifier.failure(error)
        }
        guard Capabilities.actions(for: subscription).contains(.cancelSubscription) else {
            let state = subscription.cancelAtPeriodEnd == true ? "already set to cancel at period end" : subscription.status.rawValue
            throw CommandFailure(.apiRefused, "\(id) is \(state); it cannot be cancelled")
        }
        let request = ActionRequest(
            consoleRequestId: newRequestId(), action: .cancelSubscription, objectId: id, currency: subscription.currency?.code,
            reason: comment, atPeriodEnd: atPeriodEnd, customerLabel: subscription.customerId)
        let client = self.client
        let amount = SubscriptionColumns.unitMoney(subscription)?.formatted() ?? "?"
        return PreparedAction(
            request: request, title: atPeriodEnd ? "Cancel subscription at period end" : "Cancel subscription now",
            details: [("subscription", id), ("amount", "\(amount) every \(SubscriptionColumns.interval(subscription))"),
                      ("currency", subscription.currency?.code ?? "?"), ("customer", subscription.customerId ?? "(none)"),
                      ("when", atPeriodEnd ? "at the end of the current period" : "immediately"), ("mode", modeName)],
            perform: {
                let cancelled = try await client.cancelSubscription(id: id, atPeriodEnd: atPeriodEnd, comment: comment)
                let state = cancelled.cancelAtPeriodEnd == true ? "cancels at period end" : "now \(cancelled.status.rawValue)"
                return ActionResult(summary: "cancelled, \(state)", raw: cancelled.raw)
            },
            settle: {
                let now = try await client.retrieveSubscription(id: id)
                if now.status == .cancelled || (atPeriodEnd && now.cancelAtPeriodEnd == true) {
                    return .happened(ActionResult(summary: "cancelled, now \(now.status.rawValue)", raw: now.raw))
                }
                return .notHappened("still \(now.status.rawValue)")
            })
    }
}
