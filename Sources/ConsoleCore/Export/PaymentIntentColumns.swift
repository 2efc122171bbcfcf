import Foundation
import UseePay

/// How payments look in `payments list`: one declaration for the table and the CSV.
public enum PaymentIntentColumns {
    public static func columns(time: TimeText) -> [OutputColumn<PaymentIntent>] {
        [
            OutputColumn(PaymentRow.time, csv: "created_at", time: time).withCSV { time.iso($0.createAt) },
            OutputColumn(PaymentRow.id, csv: "id", time: time, maxWidth: 64),
            // People read the list's words ("awaiting capture"); the CSV keeps the API's names.
            OutputColumn(PaymentRow.status, csv: "status", time: time).withCSV { $0.status.rawValue },
            OutputColumn(PaymentRow.amount, time: time,
                         csv: [("amount", { $0.money?.plainAmount ?? "" }), ("currency", { $0.currency?.code ?? "" })]),
            OutputColumn(PaymentRow.captured, time: time, csv: [("captured_amount", { $0.capturedMoney?.plainAmount ?? "" })]),
            OutputColumn(PaymentRow.customer, csv: "customer_id", time: time, maxWidth: 32)
                .withCSVColumns([("customer_id", { $0.customerId ?? $0.customer?.id ?? "" }),
                                 ("customer_email", { $0.customer?.email ?? "" })]),
            OutputColumn(PaymentRow.order, csv: "merchant_order_id", time: time, maxWidth: 32),
            OutputColumn(PaymentRow.description, csv: "description", time: time, maxWidth: 40),
        ]
    }

    /// The fields `payments show` prints in table format.
    public static func fields(_ p: PaymentIntent, time: TimeText) -> [(String, String)] {
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

extension OutputColumn where Row: Sendable {
    /// A row column described once in ConsoleCore (title, alignment, text), as a script's table shows it;
    /// the CSV column `csv` holds the same text unless `withCSV` says otherwise.
    public init(_ column: RowColumn<Row>, csv: String, time: TimeText, maxWidth: Int = 40) {
        self.init(column.title.uppercased(), csv: csv, alignment: column.holdsAmounts ? .right : .left, maxWidth: maxWidth) {
            ScriptCell.text(column.value($0), time: time)
        }
    }

    /// An amount column: the table shows the amount with its currency, the CSV splits it into plain columns.
    public init(_ column: RowColumn<Row>, time: TimeText, csv: [(String, @Sendable (Row) -> String)]) {
        self.init(column.title.uppercased(), alignment: column.holdsAmounts ? .right : .left,
                  table: { ScriptCell.text(column.value($0), time: time) }, csv: csv)
    }
}

/// A list cell in a script's table: empty for nothing known, full short dates, amounts with their currency.
public enum ScriptCell {
    public static func text(_ value: RowValue, time: TimeText) -> String {
        switch value {
        case .text(let text): return text ?? ""
        case .money(let amount, let currency):
            guard let amount else { return "" }
            return currency.map { Money(amount: amount, currency: $0).formatted() } ?? "\(amount)"
        case .time(let date): return time.short(date)
        }
    }
}

extension OutputColumn {
    /// The same column with a different CSV rendering (e.g. full ISO time instead of the short table time).
    public func withCSV(_ value: @escaping @Sendable (Row) -> String) -> OutputColumn {
        var copy = self
        copy.csvValues = [value]
        return copy
    }

    public func withCSVColumns(_ columns: [(String, @Sendable (Row) -> String)]) -> OutputColumn {
        var copy = self
        copy.csvHeaders = columns.map(\.0)
        copy.csvValues = columns.map(\.1)
        return copy
    }
}
