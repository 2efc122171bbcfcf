import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

public struct SandboxStartError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The running sandbox: an HTTP server on loopback plus a background worker that settles refunds
/// and pending payments and delivers webhooks.
public final class SandboxServer: Sendable {
    public let baseURL: URL
    public let credentials: SandboxCredentials
    public let publicKeyPEM: String
    /// Written beside a file database; nil for in-memory sandboxes.
    public let publicKeyPath: String?
    /// What was seeded at start (nil when the database already held data or seeding was off).
    public let seedSummary: String?

    let engine: SandboxEngine
    private let serviceGroup: ServiceGroup
    private let serverTask: Task<Void, Never>
    private let workerTask: Task<Void, Never>
    private let delivery: WebhookDelivery

    private init(baseURL: URL, engine: SandboxEngine, publicKeyPath: String?, seedSummary: String?, serviceGroup: ServiceGroup,
                 serverTask: Task<Void, Never>, workerTask: Task<Void, Never>, delivery: WebhookDelivery) {
        self.baseURL = baseURL
        self.credentials = engine.options.credentials
        self.publicKeyPEM = engine.signer.publicKeyPEM
        self.publicKeyPath = publicKeyPath
        self.seedSummary = seedSummary
        self.engine = engine
        self.serviceGroup = serviceGroup
        self.serverTask = serverTask
        self.workerTask = workerTask
        self.delivery = delivery
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Opens the database (seeding it on first use), binds the listener and returns once it accepts connections.
    public static func start(_ options: SandboxOptions, logger: Logger = Logger(label: "useepay.sandbox")) async throws -> SandboxServer {
        guard options.allowRemote || isLoopback(options.host) else {
            throw SandboxStartError(description: "refusing to listen on \(options.host): the sandbox serves loopback only unless allowRemote (--allow-remote) is set")
        }
        guard (0...65_535).contains(options.port) else { throw SandboxStartError(description: "port \(options.port) is out of range") }
        let database = try SandboxDatabase.open(options.database)
        let offset = try await database.writer.read { db in Int64(try db.metaValue("clock_offset_ms") ?? "0") ?? 0 }
        let clock = SandboxClock(offsetMilliseconds: offset)
        let signer = try WebhookSigner.loadOrCreate(in: database.writer, location: options.database, override: options.signingKeyPEM)
        var publicKeyPath: String?
        if case .file(let path) = options.database {
            let keyPath = path + ".webhook-public-key.pem"
            try signer.publicKeyPEM.write(toFile: keyPath, atomically: true, encoding: .utf8)
            publicKeyPath = keyPath
        }
        let activity = BackgroundActivity()
        let delivery = WebhookDelivery(writer: database.writer, clock: clock, signer: signer, options: options, logger: logger,
                                       activity: activity)
        let engine = SandboxEngine(database: database, clock: clock, options: options, signer: signer, logger: logger,
                                   webhookDelivery: delivery, activity: activity)

        var seedSummary: String?
        if let count = options.seed, count > 0 {
            let isEmpty = try await database.writer.read { db in
                try db.metaValue("seeded") == nil && !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM payment_intents)") ?? false)
            }
            if isEmpty {
                let summary = try await engine.seed(SeedPlan(paymentIntents: Int(clamping: count), days: options.seedDays,
                                                             randomState: options.seedRandomState, hostileData: options.hostileData))
                seedSummary = SandboxJSON.object(summary.json).serialized()
            }
        }

        let bound = BoundAddressSignal()
        let app = Application(
            responder: SandboxResponder(engine: engine),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "useepay-sandbox"),
            onServerRunning: { channel in bound.resolve(.success(channel.localAddress?.port ?? options.port)) },
            logger: logger)
        let serviceGroup = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let serverTask = Task {
            do { try await serviceGroup.run() } catch {
                bound.resolve(.failure(SandboxStartError(description: "the sandbox could not listen on \(options.host):\(options.port): \(error)")))
            }
            bound.resolve(.failure(SandboxStartError(description: "the sandbox server stopped before it was listening")))
        }
        let port: Int
        do { port = try await bound.wait() } catch {
            await delivery.shutdown()
            throw error
        }
        let hostForURL = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        let baseURL = URL(string: "http://\(hostForURL):\(port)")!
        engine.setBaseURL(baseURL)

        let interval = options.workerInterval
        let workerTask = Task.detached {
            while !Task.isCancelled {
                do {
                    try await engine.settleDue()
                    try await delivery.startDueDeliveries()
                } catch is CancellationError {
                    break
                } catch {
                    logger.warning("sandbox background work failed", metadata: ["error": "\(error)"])
                }
                activity.changed()
                try? await Task.sleep(for: interval)
            }
        }
        return SandboxServer(baseURL: baseURL, engine: engine, publicKeyPath: publicKeyPath, seedSummary: seedSummary,
                             serviceGroup: serviceGroup, serverTask: serverTask, workerTask: workerTask, delivery: delivery)
    }

    /// Waits until nothing is due on the sandbox clock and no webhook delivery is pending or in
    /// flight (settled refunds, delivered or given-up webhooks). False if `timeout` passes first.
    public func waitUntilIdle(timeout: Duration = .seconds(10)) async throws -> Bool {
        try await engine.waitUntilIdle(timeout: timeout)
    }

    /// Stops accepting connections, finishes in-flight requests, stops the worker and closes the database.
    public func stop() async {
        workerTask.cancel()
        await workerTask.value
        await serviceGroup.triggerGracefulShutdown()
        await serverTask.value
        await delivery.shutdown()
    }
}

/// Hands the bound port (or the start failure) from the server task to `start`.
private final class BoundAddressSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Int, any Error>?
    private var waiter: CheckedContinuation<Int, any Error>?

    func resolve(_ value: Result<Int, any Error>) {
        let continuation: CheckedContinuation<Int, any Error>? = lock.withLock {
            guard result == nil else { return nil }
            result = value
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume(with: value)
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Int, any Error>? = lock.withLock {
                if let result { return result }
                waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
