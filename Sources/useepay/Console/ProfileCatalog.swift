import ConsoleCore
import Foundation
import UseePay

/// The executable's side of `:ctx`: it reads config.toml and builds clients, so it describes the profiles
/// to the console (names, modes, read-only flags, merchant numbers; never keys) and opens one on request.
struct ProfileCatalog {
    var flags: GlobalFlags
    var environment: [String: String]
    var requestRelay: APIRequestRelay
    var events: ConsoleEventRelay

    /// Every profile of the config file, as the settings would resolve for it.
    func descriptions(_ settings: EffectiveSettings) -> [ProfileDescription] {
        guard let file = settings.configFile else { return [] }
        return file.profiles.keys.sorted().map { name in
            let resolved = try? ConfigurationResolver.resolve(environment: environment, configFile: file, flags: flags(for: name))
            let entry = file.profiles[name]
            return ProfileDescription(
                name: name,
                mode: (resolved?.isLive ?? (entry?.environment == "production")) ? .live : .sandbox,
                readOnly: resolved?.readOnly.value ?? entry?.readOnly ?? false,
                merchantNo: resolved?.merchantNo?.value ?? entry?.merchantNo)
        }
    }

    /// Opens `name` afresh (the config file is read again, so an edit since start-up counts).
    var opener: ProfileOpener {
        let catalog = self
        return { name in
            let settings = try SettingsLoader.load(flags: catalog.flags(for: name), environment: catalog.environment)
            if case .remote = settings.endpoint.value {
                _ = try settings.requireRemoteCredentials()
            }
            let keymap = try KeymapBuilder.build(settings.keyBindings)
            let session = try await ServiceSession.open(settings: settings, requestObserver: catalog.requestRelay.observer)
            return catalog.opened(session, keymap: keymap, name: name)
        }
    }

    /// A session the console runs its effects against, closed when the console leaves it.
    func opened(_ session: ServiceSession, keymap: Keymap, name: String) -> OpenedProfile {
        let settings = session.settings
        return OpenedProfile(
            settings: ProfileSettings(name: name, mode: session.mode, readOnly: settings.readOnly.value,
                                      merchantTimeZone: settings.timeZone.value, refreshIntervalSeconds: settings.refreshSeconds.value,
                                      keymap: keymap, dashboard: session.dashboardLinks),
            runner: EffectRunner(client: session.client, journal: session.journal, events: events),
            journal: session.journal,
            close: { await session.close() })
    }

    /// The start-up flags with another profile: `--read-only` and the log settings still apply; `--sandbox`
    /// (the in-process sandbox) does not, since a profile names its own service.
    private func flags(for name: String) -> GlobalFlags {
        var flags = self.flags
        flags.profile = name
        flags.sandbox = false
        return flags
    }
}
