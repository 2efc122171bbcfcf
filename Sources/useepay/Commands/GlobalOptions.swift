import ArgumentParser
import Foundation

/// Options every subcommand shares. The API key is deliberately not among them: command lines are visible in `ps`.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Profile from config.toml to use (default: USEEPAY_PROFILE, then default_profile).")
    var profile: String?

    @Flag(help: "Use the built-in sandbox in this process, with its database under $XDG_DATA_HOME/useepay/sandbox (seeded on first use).")
    var sandbox = false

    @Flag(help: "Refuse every money-moving action (capture, cancel, refund, subscription cancel).")
    var readOnly = false

    @Option(help: ArgumentHelp("Log file (default: $XDG_STATE_HOME/useepay/useepay.log).", valueName: "path"))
    var logFile: String?

    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
    var logLevel: String?

    func flags(theme: String? = nil, refreshSeconds: Int? = nil) -> GlobalFlags {
        GlobalFlags(profile: profile, sandbox: sandbox, readOnly: readOnly, theme: theme, refreshSeconds: refreshSeconds,
                    logFile: logFile, logLevel: logLevel)
    }

    /// Reads the environment and the config file, then resolves. The only place besides the console that touches them.
    func loadSettings(theme: String? = nil, refreshSeconds: Int? = nil) throws(CommandFailure) -> EffectiveSettings {
        try SettingsLoader.load(flags: flags(theme: theme, refreshSeconds: refreshSeconds))
    }
}

/// The executable's single entry to process environment and config file.
enum SettingsLoader {
    static func load(flags: GlobalFlags, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CommandFailure) -> EffectiveSettings
    {
        let path = XDGDirectories(environment: environment).configFile
        let file: ConfigFile?
        do {
            file = try ConfigFile.load(path: path)
        } catch let error as ConfigFileError {
            throw CommandFailure(.configuration, error.description)
        } catch {
            throw CommandFailure(.configuration, "\(path): \(error)")
        }
        return try ConfigurationResolver.resolve(environment: environment, configFile: file, flags: flags)
    }
}
