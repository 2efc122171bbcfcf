import Foundation

/// One profile of `config.toml` as `:ctx` lists it. Carries no credentials: the executable reads the
/// key only when the profile is opened.
public struct ProfileDescription: Sendable, Hashable {
    public var name: String
    public var mode: ConsoleMode
    public var readOnly: Bool
    /// The merchant number (an account number, not a secret), or nil when the profile does not set one.
    public var merchantNo: String?

    public init(name: String, mode: ConsoleMode, readOnly: Bool, merchantNo: String?) {
        self.name = name; self.mode = mode; self.readOnly = readOnly; self.merchantNo = merchantNo
    }
}

/// What the console needs to know about a freshly opened profile to start over on it.
public struct ProfileSettings: Sendable, Equatable {
    public var name: String
    public var mode: ConsoleMode
    public var readOnly: Bool
    public var merchantTimeZone: TimeZone
    public var refreshIntervalSeconds: Int
    public var keymap: Keymap
    public var dashboard: DashboardLinks

    public init(name: String, mode: ConsoleMode, readOnly: Bool, merchantTimeZone: TimeZone, refreshIntervalSeconds: Int,
                keymap: Keymap, dashboard: DashboardLinks) {
        self.name = name; self.mode = mode; self.readOnly = readOnly; self.merchantTimeZone = merchantTimeZone
        self.refreshIntervalSeconds = refreshIntervalSeconds; self.keymap = keymap; self.dashboard = dashboard
    }
}

/// A profile the executable opened (client built, key read): how to run effects against it, its
/// journal, and how to close it when the console moves on.
public struct OpenedProfile: Sendable {
    public var settings: ProfileSettings
    public var runner: EffectRunner
    public var journal: any ActionJournal
    public var close: @Sendable () async -> Void

    public init(settings: ProfileSettings, runner: EffectRunner, journal: any ActionJournal, close: @escaping @Sendable () async -> Void) {
        self.settings = settings
        self.runner = runner
        self.journal = journal
        self.close = close
    }
}

/// Opens a profile by name. Only the executable reads config files and builds clients, so it hands the
/// console this closure; `ProfileSwitchingRunner` calls it for `:ctx`.
public typealias ProfileOpener = @Sendable (String) async throws -> OpenedProfile

/// The `:ctx` list on screen.
public struct ContextPicker: Sendable, Equatable {
    public var cursor: Int
    /// Set while the chosen profile is being opened.
    public var opening: String?

    public init(cursor: Int, opening: String? = nil) {
        self.cursor = cursor
        self.opening = opening
    }
}
