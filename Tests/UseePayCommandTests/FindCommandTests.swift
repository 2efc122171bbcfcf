import Foundation
import Testing
import UseePay
@testable import useepay

/// `useepay find TEXT` run as a built binary against a live in-memory sandbox, for each kind of text.
@Suite struct FindCommandTests {
    struct Arranged {
        let customer: Customer
        let payment: PaymentIntent
        let refund: Refund
        let subscription: Subscription
        let invoiceId: String
        let retries: [PaymentIntent]
    }

    private func arrange(_ sandbox: SandboxFixture) async throws -> Arranged {
        let client = sandbox.client
        let customer = try await client.createCustomer(CustomerCreateParameters(
            merchantCustomerId: "cli-cust-1", name: "Ann Find", email: "ann.find@example.com", phone: "+1 415 555 0199"))
        let card = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")
        let payment = try await client.createPaymentIntent(PaymentIntentCreateParameters(
            amount: Decimal(string: "30.00")!, currency: .usd, merchantOrderId: "CLI-FIND-1", customerId: customer.id,
            paymentMethodData: .card(card), confirm: true, autoCapture: true))
        var retries: [PaymentIntent] = []
        for _ in 0..<2 {
            retries.append(try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: Decimal(string: "1.00")!, currency: .usd, merchantOrderId: "CLI-RETRIED")))
        }
        let refund = try await client.createRefund(RefundCreateParameters(paymentIntentId: payment.id, amount: Decimal(string: "1.00")!))
        let subscription = try await client.createSubscription(SubscriptionCreateParameters(
            customerId: customer.id, currency: .usd, recurring: Recurring(interval: "month", intervalCount: 1, unitAmount: Decimal(string: "3.00")!)))
        let invoices = try await client.listInvoices(InvoiceListQuery(subscriptionId: subscription.id))
        let invoiceId = try #require(subscription.latestInvoice ?? invoices.items.first?.id)
        return Arranged(customer: customer, payment: payment, refund: refund, subscription: subscription, invoiceId: invoiceId, retries: retries)
    }

    @Test func eachKindOfTextFindsItsObject() async throws {
        try await withSandbox { sandbox in
            let a = try await arrange(sandbox)
            let cases: [(String, String, String)] = [
                (a.payment.id, a.payment.id, "payment intent id"), (a.refund.id, a.refund.id, "refund id"),
                (a.customer.id, a.customer.id, "customer id"), (a.subscription.id, a.subscription.id, "subscription id"),
                (a.invoiceId, a.invoiceId, "invoice id"), ("CLI-FIND-1", a.payment.id, "merchant order id"),
                ("ann.find@example.com", a.customer.id, "customer email"), ("+1 415 555 0199", a.customer.id, "customer phone"),
                ("cli-cust-1", a.customer.id, "merchant customer id"),
            ]
            for (text, id, how) in cases {
                let result = try await UseepayBinary.run(["find", text, "--format", "jsonl"], environment: sandbox.environment())
                #expect(result.status == 0, "\(text): \(result.stderr)")
                let object = try parseJSONObject(result.stdout.lines.first ?? "")
                #expect(object["id"] as? String == id, "\(text)")
                #expect(result.stdout.lines.count == 1)
                #expect(result.stderr.contains("by \(how)"), "\(text): \(result.stderr)")
            }
            // The table is the kind's `show`, with its dashboard link.
            let table = try await UseepayBinary.run(["find", "CLI-FIND-1"], environment: sandbox.environment())
            #expect(table.status == 0)
            #expect(table.stdout.contains("order        CLI-FIND-1") || table.stdout.contains("CLI-FIND-1"))
            #expect(table.stdout.contains("30.00 USD"))
            #expect(table.stdout.contains("/__sandbox/dashboard/payment_intents/\(a.payment.id)"))
        }
    }

    @Test func severalMatchesPrintAShortListAndNothingSaysWhatWasTried() async throws {
        try await withSandbox { sandbox in
            let a = try await arrange(sandbox)
            let several = try await UseepayBinary.run(["find", "CLI-RETRIED", "--format", "csv"], environment: sandbox.environment())
            #expect(several.status == 0, "\(several.stderr)")
            let records = try CSVParser.parse(several.stdout)
            #expect(records.first?.contains("merchant_order_id") == true)
            #expect(Set(records.dropFirst().map { $0[1] }) == Set(a.retries.map(\.id)))
            #expect(several.stderr.contains("2 matches by merchant order id"))

            let none = try await UseepayBinary.run(["find", "NO-SUCH-ORDER"], environment: sandbox.environment())
            #expect(none.status == 1)
            #expect(none.stdout.isEmpty)
            #expect(none.stderr.contains("Nothing found for \"NO-SUCH-ORDER\" (tried: merchant order id, merchant customer id)"), "\(none.stderr)")

            let hostile = try await UseepayBinary.run(["find", "x\u{1B}]52;c;aGk=\u{07}"], environment: sandbox.environment())
            #expect(hostile.status == 1)
            #expect(!hostile.stderr.contains("\u{1B}"))

            let wrongKey = try await UseepayBinary.run(["find", "CLI-FIND-1"], environment: sandbox.environment(apiKey: "UseePay_SK_wrong_0000"))
            #expect(wrongKey.status == 4, "a rejected key is a configuration problem, not 'nothing found': \(wrongKey.stderr)")
            #expect(!wrongKey.stderr.contains("Nothing found"))
        }
    }
}
