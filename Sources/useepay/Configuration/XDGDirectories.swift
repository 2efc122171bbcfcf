import Foundation

/// Where useepay keeps its files, following the XDG base directory rules.
/// Built from an environment dictionary so tests can point everything at a temporary directory.
struct XDGDirectories: Sendable, Equatable {
    var configHome: String
    var stateHome: String
    var dataHome: String

    init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        // The spec says relative values are invalid and must be ignored.
        func base(_ name: String, fallback: String) -> String {
            if let value = environment[name], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        configHome = base("XDG_CONFIG_HOME", fallback: ".config")
        stateHome = base("XDG_STATE_HOME", fallback: ".local/state")
        dataHome = base("XDG_DATA_HOME", fallback: ".local/share")
    }

    var configDirectory: String { configHome + "/useepay" }
    var configFile: String { configDirectory + "/config.toml" }
    var themesDirectory: String { configDirectory + "/themes" }
    var stateDirectory: String { stateHome + "/useepay" }
    var defaultLogFile: String { stateDirectory + "/useepay.log" }
    var sandboxDirectory: String { dataHome + "/useepay/sandbox" }

    /// The journal sits beside the log so one directory holds everything needed to reconstruct what happened.
    static func journalFile(besideLogFile logFile: String) -> String {
        (logFile as NSString).deletingLastPathComponent + "/journal.jsonl"
    }
}
