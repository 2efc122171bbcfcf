import Foundation
import Testing
import UseePay
@testable import useepay

/// Capture, cancel and refund through the built binary against a live sandbox, checking the sandbox afterwards.
@Suite struct MoneyCommandTests {
    func journalPhases(_ sandbox: SandboxFixture) throws -> [String] {
        let text = String(decoding: FileManager.default.contents(atPath: sandbox.journalPath) ?? Data(), as: UTF8.self)
        return try text.lines.map { line in try parseJSONObject(line)["phase"] as? String ?? "?" }
    }

    @Test func captureWithYesCapturesAndJournalsBeforeAndAfter() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("30.00")
            let result = try await UseepayBinary.run(["payments", "capture", payment.id, "--amount", "12.5", "--yes"],
                                                     environment: sandbox.environment())
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("\(payment.id)\tcaptured\t"))
            #expect(result.stdout.contains("12.50 USD"))
            let after = try await sandbox.client.retrievePaymentIntent(id: payment.id)
            #expect(after.status == .succeeded)
            #expect(after.capturedAmount == Decimal(string: "12.5"))
            #expect(try journalPhases(sandbox) == ["sending", "succeeded"])
        }
    }

    @Test func withoutATerminalAndWithoutYesNothingIsSent() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("30.00")
            let result = try await UseepayBinary.run(["payments", "capture", payment.id], environment: sandbox.environment(), stdin: "yes\n")
            #expect(result.status == 2)
            #expect(result.stderr.contains("--yes"))
            #expect(result.stderr.contains("nothing was sent"))
            #expect(try await sandbox.client.retrievePaymentIntent(id: payment.id).status == .requiresCapture)
            #expect(!FileManager.default.fileExists(atPath: sandbox.journalPath))
        }
    }

    @Test func readOnlyRefusesFromTheFlagAndFromTheProfile() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("30.00")
            let flag = try await UseepayBinary.run(["payments", "capture", payment.id, "--yes", "--read-only"], environment: sandbox.environment())
            #expect(flag.status == 4)
            #expect(flag.stderr.contains("read-only"))

            let configDirectory = sandbox.home + "/config/useepay"
            try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
            try "[profiles.ops]\nread_only = true\n".write(toFile: configDirectory + "/config.toml", atomically: true, encoding: .utf8)
            let profile = try await UseepayBinary.run(["refunds", "create", payment.id, "--yes"], environment: sandbox.environment())
            #expect(profile.status == 4)
            #expect(profile.stderr.contains("profile \"ops\""))
            #expect(try await sandbox.client.retrievePaymentIntent(id: payment.id).status == .requiresCapture)
        }
    }

    @Test func idsFromStdinGiveOneLineEachAndASummary() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.makePayment("10.00")
            let second = try await sandbox.makePayment("20000", "KRW")
            let ids = "\(first.id)\n# a comment\n\npi_does_not_exist\n\(second.id)\n"
            let result = try await UseepayBinary.run(["payments", "capture", "-", "--yes"], environment: sandbox.environment(), stdin: ids)
            #expect(result.status == 1, "\(result.stderr)")
            let lines = result.stdout.lines.map { $0.split(separator: "\t").map(String.init) }
            #expect(lines.map { $0[0] } == [first.id, "pi_does_not_exist", second.id])
            #expect(lines.map { $0[1] } == ["captured", "refused", "captured"])
            #expect(result.stderr.contains("2 captured, 1 failed, 0 unclear (3 ids)"))
            #expect(try await sandbox.client.retrievePaymentIntent(id: second.id).status == .succeeded)

            let withoutYes = try await UseepayBinary.run(["payments", "capture", "-"], environment: sandbox.environment(), stdin: ids)
            #expect(withoutYes.status == 2)
        }
    }

    @Test func cancelWithReasonAndPartialRefund() async throws {
        try await withSandbox { sandbox in
            let toCancel = try await sandbox.makePayment("8.00")
            let cancel = try await UseepayBinary.run(["payments", "cancel", toCancel.id, "--reason", "out of stock", "--yes"],
                                                     environment: sandbox.environment())
            #expect(cancel.status == 0, "\(cancel.stderr)")
            let cancelled = try await sandbox.client.retrievePaymentIntent(id: toCancel.id)
            #expect(cancelled.status == .cancelled)
            #expect(cancelled.cancellationReason == "out of stock")

            let paid = try await sandbox.makePayment("50.00", manualCapture: false)
            let refund = try await UseepayBinary.run(["refunds", "create", paid.id, "--amount", "20", "--reason", "damaged", "--yes",
                                                      "--format", "json"], environment: sandbox.environment())
            #expect(refund.status == 0, "\(refund.stderr)")
            let object = try parseJSONObject(refund.stdout)
            #expect((object["amount"] as? NSNumber)?.decimalValue == 20)
            let metadata = try #require(object["metadata"] as? [String: Any])
            #expect(metadata["console_request_id"] is String)

            let tooMuch = try await UseepayBinary.run(["refunds", "create", paid.id, "--amount", "30.01", "--yes"], environment: sandbox.environment())
            #expect(tooMuch.status == 1)
            #expect(tooMuch.stderr.contains("30.00 USD still refundable"))

            let listed = try await UseepayBinary.run(["refunds", "list", "--payment-intent", paid.id, "--format", "csv"],
                                                     environment: sandbox.environment())
            let records = try CSVParser.parse(listed.stdout)
            #expect(records.count == 2)
            #expect(records[1][4] == "20.00")
            #expect(records[1][5] == "USD")
        }
    }

    @Test func aDroppedConnectionAfterACommittedCaptureIsSettledByReadingBack() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("75.00")
            try await sandbox.setFaults(["drop_after_commit_rate": 1])
            let result = try await UseepayBinary.run(["payments", "capture", payment.id, "--yes"], environment: sandbox.environment())
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("checked afterwards: it went through"))
            #expect(try await sandbox.client.retrievePaymentIntent(id: payment.id).status == .succeeded)
            #expect(try journalPhases(sandbox) == ["sending", "unclear", "settledHappened"])
        }
    }

    @Test func aDroppedConnectionAfterACommittedRefundIsFoundByItsRequestId() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("40.00", manualCapture: false)
            try await sandbox.setFaults(["drop_after_commit_rate": 1])
            let result = try await UseepayBinary.run(["refunds", "create", payment.id, "--amount", "15", "--yes"],
                                                     environment: sandbox.environment())
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("it went through"))
            try await sandbox.setFaults(["reset": true])
            let refunds = try await sandbox.client.refunds(RefundListQuery(paymentIntentId: payment.id)).collect()
            #expect(refunds.count == 1)
            #expect(refunds.first?.amount == 15)
        }
    }
}
