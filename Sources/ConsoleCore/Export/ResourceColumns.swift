import Foundation
import UseePay

/// Listing columns and `show` fields for refunds, customers, subscriptions and invoices.
public enum RefundColumns {
    public static func columns(time: TimeText) -> [OutputColumn<Refund>] {
        [
            OutputColumn(RefundRow.time, csv: "created_at", time: time).withCSV { time.iso($0.createAt) },
            OutputColumn(RefundRow.id, csv: "id", time: time, maxWidth: 64),
            OutputColumn(RefundRow.payment, csv: "payment_intent_id", time: time, maxWidth: 64),
            OutputColumn(RefundRow.status, csv: "status", time: time).withCSV { $0.status.rawValue },
            OutputColumn(RefundRow.amount, time: time,
                         csv: [("amount", { $0.money?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn(RefundRow.reason, csv: "reason", time: time),
        ]
    }

    public static func fields(_ r: Refund, time: TimeText) -> [(String, String)] {
        [
            ("id", r.id), ("payment intent", r.paymentIntentId ?? ""), ("status", r.status.rawValue),
            ("amount", r.money?.formatted() ?? ""), ("reason", r.reason ?? ""), ("created", time.iso(r.createAt)),
            ("acquirer reference", r.acquirerReferenceNumber ?? ""),
            ("failure", [r.code, r.message].compactMap { $0 }.joined(separator: ": ")),
        ].filter { !$0.1.isEmpty }
    }
}

public enum CustomerColumns {
    public static func columns(time: TimeText) -> [OutputColumn<Customer>] {
        [
            OutputColumn(CustomerRow.created, csv: "created_at", time: time).withCSV { time.iso($0.createAt) },
            OutputColumn(CustomerRow.id, csv: "id", time: time, maxWidth: 64),
            OutputColumn(CustomerRow.name, csv: "name", time: time, maxWidth: 32),
            OutputColumn(CustomerRow.email, csv: "email", time: time, maxWidth: 40),
            OutputColumn(CustomerRow.phone, csv: "phone", time: time),
            OutputColumn(CustomerRow.merchantId, csv: "merchant_customer_id", time: time),
        ]
    }

    public static func fields(_ c: Customer, time: TimeText) -> [(String, String)] {
        [
            ("id", c.id), ("name", ObjectLabels.customer(c) ?? ""), ("email", c.email ?? ""), ("phone", c.phone ?? ""),
            ("merchant customer id", c.merchantCustomerId ?? ""), ("description", c.description ?? ""),
            ("created", time.iso(c.createAt)),
        ].filter { !$0.1.isEmpty }
    }
}

public enum SubscriptionColumns {
    public static func columns(time: TimeText) -> [OutputColumn<Subscription>] {
        [
            OutputColumn(SubscriptionRow.created, csv: "created_at", time: time).withCSV { time.iso($0.createAt) },
            OutputColumn(SubscriptionRow.id, csv: "id", time: time, maxWidth: 64),
            OutputColumn(SubscriptionRow.status, csv: "status", time: time).withCSV { $0.status.rawValue },
            OutputColumn(SubscriptionRow.customer, csv: "customer_id", time: time, maxWidth: 64),
            OutputColumn(SubscriptionRow.amount, time: time,
                         csv: [("unit_amount", { $0.unitMoney?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn(SubscriptionRow.every, csv: "interval", time: time),
            OutputColumn(SubscriptionRow.periodEnd, csv: "current_period_end", time: time).withCSV { time.iso($0.currentPeriodEnd) },
            OutputColumn(SubscriptionRow.cancelAtEnd, csv: "cancel_at_period_end", time: time)
                .withCSV { $0.cancelAtPeriodEnd.map { $0 ? "true" : "false" } ?? "" },
        ]
    }

    public static func fields(_ s: Subscription, time: TimeText) -> [(String, String)] {
        [
            ("id", s.id), ("status", s.status.rawValue), ("customer", s.customerId ?? ""),
            ("amount", s.unitMoney?.formatted() ?? ""), ("every", ObjectLabels.interval(s) ?? ""), ("description", s.description ?? ""),
            ("current period", [time.iso(s.currentPeriodStart), time.iso(s.currentPeriodEnd)].filter { !$0.isEmpty }.joined(separator: " → ")),
            ("cancel at period end", s.cancelAtPeriodEnd.map { $0 ? "yes" : "no" } ?? ""),
            ("cancelled", time.iso(s.canceledAt)), ("latest invoice", s.latestInvoice ?? ""),
            ("created", time.iso(s.createAt)),
        ].filter { !$0.1.isEmpty }
    }
}

public enum InvoiceColumns {
    public static func columns(time: TimeText) -> [OutputColumn<Invoice>] {
        [
            OutputColumn(InvoiceRow.created, csv: "created_at", time: time).withCSV { time.iso($0.createAt) },
            OutputColumn(InvoiceRow.id, csv: "id", time: time, maxWidth: 64),
            OutputColumn(InvoiceRow.number, csv: "number", time: time),
            OutputColumn(InvoiceRow.status, csv: "status", time: time).withCSV { $0.status.rawValue },
            OutputColumn(InvoiceRow.total, time: time,
                         csv: [("total_amount", { $0.totalMoney?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn(InvoiceRow.customer, csv: "customer_id", time: time, maxWidth: 64),
            OutputColumn(InvoiceRow.subscription, csv: "subscription_id", time: time, maxWidth: 64),
        ]
    }

    public static func fields(_ i: Invoice, time: TimeText) -> [(String, String)] {
        [
            ("id", i.id), ("number", i.number ?? ""), ("status", i.status.rawValue), ("total", i.totalMoney?.formatted() ?? ""),
            ("customer", i.customerId ?? ""), ("subscription", i.subscriptionId ?? ""),
            ("payment intent", i.paymentIntentId ?? ""), ("hosted page", i.hostedInvoiceUrl ?? ""),
            ("period", [time.iso(i.periodStart), time.iso(i.periodEnd)].filter { !$0.isEmpty }.joined(separator: " → ")),
            ("created", time.iso(i.createAt)), ("failure", i.failureSummary ?? ""),
        ].filter { !$0.1.isEmpty }
    }
}
