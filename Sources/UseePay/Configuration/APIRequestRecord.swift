import Foundation

/// One HTTP exchange (each retry is its own record), for the console's API log. Never holds secrets.
public struct APIRequestRecord: Sendable, Hashable, CustomStringConvertible {
    public var startedAt: Date
    public var method: String
    /// Path with query string, e.g. `/api/v1/payment_intents?page_num=0&page_size=20`.
    public var path: String
    /// nil when no response arrived.
    public var statusCode: Int?
    public var latency: Duration
    public var errorSummary: String?
    /// 1 for the first try, 2 for the first retry, ...
    public var attempt: Int
    /// Set when the server did not process the request (429, or 503 with Retry-After) and the client
    /// will send it again after this wait.
    public var retryingIn: Duration?

    public init(startedAt: Date, method: String, path: String, statusCode: Int?, latency: Duration,
                errorSummary: String?, attempt: Int = 1, retryingIn: Duration? = nil) {
        self.startedAt = startedAt; self.method = method; self.path = path; self.statusCode = statusCode
        self.latency = latency; self.errorSummary = errorSummary; self.attempt = attempt; self.retryingIn = retryingIn
    }

    /// What the person waiting is told, in the console and on stderr alike: "rate limited, retrying in 2 s".
    public var retryNotice: String? {
        guard let retryingIn else { return nil }
        let reason = statusCode == 429 ? "rate limited" : "server busy (\(statusCode.map(String.init) ?? "no answer"))"
        return "\(reason), retrying in \(Self.wholeSeconds(retryingIn)) s"
    }

    /// Seconds rounded up, so "0 s" is only said when there is no wait at all.
    static func wholeSeconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds + (parts.attoseconds > 0 ? 1 : 0)
    }

    public var description: String {
        let status = statusCode.map(String.init) ?? "—"
        return "\(method) \(path) -> \(status) in \(latency)" + (errorSummary.map { " (\($0))" } ?? "")
            + (retryNotice.map { " — \($0)" } ?? "")
    }
}
