import Foundation

/// The fixed, documented credentials a fresh sandbox accepts. They are not secrets: the sandbox
/// never moves real money and anyone on this machine may read them from the README.
public struct SandboxCredentials: Sendable, Hashable {
    public var merchantNo: String
    public var appId: String
    public var apiKey: String

    public init(merchantNo: String, appId: String, apiKey: String) {
        self.merchantNo = merchantNo; self.appId = appId; self.apiKey = apiKey
    }

    public static let `default` = SandboxCredentials(
        merchantNo: "500000000000001",
        appId: "sandbox.useepay.local",
        apiKey: "UseePay_SK_sandbox_0000000000000000"
    )
}

public enum SandboxDatabaseLocation: Sendable, Hashable {
    /// SQLite file in WAL mode; data survives restarts.
    case file(String)
    /// Private in-memory database; gone when the server stops.
    case inMemory
}

public struct SandboxOptions: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; `SandboxServer.baseURL` tells which one.
    public var port: Int = 8787
    public var database: SandboxDatabaseLocation = .inMemory
    /// Number of payment intents to seed when the database is empty (first use). nil or 0 = no seeding.
    public var seed: UInt64?
    /// State of the seeding PRNG; the same value and `seed` always produce the same data.
    public var seedRandomState: UInt64 = 20_261_122
    /// Seeded payments spread over today and this many previous days (merchant time zone).
    public var seedDays: Int = 14
    public var merchantNo: String = SandboxCredentials.default.merchantNo
    public var appId: String = SandboxCredentials.default.appId
    public var apiKey: String = SandboxCredentials.default.apiKey
    /// Further merchants the sandbox accepts; each sees only its own objects.
    public var additionalMerchants: [SandboxCredentials] = []
    /// Serving on a non-loopback address needs this; the sandbox is a local tool.
    public var allowRemote: Bool = false
    public var timeZone: TimeZone = .current
    /// Adds hostile strings (escape sequences, control characters, OSC 52) to seeded data.
    public var hostileData: Bool = false
    public var faults: FaultOptions = .init()
    /// Waits before the 2nd, 3rd… delivery attempt of a webhook that did not get HTTP 200.
    public var webhookRetrySchedule: [Duration] = [.seconds(1), .seconds(5), .seconds(10), .seconds(30), .seconds(60)]
    /// Time a refund spends in `received` and again in `accepted`; also how long `pending` payments wait.
    public var refundSettleDelay: Duration = .seconds(2)
    /// How often the background worker looks for due refunds and webhook retries.
    public var workerInterval: Duration = .milliseconds(100)
    /// Timeout of one webhook delivery attempt.
    public var webhookTimeout: Duration = .seconds(5)
    /// Uncaptured authorisations are cancelled after this long (sandbox clock).
    public var authorizationLifetime: Duration = .seconds(7 * 24 * 3600)
    /// Value of the `api_version` header on webhook deliveries.
    public var webhookAPIVersion: String = "2025-11-06"
    /// Use this PEM (RSA-2048 private key) for webhook signatures instead of the stored or a new one.
    public var signingKeyPEM: String?

    /// What list answers carry (see `ListEnvelope`).
    public var listEnvelope: ListEnvelope = .both

    public init() {}

    public var credentials: SandboxCredentials {
        SandboxCredentials(merchantNo: merchantNo, appId: appId, apiKey: apiKey)
    }
}

/// The shape of list answers. The API reference documents `{"items": […], "has_more": bool}`; UseePay's
/// official PHP SDK reads `data`, `total`, `page` and `page_size`. `both` answers all of them so either
/// kind of client works; `documented` answers only the documented two, to prove a client needs no more.
public enum ListEnvelope: String, Sendable, CaseIterable {
    case both
    case documented
}

/// Fault injection for testing clients. Rates are probabilities between 0 and 1; faults never
/// change stored data except `dropAfterCommitRate`, which commits first and then hangs up.
public struct FaultOptions: Sendable, Hashable {
    /// Added to every API answer.
    public var latency: Duration = .zero
    /// Extra random latency between 0 and this value.
    public var latencyJitter: Duration = .zero
    public var rate500: Double = 0
    public var rate502HTML: Double = 0
    public var rate429: Double = 0
    /// Seconds in the Retry-After header of injected 429 answers.
    public var retryAfterSeconds: Int = 2
    /// For POSTs: commit the change, then close the connection without an answer.
    public var dropAfterCommitRate: Double = 0
    /// When non-zero, answers are written in small pieces with this pause between them.
    public var slowBodyChunkDelay: Duration = .zero

    public init() {}

    public var isEmpty: Bool { self == FaultOptions() }
}

public enum SandboxPaths {
    /// `$XDG_DATA_HOME/useepay/sandbox/sandbox.sqlite` (falls back to `~/.local/share`). The library
    /// reads no environment itself; the executable passes the values in.
    public static func defaultDatabasePath(xdgDataHome: String? = nil, home: String = NSHomeDirectory()) -> String {
        let base: String
        if let xdgDataHome, !xdgDataHome.isEmpty, xdgDataHome.hasPrefix("/") {
            base = xdgDataHome
        } else {
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("useepay/sandbox") as NSString).appendingPathComponent("sandbox.sqlite")
    }
}
