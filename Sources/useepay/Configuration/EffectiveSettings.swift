import ConsoleCore
import Foundation
import Logging
import UseePay

/// Which service the commands talk to.
enum ServiceEndpoint: Sendable, Equatable {
    case remote(UseePayEnvironment)
    /// `--sandbox`: an emulator started inside this process on a free loopback port.
    case inProcessSandbox

    var isLive: Bool {
        switch self {
        case .remote(let environment): environment.isLive
        case .inProcessSandbox: false
        }
    }
}

/// How to obtain the API key. A command is only run when a connection is actually opened, never by `useepay config`.
enum APIKeyOrigin: Sendable, Equatable {
    case literal(SecretKeyText)
    case command(String)
}

/// The key text as configured. Kept (rather than only `APIKey`) so the log sink can scrub it from any line;
/// every printable form is redacted.
struct SecretKeyText: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    fileprivate let text: String

    init(_ text: String) {
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var apiKey: APIKey { APIKey(text) }
    var redacted: String { apiKey.redacted }
    var description: String { redacted }
    var debugDescription: String { redacted }
    var customMirror: Mirror { Mirror(self, children: ["redacted": redacted]) }

    /// Registers the key with the log sink so no log line can ever contain it.
    func registerForRedaction(in log: LogFile) { log.redact(text) }
}

/// Where the console's dashboard links point. Resolved to `DashboardLinks` once the service's address is
/// known (the in-process sandbox picks its port at start).
enum DashboardSetting: Sendable, Equatable {
    /// The profile's `dashboard_url` template.
    case template(String)
    /// The local sandbox's own page per object (`/__sandbox/dashboard/…`).
    case sandboxPages
    /// UseePay's merchant console; it documents no address for one object, so only its home is linked.
    case merchantConsole(URL)
    /// A custom service without a template: no link.
    case none

    /// The links for a service reached at `baseURL`.
    func links(baseURL: URL) -> DashboardLinks {
        switch self {
        case .template(let template): return DashboardLinks(.template(template))
        case .sandboxPages:
            var base = baseURL.absoluteString
            while base.hasSuffix("/") { base.removeLast() }
            return DashboardLinks(.template(base + "/__sandbox/dashboard/{resource}/{id}"))
        case .merchantConsole(let url): return DashboardLinks(.home(url.absoluteString))
        case .none: return .none
        }
    }
}

/// Everything configuration resolution decided, each value with its source.
struct EffectiveSettings: Sendable {
    var directories: XDGDirectories
    var configPath: String
    var configFile: ConfigFile?
    var profile: Sourced<String>?
    var endpoint: Sourced<ServiceEndpoint>
    var merchantNo: Sourced<String>?
    var appId: Sourced<String>?
    var apiKey: Sourced<APIKeyOrigin>?
    var readOnly: Sourced<Bool>
    var refreshSeconds: Sourced<Int>
    var timeZone: Sourced<TimeZone>
    var theme: Sourced<String>
    /// "payments" or "glance".
    var startScreen: Sourced<String>
    /// How long an authorisation waits for capture before it expires (the glance groups by it).
    var authorisationDays: Sourced<Int>
    var keyBindings: Sourced<[String: [String]]>
    var dashboard: Sourced<DashboardSetting>
    var logFile: Sourced<String>
    var logLevel: Sourced<Logger.Level>
    var journalFile: String
    var sandboxDatabase: String
    /// Things worth telling the user, such as an environment variable overriding the config file.
    var notes: [String]

    var isLive: Bool { endpoint.value.isLive }
    var modeName: String { isLive ? "LIVE" : "SANDBOX" }
    /// The profile's name as the header shows it and the journal records it; runs without a config
    /// profile are "sandbox" (`--sandbox`) or "environment" (credentials from USEEPAY_* variables).
    var profileLabel: String { profile?.value ?? (endpoint.value == .inProcessSandbox ? "sandbox" : "environment") }
}
