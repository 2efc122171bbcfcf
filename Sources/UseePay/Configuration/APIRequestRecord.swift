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

    public init(startedAt: Date, method: String, path: String, statusCode: Int?, latency: Duration,
                errorSummary: String?, attempt: Int = 1) {
        self.startedAt = startedAt; self.method = method; self.path = path; self.statusCode = statusCode
        self.latency = latency; self.errorSummary = errorSummary; self.attempt = attempt
    }

    public var description: String {
        let status = statusCode.map(String.init) ?? "—"
        return "\(method) \(path) -> \(status) in \(latency)" + (errorSummary.map { " (\($0))" } ?? "")
    }
}
