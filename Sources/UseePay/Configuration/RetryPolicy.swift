import Foundation

/// When the client sends a request again.
///
/// - A request the server says it did **not** process — 429 Too Many Requests, or 503 with `Retry-After` —
///   is sent again after the wait the server asks for (bounded), GET and POST alike: nothing happened on
///   the server, so sending it again cannot move money twice. While one request waits, every other request
///   of the same client waits too, so a bulk run paces itself instead of collecting more 429s.
/// - Other failures (5xx, dropped connections, timeouts) are retried for GETs only. A POST that may have
///   reached the server is never sent again by the library: its caller re-reads what happened.
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Total attempts including the first for GETs that failed other than by a rate limit. 1 = no retries.
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// A server's Retry-After longer than this is not waited for; the error is returned instead.
    public var maxRetryAfter: Duration
    /// Random spread applied to each backoff, as a fraction (0.2 = ±20%).
    public var jitter: Double
    /// How many times one request the server did not process (429, 503 with Retry-After) is sent again.
    public var rateLimitRetries: Int
    /// Most time one request spends waiting on rate limits in all; past it the 429 is returned.
    public var maxRateLimitWait: Duration

    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(4),
                maxRetryAfter: Duration = .seconds(30), jitter: Double = 0.2, rateLimitRetries: Int = 10,
                maxRateLimitWait: Duration = .seconds(120)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.jitter = min(max(jitter, 0), 1)
        self.rateLimitRetries = max(0, rateLimitRetries)
        self.maxRateLimitWait = maxRateLimitWait
    }

    /// Nothing is sent twice, not even after a 429.
    public static let none = RetryPolicy(maxAttempts: 1, rateLimitRetries: 0)
    public static let `default` = RetryPolicy()

    /// Backoff before retry number `retry` (1-based): initial * 2^(retry-1), capped, with jitter.
    func backoff(beforeRetry retry: Int, random: Double = Double.random(in: -1...1)) -> Duration {
        let exponent = min(max(retry - 1, 0), 20)
        var delay = initialBackoff * (1 << exponent)
        if delay > maxBackoff { delay = maxBackoff }
        let factor = 1 + jitter * random
        return delay * factor
    }

    public var description: String {
        "RetryPolicy(maxAttempts: \(maxAttempts), initialBackoff: \(initialBackoff), maxBackoff: \(maxBackoff), "
            + "rateLimitRetries: \(rateLimitRetries), maxRetryAfter: \(maxRetryAfter))"
    }
}
