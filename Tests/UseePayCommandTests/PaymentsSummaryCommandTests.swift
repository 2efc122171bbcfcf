import Foundation
import Testing
import UseePay
@testable import useepay

/// `useepay payments summary` run as the built binary against a live sandbox; its figures are checked
/// against sums computed here from what the sandbox lists over HTTP.
@Suite struct PaymentsSummaryCommandTests {
    private func sums(_ value: JSONValue?) -> [String: Decimal] {
        var result: [String: Decimal] = [:]
        for entry in value?.arrayValue ?? [] {
            guard case .string(let code)? = entry["currency"], case .number(let amount)? = entry["amount"] else { continue }
            result[code] = amount
        }
        return result
    }

    /// The value of a "name   value" line of the table.
    private func field(_ table: String, _ name: String) -> String? {
        for line in table.split(separator: "\n") where line.hasPrefix(name + " ") {
            return line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private func number(_ value: JSONValue?) -> Int? {
        if case .number(let n)? = value { return NSDecimalNumber(decimal: n).intValue }
        return nil
    }

    @Test func jsonFiguresEqualSumsOfWhatTheSandboxLists() async throws {
        try await withSandbox() { sandbox in
            let authorised = try await sandbox.makePayment("120.00", "USD")
            _ = try await sandbox.makePayment("30000", "KRW")
            let paid = try await sandbox.makePayment("12.50", "USD", manualCapture: false)
            _ = try await sandbox.makePayment("1.234", "BHD", manualCapture: false)
            let partly = try await sandbox.makePayment("20.00", "EUR")
            _ = try await sandbox.client.capturePaymentIntent(id: partly.id, amount: Decimal(string: "15.00"))
            _ = try await sandbox.client.createRefund(RefundCreateParameters(paymentIntentId: paid.id, amount: Decimal(string: "2.50")))
            _ = try await sandbox.client.cancelPaymentIntent(id: authorised.id)
            let declined = try await sandbox.client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: 5, currency: .usd, merchantOrderId: "declined",
                paymentMethodData: .card(CardDetails(number: "4000000000009987", expiryMonth: "12", expiryYear: "2030", cvc: "123")),
                confirm: true))
            #expect(declined.status == .failed)

            // The truth, from the sandbox over HTTP.
            var byStatus: [String: Int] = [:], succeeded: [String: Decimal] = [:], awaiting: [String: Decimal] = [:]
            var refunded: [String: Decimal] = [:]
            var count = 0
            for try await p in sandbox.client.paymentIntents(PaymentIntentListQuery(window: ListWindow(pageSize: 100))) {
                count += 1
                byStatus[p.status.rawValue, default: 0] += 1
                if p.status == .succeeded { succeeded[p.currency!.code, default: 0] += p.capturedAmount ?? p.amount! }
                if p.status == .requiresCapture { awaiting[p.currency!.code, default: 0] += p.amount! }
            }
            for try await r in sandbox.client.refunds(RefundListQuery(window: ListWindow(pageSize: 100))) where r.status != .failed {
                refunded[r.currency!.code, default: 0] += r.amount!
            }

            let result = try await UseepayBinary.run(["payments", "summary", "--format", "json"], environment: sandbox.environment())
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONValue.parse(result.stdout)
            #expect(json["complete"] == .bool(true))
            #expect(json["scope"] == .string("today's payments"))
            let payments = try #require(json["payments"])
            #expect(number(payments["count"]) == count)
            #expect(count == 6)
            #expect(payments["by_status"]?.objectValue?.mapValues { number($0) ?? -1 } == byStatus)
            #expect(sums(payments["succeeded"]) == succeeded)
            #expect(succeeded == ["USD": Decimal(string: "12.50")!, "BHD": Decimal(string: "1.234")!, "EUR": 15])
            #expect(number(payments["awaiting_capture"]?["count"]) == 1)
            #expect(sums(payments["awaiting_capture"]?["amounts"]) == awaiting)
            #expect(number(payments["failed"]) == 1)
            #expect(payments["decline_codes"] == .object(["lost_card": .number(1)]))
            #expect(sums(json["refunds"]?["refunded"]) == refunded)
            #expect(refunded == ["USD": Decimal(string: "2.50")!])

            let table = try await UseepayBinary.run(["payments", "summary", "--status", "requires_capture"], environment: sandbox.environment())
            #expect(table.status == 0, "\(table.stderr)")
            #expect(field(table.stdout, "payments") == "1", "\(table.stdout)")
            #expect(field(table.stdout, "awaiting capture") == "1: 30,000 KRW (1)", "\(table.stdout)")
            #expect(field(table.stdout, "refunded") == "0", "refunds of other payments do not count under a status filter: \(table.stdout)")
        }
    }

    @Test func conflictingRangeFlagsAreAUsageError() async throws {
        try await withSandbox() { sandbox in
            let result = try await UseepayBinary.run(["payments", "summary", "--today", "--since", "2026-11-01"], environment: sandbox.environment())
            #expect(result.status != 0)
            #expect(result.stderr.contains("--today cannot be combined"))
            #expect(result.stdout.isEmpty)
        }
    }
}
