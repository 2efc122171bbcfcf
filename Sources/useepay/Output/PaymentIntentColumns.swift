import ConsoleCore
import Foundation
import UseePay

/// How payments look in `payments list`: one declaration for the table and the CSV.
enum PaymentIntentColumns {
    static func columns(time: TimeText) -> [OutputColumn<PaymentIntent>] {
        [
            OutputColumn("CREATED", csv: "created_at") { time.short($0.createAt) }.withCSV { time.iso($0.createAt) },
            OutputColumn("ID", csv: "id", maxWidth: 64) { $0.id },
            // People read the list's words ("awaiting capture"); the CSV keeps the API's names.
            OutputColumn("STATUS", csv: "status") { StatusWords.word($0.status) }.withCSV { $0.status.rawValue },
            OutputColumn(
                "AMOUNT", alignment: .right, table: { $0.money?.formatted() ?? "" },
                csv: [("amount", { $0.money?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn(
                "CAPTURED", alignment: .right, table: { $0.capturedMoney?.formatted() ?? "" },
                csv: [("captured_amount", { $0.capturedMoney?.plainAmount ?? "" })]),
            OutputColumn("CUSTOMER", csv: "customer_id", maxWidth: 32) { ObjectLabels.customer(of: $0) ?? "" }
                .withCSVColumns([("customer_id", { $0.customerId ?? $0.customer?.id ?? "" }),
                                 ("customer_email", { $0.customer?.email ?? "" })]),
            OutputColumn("ORDER", csv: "merchant_order_id", maxWidth: 32) { $0.merchantOrderId ?? "" },
            OutputColumn("DESCRIPTION", csv: "description", maxWidth: 40) { $0.description ?? "" },
        ]
    }

    /// The fields `payments show` prints in table format.
    static func fields(_ p: PaymentIntent, time: TimeText) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("id", p.id),
            ("status", p.status.rawValue),
            ("amount", p.money?.formatted() ?? ""),
            ("captured", p.capturedMoney?.formatted() ?? ""),
            ("created", time.iso(p.createAt)),
            ("customer", [p.customer?.displayName, p.customerId ?? p.customer?.id].compactMap { $0 }.joined(separator: " · ")),
            ("email", p.customer?.email ?? ""),
            ("order", p.merchantOrderId ?? ""),
            ("description", p.description ?? ""),
            ("capture", p.isManualCapture ? "manual" : "automatic"),
        ]
        if let card = p.paymentMethod?.card {
            rows.append(("card", [card.brand, card.last4.map { "•••• " + $0 }].compactMap { $0 }.joined(separator: " ")))
        } else if let type = p.paymentMethod?.type {
            rows.append(("payment method", type))
        }
        if let reason = p.cancellationReason { rows.append(("cancellation reason", reason)) }
        if let cancelled = p.cancelledAt { rows.append(("cancelled", time.iso(cancelled))) }
        if let failure = p.failureSummary { rows.append(("failure", failure)) }
        if let invoice = p.invoiceId { rows.append(("invoice", invoice)) }
        if let subscription = p.subscriptionId { rows.append(("subscription", subscription)) }
        return rows.filter { !$0.1.isEmpty }
    }
}

extension OutputColumn {
    /// The same column with a different CSV rendering (e.g. full ISO time instead of the short table time).
    func withCSV(_ value: @escaping @Sendable (Row) -> String) -> OutputColumn {
        var copy = self
        copy.csvValues = [value]
        return copy
    }

    func withCSVColumns(_ columns: [(String, @Sendable (Row) -> String)]) -> OutputColumn {
        var copy = self
        copy.csvHeaders = columns.map(\.0)
        copy.csvValues = columns.map(\.1)
        return copy
    }
}
