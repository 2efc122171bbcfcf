import ConsoleCore
import Foundation
import UseePay

/// Listing columns and `show` fields for refunds, customers, subscriptions and invoices.
enum RefundColumns {
    static func columns(time: TimeText) -> [OutputColumn<Refund>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            OutputColumn("PAYMENT", csv: "payment_intent_id", maxWidth: 64) { $0.paymentIntentId ?? "" },
            OutputColumn("STATUS", csv: "status") { StatusWords.word($0.status) }.withCSV { $0.status.rawValue },
            OutputColumn(
                "AMOUNT", alignment: .right, table: { $0.money?.formatted() ?? "" },
                csv: [("amount", { $0.money?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn("REASON", csv: "reason") { $0.reason ?? "" },
        ]
    }

    static func fields(_ r: Refund, time: TimeText) -> [(String, String)] {
        [
            ("id", r.id), ("payment intent", r.paymentIntentId ?? ""), ("status", r.status.rawValue),
            ("amount", r.money?.formatted() ?? ""), ("reason", r.reason ?? ""), ("created", time.iso(r.createAt)),
            ("acquirer reference", r.acquirerReferenceNumber ?? ""),
            ("failure", [r.code, r.message].compactMap { $0 }.joined(separator: ": ")),
        ].filter { !$0.1.isEmpty }
    }
}

enum CustomerColumns {
    static func columns(time: TimeText) -> [OutputColumn<Customer>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            OutputColumn("NAME", csv: "name", maxWidth: 32) { ObjectLabels.customer($0) ?? "" },
            OutputColumn("EMAIL", csv: "email", maxWidth: 40) { $0.email ?? "" },
            OutputColumn("PHONE", csv: "phone") { $0.phone ?? "" },
            OutputColumn("MERCHANT ID", csv: "merchant_customer_id") { $0.merchantCustomerId ?? "" },
        ]
    }

    static func fields(_ c: Customer, time: TimeText) -> [(String, String)] {
        [
            ("id", c.id), ("name", ObjectLabels.customer(c) ?? ""), ("email", c.email ?? ""), ("phone", c.phone ?? ""),
            ("merchant customer id", c.merchantCustomerId ?? ""), ("description", c.description ?? ""),
            ("created", time.iso(c.createAt)),
        ].filter { !$0.1.isEmpty }
    }
}

enum SubscriptionColumns {
    static func columns(time: TimeText) -> [OutputColumn<Subscription>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            OutputColumn("STATUS", csv: "status") { StatusWords.word($0) }.withCSV { $0.status.rawValue },
            OutputColumn("CUSTOMER", csv: "customer_id", maxWidth: 64) { $0.customerId ?? "" },
            OutputColumn(
                "AMOUNT", alignment: .right, table: { $0.unitMoney?.formatted() ?? "" },
                csv: [("unit_amount", { $0.unitMoney?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn("EVERY", csv: "interval") { ObjectLabels.interval($0) ?? "" },
            OutputColumn("PERIOD END", csv: "current_period_end") { time.short($0.currentPeriodEnd) }
                .withCSV { time.iso($0.currentPeriodEnd) },
            OutputColumn("CANCEL AT END", csv: "cancel_at_period_end") { $0.cancelAtPeriodEnd == true ? "yes" : "" }
                .withCSV { $0.cancelAtPeriodEnd.map { $0 ? "true" : "false" } ?? "" },
        ]
    }

    static func fields(_ s: Subscription, time: TimeText) -> [(String, String)] {
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

enum InvoiceColumns {
    static func columns(time: TimeText) -> [OutputColumn<Invoice>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            OutputColumn("NUMBER", csv: "number") { $0.number ?? "" },
            OutputColumn("STATUS", csv: "status") { StatusWords.word($0.status) }.withCSV { $0.status.rawValue },
            OutputColumn(
                "TOTAL", alignment: .right, table: { $0.totalMoney?.formatted() ?? "" },
                csv: [("total_amount", { $0.totalMoney?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn("CUSTOMER", csv: "customer_id", maxWidth: 64) { $0.customerId ?? "" },
            OutputColumn("SUBSCRIPTION", csv: "subscription_id", maxWidth: 64) { $0.subscriptionId ?? "" },
        ]
    }

    static func fields(_ i: Invoice, time: TimeText) -> [(String, String)] {
        [
            ("id", i.id), ("number", i.number ?? ""), ("status", i.status.rawValue), ("total", i.totalMoney?.formatted() ?? ""),
            ("customer", i.customerId ?? ""), ("subscription", i.subscriptionId ?? ""),
            ("payment intent", i.paymentIntentId ?? ""), ("hosted page", i.hostedInvoiceUrl ?? ""),
            ("period", [time.iso(i.periodStart), time.iso(i.periodEnd)].filter { !$0.isEmpty }.joined(separator: " → ")),
            ("created", time.iso(i.createAt)), ("failure", i.failureSummary ?? ""),
        ].filter { !$0.1.isEmpty }
    }
}
