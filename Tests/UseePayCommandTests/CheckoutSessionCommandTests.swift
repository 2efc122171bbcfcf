import Foundation
import Testing
import UseePay
@testable import useepay

/// `useepay checkout-sessions …` and `useepay mandates …` as a built binary against a live sandbox.
@Suite struct CheckoutSessionCommandTests {
    @Test func createShowAndListAPaymentSession() async throws {
        try await withSandbox { sandbox in
            let created = try await UseepayBinary.run(
                ["checkout-sessions", "create", "--currency", "USD", "--order", "CO-1001", "--item", "Tea=4.50x2", "--item", "Cake=3",
                 "--email", "payer@example.com", "--name", "Payer 김", "--merchant-customer-id", "co-payer-1", "--format", "json"],
                environment: sandbox.environment())
            #expect(created.status == 0, "\(created.stderr)")
            let object = try parseJSONObject(created.stdout)
            let id = try #require(object["id"] as? String)
            #expect(object["status"] as? String == "open")
            #expect(object["mode"] as? String == "payment")
            #expect((object["amount"] as? NSNumber)?.decimalValue == Decimal(string: "12.00"))
            #expect(object["merchant_order_id"] as? String == "CO-1001")

            let shown = try await UseepayBinary.run(["checkout-sessions", "show", id], environment: sandbox.environment())
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("12.00 USD"))
            #expect(shown.stdout.contains("2 × Tea at 4.50 USD"))
            #expect(!shown.stdout.contains("client_secret"))

            let listed = try await UseepayBinary.run(["checkout-sessions", "list", "--format", "csv"], environment: sandbox.environment())
            #expect(listed.status == 0, "\(listed.stderr)")
            let records = try CSVParser.parse(listed.stdout)
            #expect(records.first == ["created_at", "id", "mode", "status", "payment_status", "amount", "currency", "customer_id",
                                      "customer_email", "merchant_order_id", "payment_intent_id", "subscription_id", "expires_at"])
            #expect(records.dropFirst().contains { $0[1] == id && $0[5] == "12.00" && $0[6] == "USD" })
        }
    }

    @Test func subscriptionSessionForAnExistingCustomer() async throws {
        try await withSandbox { sandbox in
            let customer = try await sandbox.client.createCustomer(CustomerCreateParameters(merchantCustomerId: "co-sub-1", email: "sub@example.com"))
            let created = try await UseepayBinary.run(
                ["checkout-sessions", "create", "--mode", "subscription", "--currency", "USD", "--order", "CO-SUB-1",
                 "--item", "Monthly plan=9.99", "--interval", "month", "--cycles", "12", "--customer", customer.id,
                 "--discount-periods", "1", "--discount-amount", "0.99", "--format", "jsonl"],
                environment: sandbox.environment())
            #expect(created.status == 0, "\(created.stderr)")
            let object = try parseJSONObject(created.stdout)
            #expect(object["mode"] as? String == "subscription")
            let session = try CheckoutSession.decode(Data(created.stdout.utf8))
            #expect(session.customerId == customer.id)
            #expect(session.lineItems.first?.recurring?.interval == "month")
        }
    }

    @Test func badInputIsAUsageErrorAndNothingIsSent() async throws {
        try await withSandbox { sandbox in
            for arguments in [
                ["--currency", "USD", "--order", "CO-X", "--amount", "10.00", "--item", "Tea=4.50"],
                ["--currency", "USD", "--order", "CO-X", "--amount", "10.001"],
                ["--currency", "KRW", "--order", "CO-X", "--amount", "100.5"],
                ["--currency", "USD", "--order", "CO-X", "--item", "Tea"],
                ["--currency", "USD", "--order", "CO-X"],
                ["--currency", "USD", "--order", "CO-X", "--amount", "5", "--customer", "cus_1", "--email", "a@b.c"],
            ] {
                let result = try await UseepayBinary.run(["checkout-sessions", "create"] + arguments, environment: sandbox.environment())
                #expect(result.status == 2, "\(arguments): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            let mismatch = try await UseepayBinary.run(
                ["checkout-sessions", "create", "--currency", "USD", "--order", "CO-X", "--amount", "10.00", "--item", "Tea=4.50"],
                environment: sandbox.environment())
            #expect(mismatch.stderr.contains("10.00 USD is not the items' total 4.50 USD"), "\(mismatch.stderr)")
        }
    }

    @Test func mandatesListAndShow() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client
            let customer = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "man-cust-1", email: "m@example.com"))
            let other = try await client.createCustomer(CustomerCreateParameters(merchantCustomerId: "man-cust-2", email: "o@example.com"))
            let payment = try await sandbox.makePayment("5.00", manualCapture: false)
            let acceptedAt = Date(timeIntervalSince1970: 1_795_300_000)
            let mandate = try await client.createMandate(MandateCreateParameters(
                customerId: customer.id, paymentIntentId: payment.id,
                acceptance: CustomerAcceptance(acceptedAt: acceptedAt, ipAddress: "192.0.2.7", userAgent: "test agent")))
            let otherPayment = try await sandbox.makePayment("6.00", manualCapture: false)
            _ = try await client.createMandate(MandateCreateParameters(customerId: other.id, paymentIntentId: otherPayment.id))

            let listed = try await UseepayBinary.run(["mandates", "list", "--customer", customer.id, "--format", "csv"], environment: sandbox.environment())
            #expect(listed.status == 0, "\(listed.stderr)")
            let records = try CSVParser.parse(listed.stdout)
            #expect(records.first == ["created_at", "id", "customer_id", "payment_intent_id", "accepted_at", "acceptance_type", "status"])
            #expect(records.dropFirst().map { $0[1] } == [mandate.id])
            #expect(records.dropFirst().first?[3] == payment.id)

            let shown = try await UseepayBinary.run(["mandates", "show", mandate.id], environment: sandbox.environment())
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("192.0.2.7"))
            #expect(shown.stdout.contains(customer.id))

            let missing = try await UseepayBinary.run(["mandates", "show", "man_missing"], environment: sandbox.environment())
            #expect(missing.status == 1)
        }
    }
}
