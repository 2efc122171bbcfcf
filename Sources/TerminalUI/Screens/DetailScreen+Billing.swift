import Foundation
import ConsoleCore
import UseePay

/// Detail fields and one-line summaries of invoices, mandates and checkout sessions.
extension DetailScreen {
    static func billingFields(_ object: BillingObject, _ f: ScreenFormat) -> [Line] {
        switch object {
        case .invoice(let i):
            return group("Invoice", [
                ("ID", i.id), ("Number", i.number), ("Status", i.status.rawValue),
                ("Total", ScreenFormat.money(i.totalAmount, i.currency)), ("Customer", i.customerId),
                ("Subscription", i.subscriptionId), ("Payment", i.paymentIntentId),
                ("Period start", i.periodStart.map(f.timestamp)), ("Period end", i.periodEnd.map(f.timestamp)),
                ("Description", i.description), ("Created", f.timestamp(i.createAt)), ("Failure", i.failureSummary),
            ]) + metadata(i.metadata)
        case .mandate(let m):
            return group("Mandate", [
                ("ID", m.id), ("Status", m.status), ("Customer", m.customerId), ("Payment", m.paymentIntentId),
                ("Created", f.timestamp(m.createAt)), ("Modified", m.modifyAt.map(f.timestamp)),
            ]) + group("Customer acceptance", [
                ("Type", m.customerAcceptance?.type), ("Accepted", m.customerAcceptance?.acceptedAt.map(f.timestamp)),
                ("IP address", m.customerAcceptance?.ipAddress), ("User agent", m.customerAcceptance?.userAgent),
            ])
        case .checkoutSession(let s):
            return group("Checkout session", [
                ("ID", s.id), ("Mode", s.mode?.rawValue), ("Status", s.status.rawValue), ("Payment status", s.paymentStatus?.rawValue),
                ("Amount", ScreenFormat.money(s.amount, s.currency)), ("Order", s.merchantOrderId),
                ("Payment", s.paymentIntentId), ("Subscription", s.subscriptionId),
                ("Created", f.timestamp(s.createAt)), ("Expires", s.expiresAt.map(f.timestamp)),
                ("Pay at", s.url),
            ]) + group("Customer", [
                ("Customer ID", s.customerId), ("Name", s.customer?.name), ("Email", s.customer?.email), ("Phone", s.customer?.phone),
            ]) + group("Line items", s.lineItems.enumerated().map { index, item -> (String, String?) in
                ("\(index + 1). \(item.quantity) ×", [item.name, ScreenFormat.money(item.unitAmount, item.currency ?? s.currency),
                                                       item.recurring?.interval.map { "every " + $0 }].compactMap { $0 }.joined(separator: "  "))
            }) + metadata(s.metadata)
        }
    }

    static func billingSummary(_ object: BillingObject, _ f: ScreenFormat) -> String {
        switch object {
        case .invoice(let i):
            return "\(i.id)  \(ScreenFormat.money(i.totalAmount, i.currency))  \(i.status.rawValue)  \(f.time(i.createAt))"
        case .mandate(let m):
            let accepted = m.customerAcceptance?.acceptedAt.map { "accepted " + f.time($0) } ?? ""
            return "\(m.id)  \(m.status ?? m.customerAcceptance?.type ?? "")  \(accepted)  payment \(m.paymentIntentId ?? "—")"
        case .checkoutSession(let s):
            return "\(s.id)  \(s.mode?.rawValue ?? "")  \(ScreenFormat.money(s.amount, s.currency))  \(s.status.rawValue)"
                + (s.paymentStatus.map { "/\($0.rawValue)" } ?? "") + "  \(f.time(s.createAt))"
        }
    }
}
