import Foundation
import UseePay

/// API objects built the way the client builds them: from JSON text, through the client's decoders.
/// Amounts go in as JSON number text so they stay exact.
public enum ModelFixtures {
    public static func paymentIntent(id: String, status: String, amount: String, currency: String = "USD", captured: String? = nil,
                                     customerId: String?, customerName: String?, customerEmail: String?, order: String?,
                                     created: String, method: String = "card", brand: String = "visa",
                                     last4: String = "4242") -> PaymentIntent {
        var fields = [
            "\"id\": \(q(id))", "\"status\": \(q(status))", "\"amount\": \(amount)", "\"currency\": \(q(currency))",
            "\"create_at\": \(q(created))",
            "\"payment_method\": {\"type\": \(q(method)), \"card\": {\"brand\": \(q(brand)), \"last4\": \(q(last4))}}",
        ]
        if let captured { fields.append("\"captured_amount\": \(captured)") }
        if let customerId { fields.append("\"customer_id\": \(q(customerId))") }
        if let order { fields.append("\"merchant_order_id\": \(q(order))") }
        var customer: [String] = []
        if let customerName { customer.append("\"name\": \(q(customerName))") }
        if let customerEmail { customer.append("\"email\": \(q(customerEmail))") }
        if let customerId { customer.append("\"id\": \(q(customerId))") }
        if !customer.isEmpty { fields.append("\"customer\": {\(customer.joined(separator: ", "))}") }
        return try! PaymentIntent(json: JSONValue.parse("{\(fields.joined(separator: ", "))}"))
    }

    /// `text` as a JSON string literal (hostile text included).
    public static func q(_ text: String) -> String { JSONStringEscaping.quoted(text) }
}
