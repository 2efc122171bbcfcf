import Foundation
import UseePay

/// What a list cell holds before a front end formats it. Times and amounts stay values because each
/// front end writes them its own way (the console "09:15" for today, the scripts a full date).
public enum RowValue: Sendable, Hashable {
    case text(String?)
    case money(Decimal?, CurrencyCode?)
    case time(Date?)
}

/// One column of an object's list row — its title, whether it holds amounts, and what it shows — described
/// once for the console's tables and the scripts' `table` output. Each front end adds only its layout
/// (widths and priorities on screen, CSV names in exports); CSV keeps the API's values.
public struct RowColumn<Object: Sendable>: Sendable {
    public let title: String
    /// Amounts are right-aligned so their digits line up.
    public let holdsAmounts: Bool
    private let read: @Sendable (Object) -> RowValue

    public init(_ title: String, holdsAmounts: Bool = false, _ read: @escaping @Sendable (Object) -> RowValue) {
        self.title = title
        self.holdsAmounts = holdsAmounts
        self.read = read
    }

    public func value(_ object: Object) -> RowValue { read(object) }
}

public enum PaymentRow {
    public static let time = RowColumn<PaymentIntent>("Time") { .time($0.createAt) }
    public static let amount = RowColumn<PaymentIntent>("Amount", holdsAmounts: true) { .money($0.amount, $0.currency) }
    public static let captured = RowColumn<PaymentIntent>("Captured", holdsAmounts: true) { .money($0.capturedAmount, $0.currency) }
    public static let status = RowColumn<PaymentIntent>("Status") { .text(StatusWords.word($0.status)) }
    public static let customer = RowColumn<PaymentIntent>("Customer") { .text(ObjectLabels.customer(of: $0)) }
    public static let order = RowColumn<PaymentIntent>("Order") { .text($0.merchantOrderId) }
    public static let method = RowColumn<PaymentIntent>("Method") { .text(ObjectLabels.paymentMethod($0)) }
    public static let description = RowColumn<PaymentIntent>("Description") { .text($0.description) }
    public static let id = RowColumn<PaymentIntent>("ID") { .text($0.id) }
}

public enum RefundRow {
    public static let time = RowColumn<Refund>("Time") { .time($0.createAt) }
    public static let amount = RowColumn<Refund>("Amount", holdsAmounts: true) { .money($0.amount, $0.currency) }
    public static let status = RowColumn<Refund>("Status") { .text(StatusWords.word($0.status)) }
    public static let payment = RowColumn<Refund>("Payment") { .text($0.paymentIntentId) }
    public static let reason = RowColumn<Refund>("Reason") { .text($0.reason) }
    public static let id = RowColumn<Refund>("ID") { .text($0.id) }
}

public enum CustomerRow {
    public static let name = RowColumn<Customer>("Name") { .text(ObjectLabels.customer($0)) }
    public static let email = RowColumn<Customer>("Email") { .text($0.email) }
    public static let phone = RowColumn<Customer>("Phone") { .text($0.phone) }
    public static let merchantId = RowColumn<Customer>("Merchant ID") { .text($0.merchantCustomerId) }
    public static let created = RowColumn<Customer>("Created") { .time($0.createAt) }
    public static let id = RowColumn<Customer>("ID") { .text($0.id) }
}

public enum SubscriptionRow {
    /// The customer's id; the console shows the customer's name instead when it has the customer loaded.
    public static let customer = RowColumn<Subscription>("Customer") { .text($0.customerId) }
    public static let status = RowColumn<Subscription>("Status") { .text(StatusWords.word($0)) }
    public static let amount = RowColumn<Subscription>("Amount", holdsAmounts: true) { .money($0.recurring?.unitAmount, $0.currency) }
    public static let every = RowColumn<Subscription>("Every") { .text(ObjectLabels.interval($0)) }
    public static let periodEnd = RowColumn<Subscription>("Period end") { .time($0.currentPeriodEnd) }
    public static let cancelAtEnd = RowColumn<Subscription>("Cancel at end") { .text($0.cancelAtPeriodEnd == true ? "yes" : nil) }
    public static let created = RowColumn<Subscription>("Created") { .time($0.createAt) }
    public static let id = RowColumn<Subscription>("ID") { .text($0.id) }
}

public enum InvoiceRow {
    public static let created = RowColumn<Invoice>("Created") { .time($0.createAt) }
    public static let number = RowColumn<Invoice>("Number") { .text($0.number) }
    public static let status = RowColumn<Invoice>("Status") { .text(StatusWords.word($0.status)) }
    public static let total = RowColumn<Invoice>("Total", holdsAmounts: true) { .money($0.totalAmount, $0.currency) }
    public static let customer = RowColumn<Invoice>("Customer") { .text($0.customerId) }
    public static let subscription = RowColumn<Invoice>("Subscription") { .text($0.subscriptionId) }
    public static let id = RowColumn<Invoice>("ID") { .text($0.id) }
}
