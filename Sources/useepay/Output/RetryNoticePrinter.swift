import Foundation
import UseePay

/// Scripts are told on stderr when the client waits before sending a request again (the server answered
/// 429, or 503 with Retry-After, so nothing happened yet): "useepay: rate limited, retrying in 2 s (POST …)".
/// stdout stays data only.
enum RetryNoticePrinter {
    static let observer: @Sendable (APIRequestRecord) -> Void = { record in
        guard let notice = record.retryNotice else { return }
        FileHandle.standardError.write(Data("useepay: \(notice) (\(record.method) \(record.path))\n".utf8))
    }
}
