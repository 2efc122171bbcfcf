import Foundation
import UseePay

/// The object an action will change, as it was when the dialog opened.
public struct ActionTarget: Sendable, Hashable {
    public var id: String
    public var customerLabel: String
    public var money: Money?
    public var status: String

    public init(id: String, customerLabel: String, money: Money?, status: String) {
        self.id = id
        self.customerLabel = customerLabel
        self.money = money
        self.status = status
    }
}

public enum DialogField: Sendable, Hashable {
    case amount, reason, reasonText, timing, typedConfirmation, cancelButton, confirmButton
}

/// A confirmation that names what will happen. Focus starts on Cancel; Enter on Cancel closes;
/// the key that opened the dialog does nothing inside it; in LIVE mode the amount or `yes` must be typed.
public struct ActionDialog: Sendable, Hashable {
    public var action: MoneyAction
    public var mode: ConsoleMode
    public var targets: [ActionTarget]
    /// Marked rows the current filter hides (bulk capture).
    public var hiddenByFilter: Int = 0
    public var openedWith: KeyPress
    public var amountText: String = ""
    public var amountEditable: Bool = false
    /// Upper bound for the amount (authorised amount for capture, what is left for refund).
    public var maxAmount: Decimal?
    /// True while the console reads a payment's refunds to know what is left to refund.
    public var waitingForRefundable: Bool = false
    public var reasonOptions: [String] = []
    public var reasonIndex: Int = 0
    public var reasonText: String = ""
    public var atPeriodEnd: Bool = true
    public var typedConfirmation: String = ""
    public var focus: DialogField = .cancelButton
    public var error: String?
    /// Standing information (e.g. marked rows left out of a bulk capture).
    public var note: String?

    public static let cancelReasons = ["requested_by_customer", "duplicate", "fraudulent", "abandoned", "other (type below)"]
    public static let refundReasons = ["requested_by_customer", "duplicate", "fraudulent", "other (type below)"]

    /// Opened on marked rows: every target is captured in full, whatever their number.
    public var bulk: Bool = false
    public var isBulk: Bool { bulk || targets.count > 1 }
    public var requiresTypedConfirmation: Bool { mode == .live }
    public var usesFreeTextReason: Bool { !reasonOptions.isEmpty && reasonIndex == reasonOptions.count - 1 }

    /// Focus order for tab; fields that are not in play are skipped.
    public var fields: [DialogField] {
        var fields: [DialogField] = []
        if amountEditable { fields.append(.amount) }
        if !reasonOptions.isEmpty { fields.append(.reason) }
        if usesFreeTextReason { fields.append(.reasonText) }
        if action == .cancelSubscription { fields.append(.timing) }
        if requiresTypedConfirmation { fields.append(.typedConfirmation) }
        fields.append(.cancelButton)
        fields.append(.confirmButton)
        return fields
    }

    public var title: String {
        if isBulk { return "\(action.verb) \(targets.count) payments" }
        return action.verb
    }

    public var reason: String? {
        guard !reasonOptions.isEmpty else { return nil }
        if usesFreeTextReason {
            let text = reasonText.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        return reasonOptions[reasonIndex]
    }

    /// Totals per currency, for bulk confirmations (sorted by currency code for a stable display).
    public var totalsByCurrency: [Money] {
        var sums: [CurrencyCode: Decimal] = [:]
        for target in targets { if let m = target.money { sums[m.currency, default: 0] += m.amount } }
        return sums.keys.sorted { $0.code < $1.code }.map { Money(amount: sums[$0]!, currency: $0) }
    }

    /// What the merchant must type in LIVE mode: the amount as shown, or `yes`.
    public var expectedConfirmationWords: [String] {
        var words = ["yes"]
        if !isBulk, let amount = parsedAmountText() { words.append(amount) }
        return words
    }

    private func parsedAmountText() -> String? {
        let text = amountText.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
