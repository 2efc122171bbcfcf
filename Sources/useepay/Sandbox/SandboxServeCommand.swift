import ArgumentParser
import Dispatch
import Foundation
import UseePaySandbox

/// `useepay sandbox serve`: runs the local UseePay emulator until Ctrl-C.
public struct SandboxServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the local UseePay sandbox (a stateful emulator of the UseePay API; never moves real money).")

    @Option(help: "Address to listen on. Only loopback unless --allow-remote.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free one.") var port = 8787
    @Option(help: "SQLite database file (default: $XDG_DATA_HOME/useepay/sandbox/sandbox.sqlite).") var db: String?
    @Flag(help: "Keep all data in memory; nothing survives a restart.") var inMemory = false
    @Option(help: "Payment intents to seed when the database is empty (0 = none).") var seed: UInt64 = 400
    @Option(help: "Seeded payments spread over today and this many previous days.") var seedDays = 14
    @Option(help: "State of the seeding random generator (same value, same data).") var seedRandom: UInt64 = 20_261_122
    @Option(help: "IANA time zone that decides what 'today' is for seeded data (default: the system's).") var timeZone: String?
    @Option(help: "Merchant number the sandbox accepts.") var merchantNo = SandboxCredentials.default.merchantNo
    @Option(help: "App id the sandbox accepts.") var appId = SandboxCredentials.default.appId
    @Option(help: "API key the sandbox accepts (a sandbox-only value; never use a live key).") var apiKey = SandboxCredentials.default.apiKey
    @Flag(help: "Allow listening on a non-loopback address.") var allowRemote = false
    @Flag(help: "Seed hostile strings (escape sequences, control characters, OSC 52).") var hostileData = false
    @Option(help: "Seconds a refund stays received and then accepted (also how long pending payments wait).") var settleSeconds: Double = 2
    @Option(help: "Comma-separated webhook retry delays in seconds.") var webhookRetries = "1,5,10,30,60"
    @Option(help: "List answers: 'both' (documented items/has_more plus the official SDK's data/total/page/page_size) or 'documented' (items and has_more only).")
    var listEnvelope = ListEnvelope.both.rawValue
    @Option(help: "Fault: fixed latency added to every API answer (ms).") var latencyMs = 0
    @Option(help: "Fault: extra random latency up to this many ms.") var latencyJitterMs = 0
    @Option(name: .customLong("fault-rate-500"), help: "Fault: share of API calls answered 500 (0...1).") var faultRate500: Double = 0
    @Option(name: .customLong("fault-rate-502"), help: "Fault: share of API calls answered 502 with an HTML page (0...1).") var faultRate502: Double = 0
    @Option(name: .customLong("fault-rate-429"), help: "Fault: share of API calls answered 429 with Retry-After (0...1).") var faultRate429: Double = 0
    @Option(help: "Fault: Retry-After seconds on injected 429s.") var retryAfter = 2
    @Option(help: "Fault: share of changing calls whose connection drops after the change is committed (0...1).") var faultDropAfterCommit: Double = 0
    @Option(help: "Fault: pause between 64-byte pieces of every answer (ms).") var slowBodyMs = 0

    public init() {}

    public func validate() throws {
        for (name, rate) in [("--fault-rate-500", faultRate500), ("--fault-rate-502", faultRate502), ("--fault-rate-429", faultRate429),
                             ("--fault-drop-after-commit", faultDropAfterCommit)] where !(0...1).contains(rate) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
        if db != nil && inMemory { throw ValidationError("use either --db or --in-memory, not both") }
        if let timeZone, TimeZone(identifier: timeZone) == nil { throw ValidationError("unknown time zone \(timeZone)") }
        if ListEnvelope(rawValue: listEnvelope) == nil {
            throw ValidationError("--list-envelope must be \(ListEnvelope.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        if settleSeconds < 0 { throw ValidationError("--settle-seconds must not be negative") }
        _ = try retrySchedule()
    }

    private func retrySchedule() throws -> [Duration] {
        try webhookRetries.split(separator: ",").map { part in
            guard let seconds = Double(part.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw ValidationError("--webhook-retries must be comma-separated seconds, e.g. 1,5,10")
            }
            return .milliseconds(Int64(seconds * 1000))
        }
    }

    func makeOptions(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SandboxOptions {
        var options = SandboxOptions()
        options.host = host
        options.port = port
        if inMemory {
            options.database = .inMemory
        } else {
            options.database = .file(db ?? SandboxPaths.defaultDatabasePath(xdgDataHome: environment["XDG_DATA_HOME"],
                                                                             home: environment["HOME"] ?? NSHomeDirectory()))
        }
        options.seed = seed
        options.seedDays = seedDays
        options.seedRandomState = seedRandom
        if let timeZone, let zone = TimeZone(identifier: timeZone) { options.timeZone = zone }
        options.merchantNo = merchantNo
        options.appId = appId
        options.apiKey = apiKey
        options.allowRemote = allowRemote
        options.hostileData = hostileData
        options.refundSettleDelay = .milliseconds(Int64(settleSeconds * 1000))
        options.webhookRetrySchedule = try retrySchedule()
        options.listEnvelope = ListEnvelope(rawValue: listEnvelope) ?? .both
        var faults = FaultOptions()
        faults.latency = .milliseconds(latencyMs)
        faults.latencyJitter = .milliseconds(latencyJitterMs)
        faults.rate500 = faultRate500
        faults.rate502HTML = faultRate502
        faults.rate429 = faultRate429
        faults.retryAfterSeconds = retryAfter
        faults.dropAfterCommitRate = faultDropAfterCommit
        faults.slowBodyChunkDelay = .milliseconds(slowBodyMs)
        options.faults = faults
        return options
    }

    public func run() async throws {
        let options = try makeOptions()
        let server: SandboxServer
        do { server = try await SandboxServer.start(options) } catch {
            throw ValidationError("\(error)")
        }
        print(Self.banner(server: server, options: options))
        if let summary = server.seedSummary { print("Seeded a new database: \(summary)") }
        // Scripts read the base URL from a pipe; do not leave it sitting in a buffer.
        fflush(nil)
        await Self.waitForTerminationSignal()
        print("Stopping the sandbox…")
        await server.stop()
        print("Stopped. Data is kept in the database file unless --in-memory was used.")
    }

    static func banner(server: SandboxServer, options: SandboxOptions) -> String {
        let database: String
        switch options.database {
        case .inMemory: database = "in memory (lost when stopped)"
        case .file(let path): database = path
        }
        return """
        UseePay SANDBOX — a local emulator; it never talks to UseePay and never moves real money.
          Base URL:        \(server.baseURL.absoluteString)
          x-merchant-no:   \(server.credentials.merchantNo)
          x-app-id:        \(server.credentials.appId)
          x-api-key:       \(server.credentials.apiKey)   (sandbox-only credential)
          Database:        \(database)
          Webhook key:     \(server.publicKeyPath ?? "GET \(server.baseURL.absoluteString)/__sandbox/public-key")
          Admin API:       \(server.baseURL.absoluteString)/__sandbox/
        Press Ctrl-C to stop.
        """
    }

    /// Suspends until SIGINT or SIGTERM.
    static func waitForTerminationSignal() async {
        let sources = SignalSources()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            sources.install(signals: [SIGINT, SIGTERM]) { continuation.resume() }
        }
        sources.cancel()
    }
}

/// Keeps DispatchSource signal handlers alive and resumes the waiter exactly once.
private final class SignalSources: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var fired = false

    func install(signals: [Int32], onSignal: @escaping @Sendable () -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let first = lock.withLock { () -> Bool in
                    defer { fired = true }
                    return !fired
                }
                if first { onSignal() }
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    func cancel() {
        lock.withLock {
            for source in sources { source.cancel() }
            sources.removeAll()
        }
    }
}
