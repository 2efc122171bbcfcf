import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import UseePay
import UseePaySandbox

/// A day of payments made through the sandbox's real API, with a known mix: five currencies (two of
/// them without minor units, one with three), succeeded, partly captured, awaiting capture, declined,
/// failed, cancelled, and refunds (partial, full, and ones that will fail).
enum KnownDay {
    static let currencies: [(CurrencyCode, amount: String, refund: String)] = [
        (.usd, "12.34", "1.00"), (.eur, "9.99", "2.50"), (.jpy, "1500", "100"), (.krw, "25000", "1000"), (.bhd, "1.234", "0.100"),
    ]

    /// Makes `count` payments, numbered from `first`; returns the ids of those left awaiting capture, oldest first.
    @discardableResult
    static func seed(_ client: UseePayClient, count: Int, first: Int = 0) async throws -> [String] {
        var authorised: [String] = []
        for n in first..<(first + count) {
            // The currency turns with the kind, so every kind meets every currency.
            let (currency, amountText, refundText) = currencies[(n + n / 10) % currencies.count]
            let amount = Decimal(string: amountText)!
            let kind = n % 10
            let card: String
            switch kind {
            case 6: card = "4000000000009995"      // declined: insufficient_funds
            case 7: card = n % 20 == 7 ? "4000000000009987" : "4100000000000019"  // failed: lost_card / fraudulent
            case 8: card = "4000000000005126"      // succeeds; its refunds fail
            default: card = "4111111111111111"
            }
            let manual = kind == 4 || kind == 5 || kind == 9
            let intent = try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: amount, currency: currency, merchantOrderId: "DAY-\(n)",
                paymentMethodData: .card(CardDetails(number: card, expiryMonth: "12", expiryYear: "2030", cvc: "123")),
                confirm: true, autoCapture: !manual))
            switch kind {
            case 0:
                _ = try await client.createRefund(RefundCreateParameters(paymentIntentId: intent.id, amount: Decimal(string: refundText)!,
                                                                         currency: currency, reason: "requested_by_customer"))
            case 3 where n % 20 == 3:
                _ = try await client.createRefund(RefundCreateParameters(paymentIntentId: intent.id, reason: "duplicate"))
            case 5 where n % 20 == 15:
                // Captured in part: succeeded volume counts what was captured.
                _ = try await client.capturePaymentIntent(id: intent.id, amount: Decimal(string: refundText)!)
            case 8:
                _ = try await client.createRefund(RefundCreateParameters(paymentIntentId: intent.id, reason: "requested_by_customer"))
            case 9:
                _ = try await client.cancelPaymentIntent(id: intent.id, reason: "abandoned")
            case 4, 5:
                authorised.append(intent.id)
            default:
                break
            }
        }
        return authorised
    }

    /// Moves the sandbox clock on and settles what became due (refunds in flight end succeeded or failed).
    static func advanceClock(_ server: SandboxServer, seconds: Int) async throws {
        for (path, body) in [("__sandbox/clock/advance", "{\"seconds\": \(seconds)}"), ("__sandbox/settle", "{}")] {
            var request = URLRequest(url: server.baseURL.appendingPathComponent(path))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
            let (data, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(decoding: data, as: UTF8.self))"])
            }
        }
    }
}

/// The day's figures computed independently from every object the sandbox lists over HTTP.
struct ServerTruth: Equatable, CustomStringConvertible {
    var count = 0
    var byStatus: [String: Int] = [:]
    var succeeded: [String: Decimal] = [:]
    var awaitingCount = 0
    var awaiting: [String: Decimal] = [:]
    var failed = 0
    var declineCodes: [String: Int] = [:]
    var refunded: [String: Decimal] = [:]
    var refundsInFlight: [String: Decimal] = [:]
    var refundsFailed: [String: Decimal] = [:]

    static func read(_ client: UseePayClient, from: Date?, to: Date?) async throws -> ServerTruth {
        var truth = ServerTruth()
        let window = ListWindow(pageNum: 0, pageSize: 100, fromCreatedAt: from, toCreatedAt: to)
        for try await p in client.paymentIntents(PaymentIntentListQuery(window: window)) {
            truth.count += 1
            truth.byStatus[p.status.rawValue, default: 0] += 1
            let code = p.currency!.code
            switch p.status {
            case .succeeded: truth.succeeded[code, default: 0] += p.capturedAmount ?? p.amount!
            case .requiresCapture: truth.awaitingCount += 1; truth.awaiting[code, default: 0] += p.amount!
            case .failed: truth.failed += 1
            default: break
            }
            if let error = p.lastPaymentError, p.status == .failed || p.status == .requiresPaymentMethod {
                truth.declineCodes[error.declineCode ?? error.code ?? "?", default: 0] += 1
            }
        }
        for try await r in client.refunds(RefundListQuery(window: window)) {
            let code = r.currency!.code
            if r.status == .failed { truth.refundsFailed[code, default: 0] += r.amount! } else { truth.refunded[code, default: 0] += r.amount! }
            if r.status == .received || r.status == .accepted { truth.refundsInFlight[code, default: 0] += r.amount! }
        }
        return truth
    }

    var description: String {
        "count \(count) \(byStatus.sorted { $0.key < $1.key }) ok \(succeeded) awaiting \(awaitingCount) \(awaiting) failed \(failed) "
            + "refunded \(refunded) in flight \(refundsInFlight) refunds failed \(refundsFailed)"
    }
}

extension Array where Element == Money {
    /// `[USD: 12.34]` for comparing with sums computed from the server.
    var byCode: [String: Decimal] { Dictionary(uniqueKeysWithValues: map { ($0.currency.code, $0.amount) }) }
}
