/// The resources the sandbox stores, their tables, the wire field list (SPEC §7) every rendered
/// object carries (absent values as `null`), and which list filters map to which column.
enum ResourceKind: String, Sendable, CaseIterable {
    case paymentIntent, refund, customer, subscription, invoice, webhookEndpoint, checkoutSession, mandate

    var table: String {
        switch self {
        case .paymentIntent: "payment_intents"
        case .refund: "refunds"
        case .customer: "customers"
        case .subscription: "subscriptions"
        case .invoice: "invoices"
        case .webhookEndpoint: "webhook_endpoints"
        case .checkoutSession: "checkout_sessions"
        case .mandate: "mandates"
        }
    }

    /// Whether the table has a `status` column (list filters and the hourly counts use it).
    var hasStatusColumn: Bool { !statuses.isEmpty }

    var displayName: String {
        switch self {
        case .paymentIntent: "payment intent"
        case .refund: "refund"
        case .customer: "customer"
        case .subscription: "subscription"
        case .invoice: "invoice"
        case .webhookEndpoint: "webhook endpoint"
        case .checkoutSession: "checkout session"
        case .mandate: "mandate"
        }
    }

    /// Event-name prefix (SPEC §8.5).
    var eventObjectName: String {
        switch self {
        case .paymentIntent: "payment_intent"
        case .refund: "refund"
        case .customer: "customer"
        case .subscription: "subscription"
        case .invoice: "invoice"
        case .webhookEndpoint: "webhook"
        case .checkoutSession: "checkout_session"
        case .mandate: "mandate"
        }
    }

    static let commonFields = ["id", "merchant_no", "app_id", "create_at", "modify_at"]
    static let errorFields = ["code", "source", "message", "decline_code", "doc_url"]

    var wireFields: [String] {
        switch self {
        case .paymentIntent:
            Self.commonFields + Self.errorFields + [
                "amount", "currency", "status", "captured_amount", "customer_id", "customer", "merchant_order_id",
                "description", "metadata", "order", "confirm", "auto_capture", "payment_method_types",
                "available_payment_method_types", "payment_method_options", "payment_method_id", "payment_method",
                "next_action", "last_payment_error", "return_url", "client_secret", "cancellation_reason",
                "cancelled_at", "invoice_id", "subscription_id", "livemode",
            ]
        case .refund:
            Self.commonFields + [
                "payment_intent_id", "amount", "currency", "status", "reason", "metadata", "acquirer_reference_number",
            ]
        case .customer:
            Self.commonFields + [
                "merchant_customer_id", "name", "first_name", "last_name", "email", "phone", "description",
                "address", "shipping", "metadata",
            ]
        case .subscription:
            Self.commonFields + Self.errorFields + [
                "customer_id", "currency", "recurring", "description", "order", "metadata", "status", "livemode",
                "prorate", "collection_method", "days_until_due", "default_payment_method", "cancel_at_period_end",
                "current_period_start", "current_period_end", "latest_invoice", "first_invoice_id", "cancel_at",
                "canceled_at", "ended_at", "cancellation_details", "invoice_now",
            ]
        case .invoice:
            Self.commonFields + Self.errorFields + [
                "number", "customer_id", "subscription_id", "currency", "total_amount", "status", "collection_method",
                "days_until_due", "description", "footer", "metadata", "hosted_invoice_url", "payment_intent",
                "period_start", "period_end",
            ]
        case .webhookEndpoint:
            Self.commonFields + ["url", "description", "events", "metadata", "status", "secret", "api_version"]
        case .checkoutSession:
            // SPEC §7.10: Unix-second `created`/`expires_at` instead of ISO `create_at`; `url` is the
            // sandbox's hosted page (the docs show no field for it).
            ["id", "object", "merchant_no", "app_id", "mode", "ui_mode", "amount", "currency", "merchant_order_id", "status",
             "payment_status", "customer_id", "customer", "line_items", "subscription_data", "collection_method",
             "payment_method_types", "metadata", "shipping", "billing", "created", "expires_at", "client_secret",
             "subscription_id", "payment_intent_id", "url"]
        case .mandate:
            Self.commonFields + ["customer_id", "payment_intent_id", "customer_acceptance"]
        }
    }

    /// Query parameter → column. `status` is handled separately (repeated or comma-separated).
    var filterColumns: [String: String] {
        switch self {
        case .paymentIntent: ["customer_id": "customer_id", "merchant_order_id": "merchant_order_id"]
        case .refund: ["payment_intent_id": "payment_intent_id"]
        case .customer: ["email": "email", "merchant_customer_id": "merchant_customer_id", "phone": "phone"]
        case .subscription: ["customer_id": "customer_id"]
        case .invoice: ["customer_id": "customer_id", "subscription_id": "subscription_id"]
        case .webhookEndpoint: [:]
        case .checkoutSession: ["customer_id": "customer_id", "payment_intent_id": "payment_intent_id", "subscription_id": "subscription_id",
                                "merchant_order_id": "merchant_order_id"]
        case .mandate: ["customer_id": "customer_id", "payment_intent_id": "payment_intent_id"]
        }
    }

    var statuses: [String] {
        switch self {
        case .paymentIntent: PaymentIntentStatus.allCases.map(\.rawValue)
        case .refund: ["received", "accepted", "succeeded", "failed"]
        case .customer: []
        case .subscription: ["incomplete", "active", "trialing", "past_due", "unpaid", "paused", "canceled", "incomplete_expired"]
        case .invoice: ["draft", "open", "paid", "payment_failed", "uncollectible", "void", "cancelled"]
        case .webhookEndpoint: ["enabled", "disabled"]
        case .checkoutSession: ["open", "complete", "expired"]
        case .mandate: []
        }
    }

    /// Accepted spellings in a status filter, folded to what the sandbox stores.
    func canonicalStatus(_ text: String) -> String? {
        let folded: String
        switch text.lowercased() {
        case "cancelled" where self != .invoice: folded = "canceled"
        case "requires_action": folded = "requires_customer_action"
        case "processing": folded = "pending"
        default: folded = text.lowercased()
        }
        return statuses.contains(folded) ? folded : nil
    }
}

enum PaymentIntentStatus: String, CaseIterable, Sendable {
    case requiresPaymentMethod = "requires_payment_method"
    case requiresCustomerAction = "requires_customer_action"
    case requiresCapture = "requires_capture"
    case pending
    case succeeded
    case canceled
    case failed

    /// SPEC §8.5 event name; note the double-L `cancelled` in the event while the status is `canceled`.
    var eventName: String {
        self == .canceled ? "payment_intent.cancelled" : "payment_intent." + rawValue
    }

    static let cancellable: Set<PaymentIntentStatus> = [.requiresPaymentMethod, .requiresCustomerAction, .requiresCapture]
}
