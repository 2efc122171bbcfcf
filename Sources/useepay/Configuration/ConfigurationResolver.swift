import Foundation
import Logging
import UseePay

/// Turns (environment variables, config file, command-line flags) into effective settings.
/// Pure: no file or environment access happens here, so every precedence rule is unit-testable.
enum ConfigurationResolver {
    static let defaultRefreshSeconds = 15

    static func resolve(
        environment: [String: String], configFile: ConfigFile?, flags: GlobalFlags
    ) throws(CommandFailure) -> EffectiveSettings {
        let directories = XDGDirectories(environment: environment)
        let configPath = configFile?.path ?? directories.configFile
        var notes: [String] = []
        func env(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            else { return nil }
            return value
        }

        // Profile.
        let profile = try selectProfile(flags: flags, environmentProfile: env("USEEPAY_PROFILE"), file: configFile)
        let entry = profile.flatMap { configFile?.profiles[$0.value] } ?? ProfileEntry()
        let fromProfile: SettingSource? = profile.map { .profile(name: $0.value, path: configPath) }
        func profileValue<T>(_ value: T?) -> Sourced<T>? {
            guard let value, let fromProfile else { return nil }
            return Sourced(value, fromProfile)
        }
        func noteOverride(_ variable: String, _ what: String, fileHas: Bool) {
            if fileHas, let profile {
                notes.append("\(variable) overrides the \(what) of profile \"\(profile.value)\"")
            }
        }

        // Endpoint: --sandbox beats everything; then base URLs beat environment names; env beats file.
        let endpoint: Sourced<ServiceEndpoint>
        if flags.sandbox {
            endpoint = Sourced(.inProcessSandbox, .commandLine("--sandbox"))
        } else if let url = env("USEEPAY_BASE_URL") {
            noteOverride("USEEPAY_BASE_URL", "service address", fileHas: entry.baseURL != nil || entry.environment != nil)
            endpoint = Sourced(.remote(.custom(try parseBaseURL(url, origin: "USEEPAY_BASE_URL"))), .environment("USEEPAY_BASE_URL"))
        } else if let name = env("USEEPAY_ENV") {
            noteOverride("USEEPAY_ENV", "environment", fileHas: entry.baseURL != nil || entry.environment != nil)
            endpoint = Sourced(.remote(try parseEnvironmentName(name, origin: "USEEPAY_ENV")), .environment("USEEPAY_ENV"))
        } else if let url = profileValue(entry.baseURL) {
            if entry.environment != nil {
                throw CommandFailure(.configuration, "\(configPath): profile \"\(profile!.value)\" sets both `environment` and `base_url`; keep one")
            }
            endpoint = Sourced(.remote(.custom(try parseBaseURL(url.value, origin: "base_url in \(configPath)"))), url.source)
        } else if let name = profileValue(entry.environment) {
            endpoint = Sourced(.remote(try parseEnvironmentName(name.value, origin: "environment in \(configPath)")), name.source)
        } else {
            // Test mode unless a profile explicitly says production: live is never an accident.
            endpoint = Sourced(.remote(.sandbox), .builtInDefault)
        }

        // Credentials. With --sandbox the emulator supplies its own; a real key is never sent to it.
        var merchantNo: Sourced<String>?
        var appId: Sourced<String>?
        var apiKey: Sourced<APIKeyOrigin>?
        if !flags.sandbox {
            if let value = env("USEEPAY_MERCHANT_NO") {
                noteOverride("USEEPAY_MERCHANT_NO", "merchant number", fileHas: entry.merchantNo != nil)
                merchantNo = Sourced(value, .environment("USEEPAY_MERCHANT_NO"))
            } else {
                merchantNo = profileValue(entry.merchantNo)
            }
            if let value = env("USEEPAY_APP_ID") {
                noteOverride("USEEPAY_APP_ID", "app id", fileHas: entry.appId != nil)
                appId = Sourced(value, .environment("USEEPAY_APP_ID"))
            } else {
                appId = profileValue(entry.appId)
            }
            apiKey = try resolveAPIKey(
                environment: environment, env: env, entry: entry, profileName: profile?.value, configFile: configFile,
                configPath: configPath, notes: &notes)
        }

        let readOnly: Sourced<Bool> =
            flags.readOnly
            ? Sourced(true, .commandLine("--read-only"))
            : profileValue(entry.readOnly) ?? Sourced(false, .builtInDefault)

        let refresh: Sourced<Int> =
            flags.refreshSeconds.map { Sourced($0, .commandLine("--refresh")) }
            ?? profileValue(entry.refreshSeconds) ?? Sourced(defaultRefreshSeconds, .builtInDefault)

        let timeZone: Sourced<TimeZone>
        if let name = profileValue(entry.timeZone) {
            guard let zone = TimeZone(identifier: name.value) else {
                throw CommandFailure(.configuration, "\(configPath): unknown time_zone \"\(name.value)\" (use an IANA name like Asia/Seoul)")
            }
            timeZone = Sourced(zone, name.source)
        } else if let name = env("TZ"), let zone = TimeZone(identifier: name.hasPrefix(":") ? String(name.dropFirst()) : name) {
            timeZone = Sourced(zone, .environment("TZ"))
        } else {
            timeZone = Sourced(TimeZone.current, .system)
        }

        let theme: Sourced<String> =
            flags.theme.map { Sourced($0, .commandLine("--theme")) }
            ?? profileValue(entry.theme) ?? Sourced("default", .builtInDefault)

        let startScreen: Sourced<String> =
            env("USEEPAY_START_SCREEN").flatMap { ["payments", "glance"].contains($0) ? Sourced($0, .environment("USEEPAY_START_SCREEN")) : nil }
            ?? profileValue(entry.startScreen) ?? Sourced("payments", .builtInDefault)

        let authorisationDays = profileValue(entry.authorisationDays) ?? Sourced(7, .builtInDefault)

        let dashboard: Sourced<DashboardSetting>
        if let template = profileValue(entry.dashboardURL) {
            dashboard = Sourced(.template(template.value), template.source)
        } else {
            switch endpoint.value {
            case .inProcessSandbox:
                dashboard = Sourced(.sandboxPages, .inProcessSandbox)
            case .remote(let environment):
                if let console = environment.merchantConsoleURL {
                    dashboard = Sourced(.merchantConsole(console), .builtInDefault)
                } else if environment.isLoopback {
                    // A plain loopback address is the local emulator (`useepay sandbox serve`).
                    dashboard = Sourced(.sandboxPages, .builtInDefault)
                } else {
                    dashboard = Sourced(.none, .builtInDefault)
                }
            }
        }

        let logFile: Sourced<String> =
            flags.logFile.map { Sourced($0, .commandLine("--log-file")) }
            ?? Sourced(directories.defaultLogFile, .builtInDefault)
        let logLevel: Sourced<Logger.Level>
        if let text = flags.logLevel {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw CommandFailure(.usage, "--log-level must be one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            logLevel = Sourced(level, .commandLine("--log-level"))
        } else {
            logLevel = Sourced(.info, .builtInDefault)
        }

        return EffectiveSettings(
            directories: directories, configPath: configPath, configFile: configFile, profile: profile,
            endpoint: endpoint, merchantNo: merchantNo, appId: appId, apiKey: apiKey, readOnly: readOnly,
            refreshSeconds: refresh, timeZone: timeZone, theme: theme, startScreen: startScreen,
            authorisationDays: authorisationDays,
            keyBindings: profileValue(entry.keys.isEmpty ? nil : entry.keys) ?? Sourced([:], .builtInDefault),
            dashboard: dashboard,
            logFile: logFile, logLevel: logLevel,
            journalFile: XDGDirectories.journalFile(besideLogFile: logFile.value),
            sandboxDatabase: directories.sandboxDirectory + "/sandbox.sqlite", notes: notes)
    }

    private static func selectProfile(
        flags: GlobalFlags, environmentProfile: String?, file: ConfigFile?
    ) throws(CommandFailure) -> Sourced<String>? {
        let names = file?.profiles.keys.sorted() ?? []
        func require(_ name: String, _ source: SettingSource) throws(CommandFailure) -> Sourced<String> {
            guard names.contains(name) else {
                let known = names.isEmpty ? "it has no profiles" : "profiles: \(names.joined(separator: ", "))"
                let path = file?.path ?? "the config file (not found)"
                throw CommandFailure(.configuration, "profile \"\(name)\" (from \(source)) is not in \(path); \(known)")
            }
            return Sourced(name, source)
        }
        if let name = flags.profile { return try require(name, .commandLine("--profile")) }
        if let name = environmentProfile { return try require(name, .environment("USEEPAY_PROFILE")) }
        guard let file else { return nil }
        if let name = file.defaultProfile { return try require(name, .profile(name: name, path: file.path)) }
        if names.contains("default") { return Sourced("default", .profile(name: "default", path: file.path)) }
        if names.count == 1 { return Sourced(names[0], .profile(name: names[0], path: file.path)) }
        return nil
    }

    private static func resolveAPIKey(
        environment: [String: String], env: (String) -> String?, entry: ProfileEntry, profileName: String?,
        configFile: ConfigFile?, configPath: String, notes: inout [String]
    ) throws(CommandFailure) -> Sourced<APIKeyOrigin>? {
        let fileSources = [entry.apiKeyEnv, entry.apiKeyCommand, entry.apiKey].compactMap { $0 }
        if fileSources.count > 1, let profileName {
            throw CommandFailure(
                .configuration,
                "\(configPath): profile \"\(profileName)\" sets more than one of api_key_env, api_key_command, api_key; keep one")
        }
        if let key = env("USEEPAY_API_KEY") {
            if !fileSources.isEmpty, let profileName {
                notes.append("USEEPAY_API_KEY overrides the API key of profile \"\(profileName)\"")
            }
            return Sourced(.literal(SecretKeyText(key)), .environment("USEEPAY_API_KEY"))
        }
        guard let profileName else { return nil }
        let source = SettingSource.profile(name: profileName, path: configPath)
        if let variable = entry.apiKeyEnv {
            guard let key = env(variable) else {
                throw CommandFailure(
                    .configuration,
                    "profile \"\(profileName)\" takes its API key from the environment variable \(variable), which is not set")
            }
            return Sourced(.literal(SecretKeyText(key)), .environment(variable))
        }
        if let command = entry.apiKeyCommand {
            return Sourced(.command(command), source)
        }
        if let key = entry.apiKey {
            // A key in a file others can read is a leaked key; refuse and say exactly how to fix it.
            if let configFile, !configFile.isPrivate {
                let mode = String(configFile.permissions ?? 0, radix: 8)
                throw CommandFailure(
                    .configuration,
                    """
                    refusing to use the api_key in \(configPath): the file is readable by other users (mode \(mode)).
                    Fix it with:
                      chmod 600 \(shellQuoted(configPath))
                    or move the key out of the file (api_key_env or api_key_command).
                    """)
            }
            return Sourced(.literal(SecretKeyText(key)), source)
        }
        return nil
    }

    static func parseEnvironmentName(_ name: String, origin: String) throws(CommandFailure) -> UseePayEnvironment {
        switch name.lowercased() {
        case "production", "live", "prod": return .production
        case "sandbox", "test", "uat": return .sandbox
        default:
            throw CommandFailure(.configuration, "\(origin): unknown environment \"\(name)\" (use production or sandbox)")
        }
    }

    static func parseBaseURL(_ text: String, origin: String) throws(CommandFailure) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw CommandFailure(.configuration, "\(origin): \"\(text)\" is not an http(s) URL")
        }
        return url
    }

    static func shellQuoted(_ path: String) -> String {
        let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
        return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
