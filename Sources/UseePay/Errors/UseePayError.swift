import Foundation

/// How a request failed before an HTTP response arrived.
public enum TransportFailure: Sendable, Hashable, CustomStringConvertible {
    case timeout, connectionRefused, connectionReset, tls, dns
    case other(String)

    public var description: String {
        switch self {
        case .timeout: return "timed out"
        case .connectionRefused: return "connection refused"
        case .connectionReset: return "connection dropped"
        case .tls: return "TLS handshake failed"
        case .dns: return "host name not found"
        case .other(let s): return s
        }
    }
}

/// The one error type of the client. Its text never contains the API key.
public struct UseePayError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible, LocalizedError {
    public enum Kind: Sendable, Hashable {
        /// The API answered with an error body (400 and other 4xx), or a business failure in a 200.
        case api
        case authentication
        case notFound
        case rateLimited
        case server
        case transport
        /// The body was not the expected JSON (HTML error page, empty, truncated).
        case unexpectedBody
    }

    public var kind: Kind
    public var httpStatus: Int?
    public var code: String?
    public var message: String?
    public var source: String?
    public var retryAfter: Duration?
    public var transportFailure: TransportFailure?
    public var method: String
    public var path: String
    /// True when a POST was sent and no answer came back: the change may or may not have happened.
    public var outcomeUnclear: Bool
    /// A sanitised start of an unexpected body (≤200 characters).
    public var bodySnippet: String?
    /// False when the request cannot have reached the server (refused, DNS, TLS, connect timeout).
    public var requestMayHaveBeenSent: Bool = true

    public init(kind: Kind, httpStatus: Int? = nil, code: String? = nil, message: String? = nil, source: String? = nil,
                retryAfter: Duration? = nil, transportFailure: TransportFailure? = nil, method: String, path: String,
                outcomeUnclear: Bool = false, bodySnippet: String? = nil) {
        self.kind = kind; self.httpStatus = httpStatus; self.code = code; self.message = message; self.source = source
        self.retryAfter = retryAfter; self.transportFailure = transportFailure; self.method = method; self.path = path
        self.outcomeUnclear = outcomeUnclear; self.bodySnippet = bodySnippet
    }

    /// What the merchant can do next.
    public var recoverySuggestion: String {
        if outcomeUnclear {
            return "The request was sent but no answer came back, so it may have taken effect. Refresh the object and check before trying again."
        }
        switch kind {
        case .api:
            if let source { return "Correct the value of \"\(source)\" and try again." }
            return "Check the request details and the object's current state, then try again."
        case .authentication:
            return "Check the merchant number, app id and API key of this profile (and that it points at the right environment)."
        case .notFound:
            return "Check the id; the object may belong to another merchant or environment."
        case .rateLimited:
            if let retryAfter { return "Too many requests; wait \(Self.seconds(retryAfter)) and try again." }
            return "Too many requests; wait a moment and try again."
        case .server:
            return "UseePay had a problem; try again in a minute. If it persists, check UseePay's status page."
        case .transport:
            switch transportFailure {
            case .timeout?: return "The server did not answer in time; check the network and try again."
            case .connectionRefused?: return "Nothing is listening at the base URL; check the environment URL (is the sandbox running?)."
            case .dns?: return "Check the host name of the base URL and your DNS/network."
            case .tls?: return "Check the URL uses the right https host and that the system's certificates are current."
            default: return "Check the network connection and try again."
            }
        case .unexpectedBody:
            return "The server did not answer with UseePay JSON (a proxy or gateway page?). Try again later; if it persists, check the base URL."
        }
    }

    public var errorDescription: String? { description }

    public var description: String {
        var text: String
        let status = httpStatus.map { "HTTP \($0)" }
        switch kind {
        case .api: text = "UseePay rejected \(method) \(path)"
        case .authentication: text = "Authentication failed for \(method) \(path)"
        case .notFound: text = "Not found: \(method) \(path)"
        case .rateLimited: text = "Rate limited on \(method) \(path)"
        case .server: text = "UseePay server error on \(method) \(path)"
        case .transport: text = "\(method) \(path) failed: \(transportFailure?.description ?? "network error")"
        case .unexpectedBody: text = "\(method) \(path) returned a body that is not the expected JSON"
        }
        var details: [String] = []
        if let status { details.append(status) }
        if let code { details.append(code) }
        if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
        if let message, !message.isEmpty { text += ": \(message)" }
        if let source { text += " [field: \(source)]" }
        if let bodySnippet, !bodySnippet.isEmpty { text += " — body starts: \"\(bodySnippet)\"" }
        if outcomeUnclear { text += " — outcome unknown" }
        return text
    }

    public var debugDescription: String { "UseePayError(\(description))" }

    private static func seconds(_ d: Duration) -> String {
        let s = d.components.seconds + (d.components.attoseconds > 0 ? 1 : 0)
        return s == 1 ? "1 second" : "\(s) seconds"
    }
}

/// Makes server-provided text safe to show: no control characters, bounded length, no API key.
enum ErrorText {
    static func sanitise(_ text: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if count >= limit { out += "…"; break }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format
            if isControl || scalar == " " {
                if !lastWasSpace && !out.isEmpty { out += " "; count += 1 }
                lastWasSpace = true
                continue
            }
            out.unicodeScalars.append(scalar)
            count += 1
            lastWasSpace = false
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
