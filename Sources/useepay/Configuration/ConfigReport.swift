import Foundation
import UseePay

/// The text of `useepay config`: every effective setting, where it came from, and the file paths. The key is redacted.
enum ConfigReport {
    static func render(_ settings: EffectiveSettings, fileExists: Bool) -> String {
        var rows: [(String, String, String)] = []
        func row(_ name: String, _ value: String, _ source: SettingSource?) {
            rows.append((name, value, source.map(\.description) ?? ""))
        }
        row("Profile", settings.profile?.value ?? "(none)", settings.profile?.source)
        row("Mode", settings.modeName, settings.endpoint.source)
        switch settings.endpoint.value {
        case .inProcessSandbox:
            row("Service", "in-process sandbox on a free loopback port", settings.endpoint.source)
        case .remote(let environment):
            row("Service", "\(environmentName(environment)) \(environment.baseURL.absoluteString)", settings.endpoint.source)
        }
        if settings.endpoint.value == .inProcessSandbox {
            row("Credentials", "supplied by the sandbox", .inProcessSandbox)
        } else {
            row("Merchant no", settings.merchantNo?.value ?? "(not set)", settings.merchantNo?.source)
            row("App id", settings.appId?.value ?? "(not set)", settings.appId?.source)
            switch settings.apiKey?.value {
            case .literal(let key)?: row("API key", key.redacted, settings.apiKey?.source)
            case .command(let command)?:
                row("API key", "from api_key_command `\(command)` (not run here)", settings.apiKey?.source)
            case nil: row("API key", "(not set)", nil)
            }
        }
        row("Read-only", settings.readOnly.value ? "yes" : "no", settings.readOnly.source)
        row("Refresh", settings.refreshSeconds.value == 0 ? "off" : "\(settings.refreshSeconds.value) s", settings.refreshSeconds.source)
        row("Time zone", settings.timeZone.value.identifier, settings.timeZone.source)
        row("Theme", settings.theme.value, settings.theme.source)
        row("Opens on", settings.startScreen.value, settings.startScreen.source)
        row("Auth days", String(settings.authorisationDays.value), settings.authorisationDays.source)
        let keys = settings.keyBindings.value.sorted { $0.key < $1.key }.map { action, keys in
            "\(action)=" + (keys.isEmpty ? "(unbound)" : keys.joined(separator: "|"))
        }
        row("Keys", keys.isEmpty ? "(defaults)" : keys.joined(separator: ", "), settings.keyBindings.source)
        switch settings.dashboard.value {
        case .template(let template): row("Dashboard", template, settings.dashboard.source)
        case .sandboxPages: row("Dashboard", "the sandbox's page per object (/__sandbox/dashboard/…)", settings.dashboard.source)
        case .merchantConsole(let url): row("Dashboard", "\(url.absoluteString) (home only; set dashboard_url for links to objects)", settings.dashboard.source)
        case .none: row("Dashboard", "(none; set dashboard_url)", settings.dashboard.source)
        }
        row("Log level", settings.logLevel.value.rawValue, settings.logLevel.source)

        let nameWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = min(48, rows.map(\.1.count).max() ?? 0)
        var lines = rows.map { name, value, source in
            let paddedName = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            if source.isEmpty { return "\(paddedName)  \(value)" }
            let paddedValue = value.count >= valueWidth ? value : value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
            return "\(paddedName)  \(paddedValue)  (\(source))"
        }
        lines.append("")
        lines.append("Files")
        var mode = ""
        if fileExists, let permissions = settings.configFile?.permissions {
            mode = ", mode " + String(permissions, radix: 8)
        }
        lines.append("  config file       \(settings.configPath) (\(fileExists ? "found" + mode : "not found"))")
        lines.append("  themes            \(settings.directories.themesDirectory)")
        lines.append("  log               \(settings.logFile.value)")
        lines.append("  action journal    \(settings.journalFile)")
        lines.append("  sandbox database  \(settings.sandboxDatabase)")
        if let profiles = settings.configFile?.profiles.keys.sorted(), !profiles.isEmpty {
            lines.append("")
            lines.append("Profiles in the config file: \(profiles.joined(separator: ", "))")
        }
        if !settings.notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: settings.notes.map { "Note: " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func environmentName(_ environment: UseePayEnvironment) -> String {
        switch environment {
        case .production: "production"
        case .sandbox: "sandbox (UseePay test environment)"
        case .custom: "custom"
        }
    }
}
