import Foundation
import Testing
import UseePay
@testable import useepay

/// `:find` and the `/` server search in the built console, in tmux, against a live sandbox.
@Suite(.serialized)
struct FindConsoleEndToEndTests {
    @Test(.enabled(if: TmuxConsole.isAvailable))
    func findOpensAnOrderAShortListAndSaysWhatWasTried() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("12.50", customerName: "김민지", order: "order-e2e-find")
            let customer = try await sandbox.client.createCustomer(CustomerCreateParameters(
                merchantCustomerId: "e2e-find-cust", name: "Nobody Paid Yet", email: "unpaid@example.com"))
            _ = try await sandbox.client.createCustomer(CustomerCreateParameters(merchantCustomerId: "e2e-find-2", name: "Shared A", email: "shared@example.com"))
            _ = try await sandbox.client.createCustomer(CustomerCreateParameters(merchantCustomerId: "e2e-find-3", name: "Shared B", email: "shared@example.com"))
            try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: sandbox.environment(extra: ["TERM": "xterm-256color"])) { console in
                try await console.waitForScreen(containing: "order-e2e-find")
                try await console.type(":find order-e2e-find")
                try await console.press("Enter")
                try await console.waitForScreen("the payment's detail") {
                    $0.contains("Payment \(payment.id)") && $0.contains("Found payment \(payment.id) by merchant order id")
                }
                try await console.press("Escape")
                try await console.waitForScreen("back on the list") { $0.contains("Payments · today") }

                // Two customers share an email: a short list; enter opens the selected one.
                try await console.type(":find shared@example.com")
                try await console.press("Enter")
                try await console.waitForScreen("the short list") {
                    $0.contains("2 customers with customer email \"shared@example.com\"") && $0.contains("Shared A") && $0.contains("Shared B")
                }
                try await console.press("Enter")
                try await console.waitForScreen("a customer's detail") { $0.contains("useepay  Customer cus_") }
                try await console.press("Escape")
                try await console.waitForScreen(containing: "enter opens · esc back")
                try await console.press("Escape")
                try await console.waitForScreen("back on the list") { $0.contains("Payments · today") }

                // `/` with nothing loaded matching offers the server, and enter asks it.
                try await console.type("/unpaid@example.com")
                try await console.waitForScreen(containing: "nothing loaded matches · enter searches the server")
                try await console.press("Enter")
                try await console.waitForScreen("the customer found on the server") {
                    $0.contains("Customer \(customer.id)") && $0.contains("Nobody Paid Yet")
                }
                try await console.press("Escape")
                try await console.waitForScreen("back on the list") { $0.contains("Payments · today") }

                try await console.type(":find NO-SUCH-ORDER")
                try await console.press("Enter")
                try await console.waitForScreen(containing: "Nothing found for \"NO-SUCH-ORDER\" (tried: merchant order id, merchant customer id)")
                try await console.press("q")
                try await console.expectCleanExit()
            }
        }
    }
}
