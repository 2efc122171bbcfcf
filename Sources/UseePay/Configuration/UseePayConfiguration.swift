import Foundation

public struct UseePayConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public var environment: UseePayEnvironment
    public var merchantNo: String
    public var apiKey: APIKey
    public var appId: String
    /// Sent as `x-api-version` only when set.
    public var apiVersion: String?
    public var connectTimeout: Duration
    public var readTimeout: Duration
    public var retry: RetryPolicy
    /// Largest response body accepted; bigger bodies are an error rather than a memory problem.
    public var maxResponseBytes: Int

    public init(environment: UseePayEnvironment, merchantNo: String, apiKey: APIKey, appId: String,
                apiVersion: String? = nil, connectTimeout: Duration = .seconds(6), readTimeout: Duration = .seconds(30),
                retry: RetryPolicy = .default, maxResponseBytes: Int = 16 * 1024 * 1024) {
        self.environment = environment; self.merchantNo = merchantNo; self.apiKey = apiKey; self.appId = appId
        self.apiVersion = apiVersion; self.connectTimeout = connectTimeout; self.readTimeout = readTimeout
        self.retry = retry; self.maxResponseBytes = maxResponseBytes
    }

    public enum ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
        case insecureRemoteURL(String)
        case unsupportedScheme(String)
        case missingHost(String)
        case missingField(String)
        case invalidHeaderValue(String)

        public var description: String {
            switch self {
            case .insecureRemoteURL(let url):
                return "\(url) uses plain http:// on a non-loopback host; use https:// (http:// is allowed only for 127.0.0.1/localhost)."
            case .unsupportedScheme(let url): return "\(url) is not an http(s) URL."
            case .missingHost(let url): return "\(url) has no host name."
            case .missingField(let name): return "The \(name) is missing; set it in the profile."
            case .invalidHeaderValue(let name): return "The \(name) contains line breaks or control characters."
            }
        }
    }

    /// Checks the base URL (https, or http on loopback only) and that credentials are present and header-safe.
    public func validate() throws {
        let url = environment.baseURL
        let shown = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw ValidationError.unsupportedScheme(shown)
        }
        guard let host = url.host, !host.isEmpty else { throw ValidationError.missingHost(shown) }
        if scheme == "http" && !LoopbackHost.isLoopback(host) { throw ValidationError.insecureRemoteURL(shown) }
        if merchantNo.isEmpty { throw ValidationError.missingField("merchant number") }
        if appId.isEmpty { throw ValidationError.missingField("app id") }
        if apiKey.isEmpty { throw ValidationError.missingField("API key") }
        for (name, value) in [("merchant number", merchantNo), ("app id", appId), ("API key", apiKey.headerValue),
                              ("API version", apiVersion ?? "")] where !Self.isHeaderSafe(value) {
            throw ValidationError.invalidHeaderValue(name)
        }
    }

    private static func isHeaderSafe(_ value: String) -> Bool {
        !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    public var description: String {
        "UseePayConfiguration(environment: \(environment), merchantNo: \(merchantNo), appId: \(appId), "
            + "apiKey: \(apiKey.redacted), apiVersion: \(apiVersion ?? "none"), connectTimeout: \(connectTimeout), "
            + "readTimeout: \(readTimeout), retry: \(retry))"
    }

    public var debugDescription: String { description }
}
