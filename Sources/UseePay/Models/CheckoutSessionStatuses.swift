import Foundation

/// A checkout session's own status (SPEC §7.10): `open` → `complete` or `expired`.
/// Unknown strings are kept verbatim in `.other`, never a decode failure.
public enum CheckoutSessionStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    case open, complete, expired
    case other(String)

    public init(rawValue: String) {
        switch rawValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "open": self = .open
        case "complete", "completed": self = .complete
        case "expired": self = .expired
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .open: return "open"
        case .complete: return "complete"
        case .expired: return "expired"
        case .other(let s): return s
        }
    }

    public static let knownCases: [CheckoutSessionStatus] = [.open, .complete, .expired]
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// Whether the session's money has arrived: `unpaid`, `paid`, `no_payment_required`; others kept verbatim.
public enum CheckoutPaymentStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    case unpaid, paid, noPaymentRequired
    case other(String)

    public init(rawValue: String) {
        switch rawValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "unpaid": self = .unpaid
        case "paid": self = .paid
        case "no_payment_required": self = .noPaymentRequired
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .unpaid: return "unpaid"
        case .paid: return "paid"
        case .noPaymentRequired: return "no_payment_required"
        case .other(let s): return s
        }
    }

    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// `payment` (one charge) or `subscription` (a subscription with its first invoice).
public enum CheckoutSessionMode: Sendable, Hashable, Codable, CustomStringConvertible {
    case payment, subscription
    case other(String)

    public init(rawValue: String) {
        switch rawValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "payment": self = .payment
        case "subscription": self = .subscription
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .payment: return "payment"
        case .subscription: return "subscription"
        case .other(let s): return s
        }
    }

    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}
