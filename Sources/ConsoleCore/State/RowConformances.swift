import Foundation
import UseePay

// What `/`, quick filters and sorting read from each object. Column ids match the screens' columns; a column
// sorts by what its row shows (the status word, the customer label), so the order reads right on screen.

extension PaymentIntent: ListRow {
    public var searchText: String {
        [id, merchantOrderId, customerId, customer?.name, customer?.email, description,
         paymentMethod?.type, currency?.code, status.rawValue, StatusWords.word(status)]
            .compactMap { $0 }.joined(separator: " ").lowercased()
    }
    public var statusKey: String { status.rawValue }
    public func sortKey(_ column: String) -> SortKey {
        switch column {
        case "amount": return amount.map(SortKey.number) ?? .missing
        case "status": return .text(StatusWords.word(status))
        // Sorted by the label the row shows.
        case "customer": return .text((ObjectLabels.customer(of: self) ?? "").lowercased())
        case "order": return .text(merchantOrderId ?? "")
        case "method": return .text(paymentMethod?.type ?? "")
        default: return sharedSortKey(self, column)
        }
    }
}

extension Customer: ListRow {
    public var searchText: String {
        [id, self.name, self.email, self.phone, self.merchantCustomerId].compactMap { $0 }.joined(separator: " ").lowercased()
    }
    public var statusKey: String { "" }
    public func sortKey(_ column: String) -> SortKey {
        switch column {
        case "name": return .text((ObjectLabels.customer(self) ?? "").lowercased())
        case "email": return .text((self.email ?? "").lowercased())
        default: return sharedSortKey(self, column)
        }
    }
}

extension Subscription: ListRow {
    public var searchText: String {
        [id, customerId, status.rawValue, StatusWords.word(status), description].compactMap { $0 }.joined(separator: " ").lowercased()
    }
    public var statusKey: String { status.rawValue }
    public func sortKey(_ column: String) -> SortKey {
        switch column {
        case "customer": return .text(customerId ?? "")
        case "status": return .text(StatusWords.word(status))
        case "period_end": return currentPeriodEnd.map(SortKey.date) ?? .missing
        default: return sharedSortKey(self, column)
        }
    }
}

extension Refund: ListRow {
    public var searchText: String {
        [id, paymentIntentId, reason, status.rawValue, StatusWords.word(status)].compactMap { $0 }.joined(separator: " ").lowercased()
    }
    public var statusKey: String { status.rawValue }
    public func sortKey(_ column: String) -> SortKey {
        switch column {
        case "amount": return amount.map(SortKey.number) ?? .missing
        case "status": return .text(StatusWords.word(status))
        case "payment": return .text(paymentIntentId ?? "")
        default: return sharedSortKey(self, column)
        }
    }
}

/// The columns every object list sorts alike: the creation time (the "time" column of payments and
/// refunds, "created" elsewhere) and the id. Any other column has no key.
private func sharedSortKey<Object: UseePayObject & Identifiable>(_ object: Object, _ column: String) -> SortKey
    where Object.ID == String {
    switch column {
    case "time", "created": return object.createAt.map(SortKey.date) ?? .missing
    case "id": return .text(object.id)
    default: return .missing
    }
}

/// Sortable columns per list, in the order `o` cycles through them.
public enum SortColumns {
    public static let payments = ["time", "amount", "status", "customer", "order", "method", "id"]
    public static let customers = ["created", "name", "email", "id"]
    public static let subscriptions = ["created", "customer", "status", "period_end", "id"]
    public static let refunds = ["time", "amount", "status", "payment", "id"]
}
