import Foundation
import UseePay

public enum ObjectKind: String, Sendable, Hashable, Codable {
    case payment, customer, subscription, refund
    /// Opened from a related row or `:find`; no list screen of their own.
    case invoice, mandate, checkoutSession
}

/// Names an object independently of whether it is loaded.
public struct ObjectRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: ObjectKind
    public var id: String
    public init(_ kind: ObjectKind, _ id: String) {
        self.kind = kind
        self.id = id
    }
    public var description: String { "\(kind.rawValue) \(id)" }
}

/// Any object the console shows, as the server last described it.
///
/// Indirect: the payload lives in one shared box, so copying an object (the list window, each
/// frame's rows, the state the terminal keeps) is one reference count rather than one per field,
/// and two copies of the same box are the same object (`isSameStorage`).
public indirect enum ConsoleObject: Sendable, Hashable {
    case payment(PaymentIntent)
    case customer(Customer)
    case subscription(Subscription)
    case refund(Refund)
    case billing(BillingObject)

    public var ref: ObjectRef {
        switch self {
        case .payment(let p): return ObjectRef(.payment, p.id)
        case .customer(let c): return ObjectRef(.customer, c.id)
        case .subscription(let s): return ObjectRef(.subscription, s.id)
        case .refund(let r): return ObjectRef(.refund, r.id)
        case .billing(let b): return b.ref
        }
    }

    public var raw: JSONValue {
        switch self {
        case .payment(let p): return p.raw
        case .customer(let c): return c.raw
        case .subscription(let s): return s.raw
        case .refund(let r): return r.raw
        case .billing(let b): return b.raw
        }
    }
}

/// The console's view of an error: what to tell the merchant, and whether a sent change may have happened.
public struct ConsoleFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var suggestion: String?
    public var httpStatus: Int?
    public var code: String?
    /// A POST went out and no answer came back: the change may have happened. Never resend blindly.
    public var outcomeUnclear: Bool

    public init(message: String, suggestion: String? = nil, httpStatus: Int? = nil, code: String? = nil, outcomeUnclear: Bool = false) {
        self.message = message
        self.suggestion = suggestion
        self.httpStatus = httpStatus
        self.code = code
        self.outcomeUnclear = outcomeUnclear
    }

    public init(_ error: any Error) {
        if let error = error as? UseePayError {
            self.init(message: error.description, suggestion: error.recoverySuggestion, httpStatus: error.httpStatus,
                      code: error.code, outcomeUnclear: error.outcomeUnclear)
        } else if let failure = error as? ConsoleFailure {
            self = failure
        } else {
            self.init(message: String(describing: error))
        }
    }

    public var description: String {
        if let suggestion, !suggestion.isEmpty { return "\(message) — \(suggestion)" }
        return message
    }
}

/// SANDBOX or LIVE: always on screen and in every confirmation.
public enum ConsoleMode: String, Sendable, Hashable, Codable {
    case sandbox, live
    public var label: String { self == .live ? "LIVE" : "SANDBOX" }
}

extension ConsoleObject {
    /// True when both are copies of one stored object (the same box), which makes them equal at the
    /// cost of comparing one pointer where `==` compares every field. False says nothing either way.
    public func isSameStorage(as other: ConsoleObject) -> Bool {
        var a = self
        var b = other
        return withUnsafeBytes(of: &a) { left in withUnsafeBytes(of: &b) { right in left.elementsEqual(right) } }
    }
}
