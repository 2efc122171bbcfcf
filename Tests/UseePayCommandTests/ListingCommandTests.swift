import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import UseePay
@testable import useepay

/// `useepay … list/show` run as a built binary against a live in-memory sandbox.
@Suite struct ListingCommandTests {
    @Test func paymentsListAsCSVParsesBackWithPlainAmountsAndCurrencyColumn() async throws {
        try await withSandbox() { sandbox in
            let usd = try await sandbox.makePayment("12.50", "USD", customerName: "김민지", description: "Mug, \"large\"\nsecond line")
            let krw = try await sandbox.makePayment("15000", "KRW", manualCapture: false)
            let bhd = try await sandbox.makePayment("1.234", "BHD")

            let result = try await UseepayBinary.run(["payments", "list", "--format", "csv"], environment: sandbox.environment())
            #expect(result.status == 0, "\(result.stderr)")
            let records = try CSVParser.parse(result.stdout)
            let header = try #require(records.first)
            #expect(header == ["created_at", "id", "status", "amount", "currency", "captured_amount", "customer_id", "customer_email",
                               "merchant_order_id", "description"])
            let rows = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[1], $0) })
            #expect(rows.count == 3)
            let usdRow = try #require(rows[usd.id])
            #expect(usdRow[2] == "requires_capture")
            #expect(usdRow[3] == "12.50")
            #expect(usdRow[4] == "USD")
            #expect(usdRow[9] == "Mug, \"large\"\nsecond line")
            #expect(rows[krw.id]?[3] == "15000")
            #expect(rows[krw.id]?[4] == "KRW")
            #expect(rows[krw.id]?[2] == "succeeded")
            #expect(rows[bhd.id]?[3] == "1.234")
            #expect(rows[bhd.id]?[4] == "BHD")
            #expect(result.stdout.contains("\r\n"))
        }
    }

    @Test func paymentsListAsJSONAndJSONLinesAreTheAPIObjects() async throws {
        try await withSandbox() { sandbox in
            let first = try await sandbox.makePayment("10.00")
            let second = try await sandbox.makePayment("20.05", "EUR")

            let json = try await UseepayBinary.run(["payments", "list", "--format", "json"], environment: sandbox.environment())
            #expect(json.status == 0, "\(json.stderr)")
            let objects = try parseJSONArray(json.stdout)
            #expect(Set(objects.compactMap { $0["id"] as? String }) == [first.id, second.id])
            let eur = try #require(objects.first { ($0["id"] as? String) == second.id })
            #expect(eur["currency"] as? String == "EUR")
            #expect((eur["amount"] as? NSNumber)?.decimalValue == Decimal(string: "20.05"))
            // Faithful: every field the API sent is there, not just the ones the table shows.
            let apiKeys = Set(try #require(second.raw.objectValue).keys)
            #expect(Set(eur.keys) == apiKeys)

            let jsonl = try await UseepayBinary.run(["payments", "list", "--format", "jsonl"], environment: sandbox.environment())
            #expect(jsonl.status == 0)
            let lines = jsonl.stdout.lines
            #expect(lines.count == 2)
            for line in lines { _ = try parseJSONObject(line) }
        }
    }

    @Test func tableAlignsWideTextAndSanitisesControlCharacters() async throws {
        try await withSandbox() { sandbox in
            _ = try await sandbox.makePayment("12.50", customerName: "김민지 홍길동", description: "evil\u{1B}]52;c;aGk=\u{07}text", order: "order-wide")
            _ = try await sandbox.makePayment("1234.50", customerName: "Ann", order: "order-narrow")
            _ = try await sandbox.makePayment("15000", "KRW", customerName: "Bob", order: "order-krw")

            let result = try await UseepayBinary.run(["payments", "list"], environment: sandbox.environment())
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}"))
            #expect(!result.stdout.contains("\u{07}"))
            let lines = result.stdout.lines
            #expect(lines.count == 4)
            let header = lines[0]
            let orderColumn = try #require(displayColumn(of: "ORDER", in: header))
            for (line, order) in zip(lines.dropFirst(), ["order-krw", "order-narrow", "order-wide"]) {
                #expect(displayColumn(of: order, in: line) == orderColumn, "\(line)")
            }
            #expect(result.stdout.contains("1,234.50 USD"))
            #expect(result.stdout.contains("15,000 KRW"))
            // Right-aligned amounts end in the same column.
            let amountEnds = lines.dropFirst().compactMap { line in
                ["12.50 USD", "1,234.50 USD", "15,000 KRW"].compactMap { needle in
                    displayColumn(of: needle, in: line).map { $0 + needle.count }
                }.first
            }
            #expect(amountEnds.count == 3)
            #expect(Set(amountEnds).count == 1)
        }
    }

    @Test func sinceUntilStatusAndLimitFilter() async throws {
        try await withSandbox() { sandbox in
            let waiting = try await sandbox.makePayment("5.00")
            _ = try await sandbox.makePayment("6.00", manualCapture: false)
            let env = sandbox.environment()

            let filtered = try await UseepayBinary.run(
                ["payments", "list", "--status", "requires_capture", "--format", "jsonl"], environment: env)
            #expect(filtered.status == 0, "\(filtered.stderr)")
            #expect(filtered.stdout.lines.count == 1)
            #expect(filtered.stdout.contains(waiting.id))

            let limited = try await UseepayBinary.run(["payments", "list", "--limit", "1", "--format", "jsonl"], environment: env)
            #expect(limited.stdout.lines.count == 1)

            let past = try await UseepayBinary.run(
                ["payments", "list", "--since", "2001-01-01", "--until", "2001-01-31", "--format", "csv"], environment: env)
            #expect(past.status == 0)
            #expect(try CSVParser.parse(past.stdout).count == 1)  // header only

            let bad = try await UseepayBinary.run(["payments", "list", "--since", "next tuesday"], environment: env)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("--since"))
        }
    }

    @Test func showCommandsAndOtherListings() async throws {
        try await withSandbox(seed: 20) { sandbox in
            let payment = try await sandbox.makePayment("42.00", customerName: "Dana")
            let env = sandbox.environment()

            let show = try await UseepayBinary.run(["payments", "show", payment.id, "--format", "json"], environment: env)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(try parseJSONObject(show.stdout)["id"] as? String == payment.id)
            let table = try await UseepayBinary.run(["payments", "show", payment.id], environment: env)
            #expect(table.stdout.contains("42.00 USD"))
            #expect(table.stdout.contains("requires_capture"))
            // A loopback base URL is the local sandbox: the table links its page for the object, and the link works.
            let link = server(sandbox) + "/__sandbox/dashboard/payment_intents/" + payment.id
            let dashboardLine = try #require(table.stdout.split(separator: "\n").last { $0.hasPrefix("dashboard") })
            #expect(dashboardLine.hasSuffix(link), "\(table.stdout)")
            let (page, response) = try await URLSession.shared.data(from: URL(string: link)!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: page, as: UTF8.self).contains("<code>\(payment.id)</code>"))
            #expect(!show.stdout.contains("__sandbox/dashboard"), "json output stays the API's object")

            for resource in ["customers", "subscriptions", "invoices", "refunds"] {
                let list = try await UseepayBinary.run([resource, "list", "--since", "2000-01-01", "--format", "json"], environment: env)
                #expect(list.status == 0, "\(resource): \(list.stderr)")
                let objects = try parseJSONArray(list.stdout)
                if let first = objects.first?["id"] as? String {
                    let one = try await UseepayBinary.run([resource, "show", first, "--format", "json"], environment: env)
                    #expect(one.status == 0, "\(resource) show: \(one.stderr)")
                    #expect(try parseJSONObject(one.stdout)["id"] as? String == first)
                }
                let csv = try await UseepayBinary.run([resource, "list", "--since", "2000-01-01", "--format", "csv"], environment: env)
                #expect(try CSVParser.parse(csv.stdout).count == objects.count + 1, "\(resource)")
            }
        }
    }
}

private func server(_ sandbox: SandboxFixture) -> String {
    var base = sandbox.server.baseURL.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    return base
}
