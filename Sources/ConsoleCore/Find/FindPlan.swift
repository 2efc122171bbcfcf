import Foundation

/// One request `:find` / `useepay find` may make. Each is a single GET.
public enum FindStep: Sendable, Hashable, CustomStringConvertible {
    /// `GET /api/v1/<resource>/<id>`.
    case retrieve(ObjectKind, String)
    /// `GET /api/v1/payment_intents?merchant_order_id=…`
    case paymentsByOrder(String)
    /// `GET /api/v1/customers?email=…`
    case customersByEmail(String)
    /// `GET /api/v1/customers?phone=…`
    case customersByPhone(String)
    /// `GET /api/v1/customers?merchant_customer_id=…`
    case customersByMerchantCustomerId(String)

    /// What the text was taken for, in words ("tried: payment intent id, merchant order id").
    public var description: String {
        switch self {
        case .retrieve(let kind, _):
            switch kind {
            case .payment: return "payment intent id"
            case .customer: return "customer id"
            case .subscription: return "subscription id"
            case .refund: return "refund id"
            case .invoice: return "invoice id"
            case .mandate: return "mandate id"
            case .checkoutSession: return "checkout session id"
            }
        case .paymentsByOrder: return "merchant order id"
        case .customersByEmail: return "customer email"
        case .customersByPhone: return "customer phone"
        case .customersByMerchantCustomerId: return "merchant customer id"
        }
    }
}

/// Decides, from the text's shape alone, which requests a search makes and in which order: the
/// cheapest and likeliest first. This is the only place that decides it; the console (`:find`, `/`)
/// and the CLI (`useepay find`) both run these steps through `ObjectFinder`.
///
/// - `a@b.c` → customers by email.
/// - `cus_…`, `sub_…`, `inv_…`, `man_…`, `cs_…` → retrieve that object; then, in case it was the
///   merchant's own id, payments by order id and customers by merchant customer id.
/// - `+82 10-1234-5678` → customers by phone.
/// - digits only (UseePay ids can be numeric, and so can phones and order ids) → payment intent,
///   refund, order id, phone, merchant customer id.
/// - letters and digits only, at least 16 of them with a digit among them or all hex (the sandbox's 32-hex ids;
///   no `-` or `_`, which merchants' own ids use) → payment intent, then refund (both share that shape);
///   then order id, merchant customer id.
/// - anything else (`ORD-00000057`, `shop-42`) → order id, then merchant customer id.
public enum FindPlan {
    /// Longer text is no id, order, email or phone; nothing is asked.
    public static let maximumLength = 200

    static let prefixes: [(String, ObjectKind)] = [
        ("cus_", .customer), ("sub_", .subscription), ("inv_", .invoice), ("man_", .mandate), ("cs_", .checkoutSession),
    ]

    public static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func steps(for raw: String) -> [FindStep] {
        let text = normalised(raw)
        guard !text.isEmpty, text.count <= maximumLength,
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return [] }
        if text.contains("@"), !text.contains(where: \.isWhitespace) {
            return [.customersByEmail(text)]
        }
        let lower = text.lowercased()
        if let prefixed = prefixes.first(where: { lower.hasPrefix($0.0) }), isToken(text) {
            return [.retrieve(prefixed.1, text), .paymentsByOrder(text), .customersByMerchantCustomerId(text)]
        }
        if text.hasPrefix("+"), isPhone(text) {
            return [.customersByPhone(text)]
        }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return [.retrieve(.payment, text), .retrieve(.refund, text), .paymentsByOrder(text), .customersByPhone(text),
                    .customersByMerchantCustomerId(text)]
        }
        if isPhone(text) {
            return [.customersByPhone(text), .paymentsByOrder(text)]
        }
        if text.count >= 16, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
           text.contains(where: { $0.isASCII && $0.isNumber }) || text.allSatisfy(\.isHexDigit) {
            return [.retrieve(.payment, text), .retrieve(.refund, text), .paymentsByOrder(text), .customersByMerchantCustomerId(text)]
        }
        return [.paymentsByOrder(text), .customersByMerchantCustomerId(text)]
    }

    /// Letters, digits, `-` and `_` only: something that can be an id in a URL path.
    static func isToken(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    /// Digits with the usual phone punctuation, at least 6 digits.
    static func isPhone(_ text: String) -> Bool {
        let allowed = text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-().".contains($0) }
        return allowed && text.filter { $0.isASCII && $0.isNumber }.count >= 6
    }
}
