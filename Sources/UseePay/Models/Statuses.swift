import Foundation

/// Status strings are folded case-insensitively; unknown ones are kept verbatim in `.other`.
private func normalised(_ raw: String) -> String {
    raw.trimmed().lowercased()
}

public enum PaymentIntentStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    case requiresPaymentMethod, requiresCustomerAction, requiresCapture, pending, succeeded, cancelled, failed
    case other(String)

    /// Folds synonyms: `canceled`=`cancelled`, `requires_action`=`requires_customer_action`, `processing`=`pending`.
    public init(rawValue: String) {
        switch normalised(rawValue) {
        case "requires_payment_method": self = .requiresPaymentMethod
        case "requires_customer_action", "requires_action": self = .requiresCustomerAction
        case "requires_capture": self = .requiresCapture
        case "pending", "processing": self = .pending
        case "succeeded": self = .succeeded
        case "canceled", "cancelled": self = .cancelled
        case "failed": self = .failed
        default: self = .other(rawValue)
        }
    }

    /// The spelling the API uses on the wire (`canceled` with one L, as the sandbox sends).
    public var rawValue: String {
        switch self {
        case .requiresPaymentMethod: return "requires_payment_method"
        case .requiresCustomerAction: return "requires_customer_action"
        case .requiresCapture: return "requires_capture"
        case .pending: return "pending"
        case .succeeded: return "succeeded"
        case .cancelled: return "canceled"
        case .failed: return "failed"
        case .other(let s): return s
        }
    }

    /// No further change is possible (the intent will not move by itself any more).
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .cancelled, .failed: return true
        default: return false
        }
    }

    public static let knownCases: [PaymentIntentStatus] = [
        .requiresPaymentMethod, .requiresCustomerAction, .requiresCapture, .pending, .succeeded, .cancelled, .failed,
    ]

    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

public enum RefundStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    case received, accepted, succeeded, failed
    case other(String)

    public init(rawValue: String) {
        switch normalised(rawValue) {
        case "received": self = .received
        case "accepted": self = .accepted
        case "succeeded": self = .succeeded
        case "failed": self = .failed
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .received: return "received"
        case .accepted: return "accepted"
        case .succeeded: return "succeeded"
        case .failed: return "failed"
        case .other(let s): return s
        }
    }

    public var isTerminal: Bool { self == .succeeded || self == .failed }
    public static let knownCases: [RefundStatus] = [.received, .accepted, .succeeded, .failed]
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

public enum SubscriptionStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    case incomplete, active, trialing, pastDue, unpaid, paused, cancelled, incompleteExpired
    case other(String)

    public init(rawValue: String) {
        switch normalised(rawValue) {
        case "incomplete": self = .incomplete
        case "active": self = .active
        case "trialing": self = .trialing
        case "past_due": self = .pastDue
        case "unpaid": self = .unpaid
        case "paused": self = .paused
        case "canceled", "cancelled": self = .cancelled
        case "incomplete_expired": self = .incompleteExpired
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .incomplete: return "incomplete"
        case .active: return "active"
        case .trialing: return "trialing"
        case .pastDue: return "past_due"
        case .unpaid: return "unpaid"
        case .paused: return "paused"
        case .cancelled: return "canceled"
        case .incompleteExpired: return "incomplete_expired"
        case .other(let s): return s
        }
    }

    public static let knownCases: [SubscriptionStatus] = [
        .incomplete, .active, .trialing, .pastDue, .unpaid, .paused, .cancelled, .incompleteExpired,
    ]
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

public enum InvoiceStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    case draft, open, paid, paymentFailed, uncollectible, void, cancelled
    case other(String)

    public init(rawValue: String) {
        switch normalised(rawValue) {
        case "draft": self = .draft
        case "open", "sent": self = .open
        case "paid": self = .paid
        case "payment_failed": self = .paymentFailed
        case "uncollectible": self = .uncollectible
        case "void": self = .void
        case "canceled", "cancelled": self = .cancelled
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .draft: return "draft"
        case .open: return "open"
        case .paid: return "paid"
        case .paymentFailed: return "payment_failed"
        case .uncollectible: return "uncollectible"
        case .void: return "void"
        case .cancelled: return "canceled"
        case .other(let s): return s
        }
    }

    public static let knownCases: [InvoiceStatus] = [.draft, .open, .paid, .paymentFailed, .uncollectible, .void, .cancelled]
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}
