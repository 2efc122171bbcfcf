import ConsoleCore
import Foundation
import TOMLKit

/// One `[profiles.NAME]` table of config.toml, exactly as written (nothing resolved yet).
struct ProfileEntry: Sendable, Equatable {
    var environment: String?
    var baseURL: String?
    var merchantNo: String?
    var appId: String?
    var apiKeyEnv: String?
    var apiKeyCommand: String?
    var apiKey: String?
    var readOnly: Bool?
    var refreshSeconds: Int?
    var timeZone: String?
    var theme: String?
    /// The screen the console opens on: "payments" (the default) or "glance".
    var startScreen: String?
    /// Days an authorisation may wait for capture before the provider cancels it (UseePay documents none).
    var authorisationDays: Int?
    /// Browser address of one object, with `{id}` (and optionally `{resource}`) placeholders.
    var dashboardURL: String?
    /// Action name → keys. An empty list unbinds the action.
    var keys: [String: [String]] = [:]
}

/// The parsed config.toml plus the facts about the file that resolution needs (path, permission bits).
struct ConfigFile: Sendable, Equatable {
    var path: String
    /// Permission bits of the file (e.g. 0o600); nil when unknown.
    var permissions: UInt16?
    var defaultProfile: String?
    var profiles: [String: ProfileEntry]

    var isPrivate: Bool { (permissions ?? 0o600) & 0o077 == 0 }
}

struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
}

extension ConfigFile {
    static let profileKeys: Set<String> = [
        "environment", "base_url", "merchant_no", "app_id", "api_key_env", "api_key_command", "api_key",
        "read_only", "refresh", "time_zone", "theme", "keys", "dashboard_url", "start_screen", "authorisation_days",
    ]

    /// Parses config.toml text. Unknown keys are errors: a typo like `merchent_no` must not be silently ignored.
    static func parse(_ text: String, path: String, permissions: UInt16? = nil) throws -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigFileError(
                path: path,
                message: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        }
        var file = ConfigFile(path: path, permissions: permissions, defaultProfile: nil, profiles: [:])
        for key in table.keys {
            switch key {
            case "default_profile":
                file.defaultProfile = try string(table[key], key: key, path: path)
            case "profiles":
                guard let profiles = table[key]?.table else {
                    throw ConfigFileError(path: path, message: "`profiles` must be a table of [profiles.NAME] sections")
                }
                for name in profiles.keys {
                    guard let profile = profiles[name]?.table else {
                        throw ConfigFileError(path: path, message: "`profiles.\(name)` must be a table")
                    }
                    file.profiles[name] = try parseProfile(profile, name: name, path: path)
                }
            default:
                throw ConfigFileError(
                    path: path,
                    message: "unknown key `\(key)` (expected `default_profile` or [profiles.NAME] sections)")
            }
        }
        return file
    }

    private static func parseProfile(_ table: TOMLTable, name: String, path: String) throws -> ProfileEntry {
        var entry = ProfileEntry()
        for key in table.keys {
            let qualified = "profiles.\(name).\(key)"
            let value = table[key]
            switch key {
            case "environment": entry.environment = try string(value, key: qualified, path: path)
            case "base_url": entry.baseURL = try string(value, key: qualified, path: path)
            case "merchant_no": entry.merchantNo = try string(value, key: qualified, path: path)
            case "app_id": entry.appId = try string(value, key: qualified, path: path)
            case "api_key_env": entry.apiKeyEnv = try string(value, key: qualified, path: path)
            case "api_key_command": entry.apiKeyCommand = try string(value, key: qualified, path: path)
            case "api_key": entry.apiKey = try string(value, key: qualified, path: path)
            case "read_only":
                guard let flag = value?.bool else {
                    throw ConfigFileError(path: path, message: "`\(qualified)` must be true or false")
                }
                entry.readOnly = flag
            case "refresh":
                guard let seconds = value?.int, seconds >= 0 else {
                    throw ConfigFileError(path: path, message: "`\(qualified)` must be a whole number of seconds (0 turns refresh off)")
                }
                entry.refreshSeconds = seconds
            case "time_zone": entry.timeZone = try string(value, key: qualified, path: path)
            case "theme": entry.theme = try string(value, key: qualified, path: path)
            case "authorisation_days":
                guard let days = value?.int, (1...60).contains(days) else {
                    throw ConfigFileError(path: path, message: "`\(qualified)` must be a whole number of days from 1 to 60 (the sandbox cancels after 7)")
                }
                entry.authorisationDays = days
            case "start_screen":
                let screen = try string(value, key: qualified, path: path)
                guard ["payments", "glance"].contains(screen) else {
                    throw ConfigFileError(path: path, message: "`\(qualified)` must be \"payments\" or \"glance\"")
                }
                entry.startScreen = screen
            case "dashboard_url":
                let template = try string(value, key: qualified, path: path)
                if let problem = DashboardLinks.validateTemplate(template) {
                    throw ConfigFileError(
                        path: path,
                        message: "`\(qualified)` \(problem) (example: \"https://dashboard.example/payments/{id}\"; {resource} becomes payment_intents, customers, subscriptions or refunds)")
                }
                entry.dashboardURL = template
            case "keys":
                guard let keys = value?.table else {
                    throw ConfigFileError(path: path, message: "`\(qualified)` must be a table like `capture = \"C\"`")
                }
                for action in keys.keys {
                    let binding = keys[action]
                    if let single = binding?.string {
                        entry.keys[action] = single.isEmpty ? [] : [single]
                    } else if let list = binding?.array {
                        entry.keys[action] = try list.map { try string($0, key: "\(qualified).\(action)", path: path) }
                    } else {
                        throw ConfigFileError(
                            path: path, message: "`\(qualified).\(action)` must be a key, a list of keys, or \"\" to unbind")
                    }
                }
            default:
                throw ConfigFileError(
                    path: path,
                    message: "unknown key `\(qualified)` (known: \(profileKeys.sorted().joined(separator: ", ")))")
            }
        }
        return entry
    }

    private static func string(_ value: TOMLValueConvertible?, key: String, path: String) throws -> String {
        guard let text = value?.string else {
            throw ConfigFileError(path: path, message: "`\(key)` must be a string")
        }
        return text
    }

    /// Reads the file if it exists. A missing file is normal (env-only or --sandbox use); an unreadable one is an error.
    static func load(path: String) throws -> ConfigFile? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return nil }
        let attributes = try? manager.attributesOfItem(atPath: path)
        let permissions = (attributes?[.posixPermissions] as? NSNumber).map { UInt16(truncatingIfNeeded: $0.intValue) }
        guard let data = manager.contents(atPath: path) else {
            throw ConfigFileError(path: path, message: "cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(path: path, message: "is not UTF-8 text")
        }
        return try parse(text, path: path, permissions: permissions & 0o777)
    }
}

private func & (lhs: UInt16?, rhs: UInt16) -> UInt16? { lhs.map { $0 & rhs } }
