import Foundation
import UseePay
import UseePaySandbox

/// The sandbox the way the client-side tests start it: in memory, on a free loopback port, in UTC,
/// with a real `UseePayClient` speaking HTTP to it. (The sandbox's own tests use `SandboxHarness`,
/// which checks raw JSON and never the client's models.)
public enum TestSandbox {
    public static let utc = TimeZone(identifier: "UTC")!

    /// Starts a sandbox; `adjust` changes any option after the defaults (seed off, UTC, port 0, in memory).
    public static func start(_ adjust: (inout SandboxOptions) -> Void = { _ in }) async throws -> SandboxServer {
        var options = SandboxOptions()
        options.port = 0
        options.database = .inMemory
        options.seed = nil
        options.timeZone = utc
        adjust(&options)
        return try await SandboxServer.start(options)
    }

    /// The configuration a merchant would use for `server`, with its fixed sandbox credentials.
    public static func configuration(for server: SandboxServer) -> UseePayConfiguration {
        UseePayConfiguration(environment: .custom(server.baseURL), merchantNo: server.credentials.merchantNo,
                             apiKey: APIKey(server.credentials.apiKey), appId: server.credentials.appId)
    }

    public static func client(for server: SandboxServer,
                              requestObserver: (@Sendable (APIRequestRecord) -> Void)? = nil) throws -> UseePayClient {
        try UseePayClient(configuration: configuration(for: server), requestObserver: requestObserver)
    }

    /// The sandbox's always-approved test card.
    public static let successCard = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")

    /// A payment authorised with the success card and waiting for capture.
    public static func authorisedPayment(_ client: UseePayClient, amount: Decimal, currency: CurrencyCode = .usd,
                                         order: String, customerId: String? = nil) async throws -> PaymentIntent {
        try await client.createPaymentIntent(PaymentIntentCreateParameters(
            amount: amount, currency: currency, merchantOrderId: order, customerId: customerId,
            paymentMethodData: .card(successCard), confirm: true, autoCapture: false))
    }
}
