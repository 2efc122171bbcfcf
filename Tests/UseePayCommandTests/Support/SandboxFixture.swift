import Foundation
import UseePay
import UseePaySandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A live sandbox on a free loopback port with an in-memory database, plus a client to arrange data,
/// and a private HOME/XDG tree so the command under test reads no real configuration.
final class SandboxFixture: Sendable {
    let server: SandboxServer
    let client: UseePayClient
    let home: String

    static func start(seed: UInt64? = nil) async throws -> SandboxFixture {
        var options = SandboxOptions()
        options.port = 0
        options.database = .inMemory
        options.seed = seed
        options.timeZone = TimeZone(identifier: "UTC")!
        let server = try await SandboxServer.start(options)
        let credentials = server.credentials
        let client = try UseePayClient(configuration: UseePayConfiguration(
            environment: .custom(server.baseURL), merchantNo: credentials.merchantNo, apiKey: APIKey(credentials.apiKey),
            appId: credentials.appId))
        let home = NSTemporaryDirectory() + "useepay-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return SandboxFixture(server: server, client: client, home: home)
    }

    private init(server: SandboxServer, client: UseePayClient, home: String) {
        self.server = server
        self.client = client
        self.home = home
    }

    func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Environment for the `useepay` binary: credentials of this sandbox, everything else private to the test.
    func environment(apiKey: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TZ": "UTC", "LANG": "C.UTF-8",
            "USEEPAY_BASE_URL": server.baseURL.absoluteString, "USEEPAY_MERCHANT_NO": server.credentials.merchantNo,
            "USEEPAY_APP_ID": server.credentials.appId, "USEEPAY_API_KEY": apiKey ?? server.credentials.apiKey,
        ]
        env.merge(extra) { $1 }
        return env
    }

    var journalPath: String { home + "/state/useepay/journal.jsonl" }

    /// A card payment confirmed now. With `manualCapture` it waits in requires_capture.
    func makePayment(_ amount: String, _ currency: String = "USD", manualCapture: Bool = true, customerName: String? = nil,
                     description: String? = nil, order: String = "order-" + UUID().uuidString.prefix(8).lowercased()) async throws -> PaymentIntent {
        let money = try Money.parse(amount, currency: CurrencyCode(currency))
        let card = CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")
        // The sandbox wants customers created first and referenced by id.
        var customerId: String?
        if let customerName {
            customerId = try await client.createCustomer(CustomerCreateParameters(
                merchantCustomerId: "m-" + UUID().uuidString.prefix(8).lowercased(), name: customerName, email: "buyer@example.com")).id
        }
        let parameters = PaymentIntentCreateParameters(
            amount: money.amount, currency: money.currency, merchantOrderId: order, customerId: customerId,
            paymentMethodData: PaymentMethodData(type: "card", card: card), confirm: true, autoCapture: !manualCapture,
            description: description)
        return try await client.createPaymentIntent(parameters)
    }

    /// Sets sandbox fault injection through its admin API (e.g. ["drop_after_commit_rate": 1]).
    func setFaults(_ fields: [String: Any]) async throws {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("__sandbox/faults"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: fields)
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "setting faults failed: \(response)"])
        }
    }
}

/// Runs `body` with a fresh sandbox and always stops it, also when an expectation throws.
func withSandbox(seed: UInt64? = nil, _ body: (SandboxFixture) async throws -> Void) async throws {
    let sandbox = try await SandboxFixture.start(seed: seed)
    do {
        try await body(sandbox)
    } catch {
        await sandbox.stop()
        throw error
    }
    await sandbox.stop()
}
