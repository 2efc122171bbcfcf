import Foundation
import ConsoleCore
import UseePay

/// How checkout sessions look in `checkout-sessions list` and `show`: one declaration for the table and the CSV.
/// The client secret is never shown in the table (json/jsonl stay the API's objects as received).
enum CheckoutSessionColumns {
    static func columns(time: TimeText) -> [OutputColumn<CheckoutSession>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            OutputColumn("MODE", csv: "mode") { $0.mode?.rawValue ?? "" },
            OutputColumn("STATUS", csv: "status") { $0.status.rawValue },
            OutputColumn("PAYMENT", csv: "payment_status") { $0.paymentStatus?.rawValue ?? "" },
            OutputColumn(
                "AMOUNT", alignment: .right, table: { $0.money?.formatted() ?? "" },
                csv: [("amount", { $0.money?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn("CUSTOMER", csv: "customer_id", maxWidth: 40) { $0.customerId ?? $0.customer?.email ?? "" }
                .withCSVColumns([("customer_id", { $0.customerId ?? "" }), ("customer_email", { $0.customer?.email ?? "" })]),
            OutputColumn("ORDER", csv: "merchant_order_id", maxWidth: 32) { $0.merchantOrderId ?? "" },
            OutputColumn("CREATED OBJECT", csv: "payment_intent_id", maxWidth: 64) { $0.paymentIntentId ?? $0.subscriptionId ?? "" }
                .withCSVColumns([("payment_intent_id", { $0.paymentIntentId ?? "" }), ("subscription_id", { $0.subscriptionId ?? "" })]),
            OutputColumn("EXPIRES", csv: "expires_at") { time.short($0.expiresAt) }.withCSV { time.iso($0.expiresAt) },
        ]
    }

    static func lineItem(_ item: CheckoutLineItem, currency: CurrencyCode?) -> String {
        let unit = item.unitAmount.flatMap { amount in (item.currency ?? currency).map { Money(amount: amount, currency: $0).formatted() } }
        var text = "\(item.quantity) × \(item.name ?? "item")"
        if let unit { text += " at \(unit)" }
        if let recurring = item.recurring, let interval = recurring.interval {
            let count = recurring.intervalCount ?? 1
            text += count == 1 ? " every \(interval)" : " every \(count) \(interval)s"
            if let cycles = recurring.totalBillingCycles { text += ", \(cycles) times" }
        }
        return text
    }

    static func fields(_ s: CheckoutSession, time: TimeText) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("id", s.id), ("mode", s.mode?.rawValue ?? ""), ("status", s.status.rawValue),
            ("payment status", s.paymentStatus?.rawValue ?? ""), ("amount", s.money?.formatted() ?? ""),
            ("order", s.merchantOrderId ?? ""),
            ("customer", [s.customer?.name, s.customerId, s.customer?.email].compactMap { $0 }.joined(separator: " · ")),
        ]
        for (index, item) in s.lineItems.enumerated() {
            rows.append((s.lineItems.count == 1 ? "line item" : "line item \(index + 1)", lineItem(item, currency: s.currency)))
        }
        if let discount = s.subscriptionData, let count = discount.discountPeriodCount, let amount = discount.discountPeriodAmount,
           let currency = s.currency {
            rows.append(("discount", "first \(count) period\(count == 1 ? "" : "s") at \(Money(amount: amount, currency: currency).formatted())"))
        }
        rows += [
            ("payment methods", s.paymentMethodTypes?.joined(separator: ", ") ?? ""),
            ("payment intent", s.paymentIntentId ?? ""), ("subscription", s.subscriptionId ?? ""),
            ("pay at", s.url ?? ""), ("created", time.iso(s.createAt)), ("expires", time.iso(s.expiresAt)),
        ]
        return rows.filter { !$0.1.isEmpty }
    }
}

/// How mandates look in `mandates list` and `show`.
enum MandateColumns {
    static func columns(time: TimeText) -> [OutputColumn<Mandate>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            OutputColumn("CUSTOMER", csv: "customer_id", maxWidth: 64) { $0.customerId ?? "" },
            OutputColumn("PAYMENT", csv: "payment_intent_id", maxWidth: 64) { $0.paymentIntentId ?? "" },
            OutputColumn("ACCEPTED", csv: "accepted_at") { time.short($0.customerAcceptance?.acceptedAt) }
                .withCSV { time.iso($0.customerAcceptance?.acceptedAt) },
            OutputColumn("HOW", csv: "acceptance_type") { $0.customerAcceptance?.type ?? "" },
            OutputColumn("STATUS", csv: "status") { $0.status ?? "" },
        ]
    }

    static func fields(_ m: Mandate, time: TimeText) -> [(String, String)] {
        [
            ("id", m.id), ("status", m.status ?? ""), ("customer", m.customerId ?? ""), ("payment intent", m.paymentIntentId ?? ""),
            ("accepted", [m.customerAcceptance?.type, time.iso(m.customerAcceptance?.acceptedAt)]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")),
            ("ip address", m.customerAcceptance?.ipAddress ?? ""), ("user agent", m.customerAcceptance?.userAgent ?? ""),
            ("created", time.iso(m.createAt)),
        ].filter { !$0.1.isEmpty }
    }
}
