import Foundation

/// Retries apply to GET requests only; a POST is never repeated by the library (it may move money).
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Total attempts including the first. 1 = no retries.
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// A server's Retry-After longer than this is not waited for; the error is returned instead.
    public var maxRetryAfter: Duration
    /// Random spread applied to each backoff, as a fraction (0.2 = ±20%).
    public var jitter: Double

    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(4),
                maxRetryAfter: Duration = .seconds(30), jitter: Double = 0.2) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.jitter = min(max(jitter, 0), 1)
    }

    public static let none = RetryPolicy(maxAttempts: 1)
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
        "RetryPolicy(maxAttempts: \(maxAttempts), initialBackoff: \(initialBackoff), maxBackoff: \(maxBackoff))"
    }
}
