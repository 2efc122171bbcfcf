import Foundation

public enum UseePayEnvironment: Sendable, Hashable, CustomStringConvertible {
    case production
    case sandbox
    /// Any base URL, e.g. the local sandbox emulator. Plain `http://` is allowed only for loopback hosts.
    case custom(URL)

    public var baseURL: URL {
        switch self {
        case .production: return URL(string: "https://openapi.useepay.com")!
        case .sandbox: return URL(string: "https://openapi1.uat.useepay.com")!
        case .custom(let url): return url
        }
    }

    /// UseePay's web merchant console (MC) for this environment (SPEC §1); nil for a custom base URL,
    /// whose dashboard, if any, only its operator knows.
    public var merchantConsoleURL: URL? {
        switch self {
        case .production: return URL(string: "https://mc.useepay.com")!
        case .sandbox: return URL(string: "https://mc1.uat.useepay.com")!
        case .custom: return nil
        }
    }

    /// True when the base URL's host is on this machine (localhost, 127.0.0.0/8, ::1): the local sandbox.
    public var isLoopback: Bool { baseURL.host.map(LoopbackHost.isLoopback) ?? false }

    /// True only for production: real money moves.
    public var isLive: Bool { self == .production }

    public var description: String {
        switch self {
        case .production: return "production"
        case .sandbox: return "sandbox"
        case .custom(let url): return "custom(\(url.absoluteString))"
        }
    }
}

enum LoopbackHost {
    /// localhost, 127.0.0.0/8 and ::1.
    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts[0] == "127", parts.allSatisfy({ UInt8($0) != nil }) { return true }
        return false
    }
}
