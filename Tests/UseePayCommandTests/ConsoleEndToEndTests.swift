import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import UseePay
@testable import useepay

/// The built console in tmux against a live sandbox, driven by keys and read with capture-pane,
/// waiting on the console's idle counter. Each money move is checked against the sandbox over HTTP.
@Suite(.serialized)
struct ConsoleEndToEndTests {
    static let terms = ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"]

    func consoleEnvironment(_ sandbox: SandboxFixture, term: String, extra: [String: String] = [:]) -> [String: String] {
        sandbox.environment(extra: ["TERM": term].merging(extra) { $1 })
    }

    @Test(.enabled(if: TmuxConsole.isAvailable), arguments: terms.map { ($0, false) } + [("xterm-256color", true)])
    func opensOnTodaysPaymentsAndQuitsCleanly(term: String, noColor: Bool) async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("12.50", customerName: "김민지", order: "order-e2e-open")
            try await TmuxConsole.with(
                arguments: ["--refresh", "0"],
                environment: consoleEnvironment(sandbox, term: term, extra: noColor ? ["NO_COLOR": "1"] : [:])
            ) { console in
                // The ID column shows the tail of the id: "…3c771dce1".
                try await console.waitForScreen("today's payments with the new one in full") {
                    $0.contains("order-e2e-open") && $0.contains("Payments · today") && $0.contains("SANDBOX")
                        && $0.contains("12.50 USD") && $0.contains("김민지") && $0.contains(String(payment.id.suffix(8)))
                }
                try await console.press("q")
                try await console.expectCleanExit()
            }
        }
    }

    @Test(.enabled(if: TmuxConsole.isAvailable))
    func captureFromTheAwaitingCaptureFilterThenResizeAndQuit() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.makePayment("9.00", manualCapture: false, order: "order-e2e-paid")
            let waiting = try await sandbox.makePayment("45.00", customerName: "Dana", order: "order-e2e-wait")
            try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: consoleEnvironment(sandbox, term: "xterm-256color")) { console in
                try await console.waitForScreen(containing: "order-e2e-wait")
                try await console.press("1")
                try await console.waitForScreen("the awaiting-capture filter") { $0.contains("order-e2e-wait") && !$0.contains("order-e2e-paid") }
                try await console.press("A")
                try await console.waitForScreen("the capture dialog naming the payment and amount") {
                    $0.contains("Capture — SANDBOX") && $0.contains(waiting.id) && $0.contains("45.00 USD")
                }
                try await console.press("Tab")
                try await console.press("Enter")
                try await console.waitForScreen(containing: "Captured 45.00 USD on \(waiting.id)")
                let after = try await sandbox.client.retrievePaymentIntent(id: waiting.id)
                #expect(after.status == .succeeded)
                #expect(after.capturedAmount == 45)

                // 60x16 is the smallest size that still shows data (a confirmation must fit whole);
                // at 60x15 the console says so instead of drawing a dialog the merchant cannot read.
                try await console.resize(columns: 60, rows: 16)
                try await console.waitForScreen("a 60-column layout") { screen in
                    screen.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 60 } && screen.contains("SANDBOX")
                        && screen.contains("45.00 USD")  // the Order column is the first to go when narrow
                }
                try await console.resize(columns: 60, rows: 15)
                try await console.waitForScreen(containing: "60x15, need 60x16")
                try await console.resize(columns: 120, rows: 35)
                // Keys sent before the resize is drawn would be refused as "too small": wait for the wide layout.
                try await console.waitForScreen("the wide layout again") { $0.contains("Order") && $0.contains("Method") }
                try await console.press("0")
                try await console.waitForScreen("both payments, all statuses") { $0.contains("order-e2e-paid") && $0.contains("order-e2e-wait") }
                try await console.press("q")
                try await console.expectCleanExit()
            }
        }
    }

    @Test(.enabled(if: TmuxConsole.isAvailable))
    func refundPartCancelAnotherAndDrillIntoItsCustomer() async throws {
        try await withSandbox { sandbox in
            let paid = try await sandbox.makePayment("80.00", customerName: "Dana Refund", order: "order-e2e-refund")
            let other = try await sandbox.makePayment("30.00", customerName: "김민지", order: "order-e2e-cancel")
            try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: consoleEnvironment(sandbox, term: "xterm-256color")) { console in
                try await console.waitForScreen(containing: "order-e2e-cancel")
                // Capture the first in full, then refund 25.00 of it.
                try await console.press("/")
                try await console.type("order-e2e-refund")
                try await console.press("Enter")
                try await console.waitForScreen("only the refund order") { $0.contains("order-e2e-refund") && !$0.contains("order-e2e-cancel") }
                try await console.press("A")
                try await console.waitForScreen(containing: "Capture — SANDBOX")
                try await console.press("Tab")
                try await console.press("Enter")
                try await console.waitForScreen(containing: "Captured 80.00 USD on \(paid.id)")
                try await console.press("R")
                try await console.waitForScreen("the refund dialog offering what is left") { $0.contains("Refund — SANDBOX") && $0.contains("[80.00]") }
                try await console.press("BTab", "BTab")
                for _ in 0..<5 { try await console.press("BSpace") }
                try await console.type("25")
                try await console.press("Tab", "Tab", "Tab")
                try await console.waitForScreen(containing: "[25]")
                try await console.press("Enter")
                try await console.waitForScreen(containing: "refunded 25.00 USD")
                var refunds = RefundListQuery()
                refunds.paymentIntentId = paid.id
                let made = try await sandbox.client.listRefunds(refunds).items
                #expect(made.count == 1)
                #expect(made.first?.amount == 25)

                // Cancel the other with the first reason offered.
                try await console.press("/")
                for _ in 0..<"order-e2e-refund".count { try await console.press("BSpace") }
                try await console.type("order-e2e-cancel")
                try await console.press("Enter")
                try await console.waitForScreen("only the cancel order") { $0.contains("order-e2e-cancel") && !$0.contains("order-e2e-refund") }
                try await console.press("X")
                // One predicate for the whole dialog: a capture can catch a frame that is still being written.
                try await console.waitForScreen("the cancel dialog with its reason and amount") {
                    $0.contains("Cancel payment — SANDBOX") && $0.contains("requested_by_customer") && $0.contains("30.00 USD")
                }
                try await console.press("Right")
                try await console.press("Enter")
                try await console.waitForScreen("the row cancelled") { $0.contains("order-e2e-cancel") && $0.contains("canceled") }
                let cancelled = try await sandbox.client.retrievePaymentIntent(id: other.id)
                #expect(cancelled.status == .cancelled)
                #expect(cancelled.cancellationReason == "requested_by_customer")

                // Drill into its customer: payment detail, then the related customer.
                try await console.press("Enter")
                // The flash already names the id; wait for the detail's breadcrumb and its related customer.
                try await console.waitForScreen("the payment detail") { $0.contains("Payments > \(other.id)") && $0.contains("cus_") }
                // Its dashboard link is on screen whole, opens this payment's page, and L copies it.
                let base = sandbox.server.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                let link = base + "/__sandbox/dashboard/payment_intents/" + other.id
                try await console.waitForScreen("the dashboard link") { $0.contains("Dashboard  \(link)  (L copies)") }
                let (page, response) = try await URLSession.shared.data(from: URL(string: link)!)
                #expect((response as? HTTPURLResponse)?.statusCode == 200)
                let html = String(decoding: page, as: UTF8.self)
                #expect(html.contains("<code>\(other.id)</code>") && html.contains("<tr><th>status</th><td>canceled</td></tr>"))
                try await console.press("L")
                try await console.waitForScreen(containing: "Copied \(link)")
                try await console.press("Enter")
                let customer = try await console.waitForScreen("the customer detail") { $0.contains("Customer cus_") && $0.contains("김민지") }
                #expect(customer.contains("buyer@example.com"))
                try await console.press("q")
                try await console.expectCleanExit()
            }
        }
    }

    @Test func dumbTerminalOrNoTerminalGetsAClearMessage() async throws {
        try await withSandbox { sandbox in
            let dumb = try await UseepayBinary.run([], environment: sandbox.environment(extra: ["TERM": "dumb"]))
            #expect(dumb.status == 2)
            #expect(dumb.stderr.contains("TERM is \"dumb\""))
            let piped = try await UseepayBinary.run([], environment: sandbox.environment(extra: ["TERM": "xterm-256color"]))
            #expect(piped.status == 2)
            #expect(piped.stderr.contains("needs a terminal"))
        }
    }
}
