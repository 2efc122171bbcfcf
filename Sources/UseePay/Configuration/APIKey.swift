import Foundation

/// The merchant's secret API key. Every way of printing it shows a redacted form.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Only for the `x-api-key` header.
    var headerValue: String { secret }

    public var isEmpty: Bool { secret.isEmpty }

    /// "UseePay_SK_…(redacted, 32 chars)": enough to tell keys apart by shape, never the secret.
    public var redacted: String {
        if secret.isEmpty { return "(empty)" }
        let prefix = secret.hasPrefix("UseePay_SK_") ? "UseePay_SK_" : ""
        return "\(prefix)…(redacted, \(secret.count) chars)"
    }

    public var description: String { redacted }
    public var debugDescription: String { "APIKey(\(redacted))" }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": redacted], displayStyle: .struct) }

    /// Replaces any occurrence of the secret in text that came from elsewhere (a server echoing it back).
    func scrub(_ text: String) -> String {
        guard secret.count >= 4 else { return text }
        return text.replacingOccurrences(of: secret, with: "[redacted]")
    }
}
