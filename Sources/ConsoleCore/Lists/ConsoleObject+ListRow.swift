import Foundation
import UseePay

/// Every console list holds `ConsoleObject`s, so one list type serves payments, customers,
/// subscriptions and refunds; what `/`, quick filters and sorting read comes from the object inside.
extension ConsoleObject: ListRow {
    public var id: String { ref.id }

    public var searchText: String {
        switch self {
        case .payment(let p): return p.searchText
        case .customer(let c): return c.searchText
        case .subscription(let s): return s.searchText
        case .refund(let r): return r.searchText
        case .billing(let b): return (b.ref.id + " " + b.statusText).lowercased()
        }
    }

    public var statusKey: String {
        switch self {
        case .payment(let p): return p.statusKey
        case .customer(let c): return c.statusKey
        case .subscription(let s): return s.statusKey
        case .refund(let r): return r.statusKey
        case .billing(let b): return b.statusText
        }
    }

    public func sortKey(_ column: String) -> SortKey {
        switch self {
        case .payment(let p): return p.sortKey(column)
        case .customer(let c): return c.sortKey(column)
        case .subscription(let s): return s.sortKey(column)
        case .refund(let r): return r.sortKey(column)
        case .billing(let b): return column == "id" ? .text(b.ref.id) : .missing
        }
    }

    public var payment: PaymentIntent? { if case .payment(let p) = self { return p } else { return nil } }
}

/// A console list: one type for every kind of object.
public typealias ObjectList = ListModel<ConsoleObject>

/// The console's four lists, reached by kind instead of four fields and four-way switches.
public struct ConsoleLists: Sendable, Equatable {
    private var storage: [ObjectList] = ListKind.allCases.map { _ in ObjectList() }

    public init() {}

    public subscript(kind: ListKind) -> ObjectList {
        get { storage[kind.ordinal] }
        _modify { yield &storage[kind.ordinal] }
        set { storage[kind.ordinal] = newValue }
    }

    /// Every list, for work that touches all of them (highlight expiry, resize).
    public mutating func forEach(_ change: (inout ObjectList) -> Void) {
        for index in storage.indices { change(&storage[index]) }
    }
}

extension ListKind {
    var ordinal: Int { ListKind.allCases.firstIndex(of: self)! }

    /// The list that shows objects of a kind; nil for kinds without a list (invoices, mandates, checkout sessions).
    public init?(_ kind: ObjectKind) {
        switch kind {
        case .payment: self = .payments
        case .customer: self = .customers
        case .subscription: self = .subscriptions
        case .refund: self = .refunds
        case .invoice, .mandate, .checkoutSession: return nil
        }
    }

    public var objectKind: ObjectKind {
        switch self {
        case .payments: return .payment
        case .customers: return .customer
        case .subscriptions: return .subscription
        case .refunds: return .refund
        }
    }
}
