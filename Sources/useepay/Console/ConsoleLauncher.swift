import ConsoleCore
import Foundation
import TerminalUI
import UseePay

#if canImport(Glibc)
import Glibc
#endif

/// Opens the console: settings → session (client, optional in-process sandbox, journal) → store → terminal.
struct ConsoleLauncher {
    var options: ConsoleOptions
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func run() async throws {
        let settings = try options.global.loadSettings(theme: options.theme, refreshSeconds: options.refresh)
        try Self.checkTerminal(environment: environment)
        if case .remote = settings.endpoint.value {
            _ = try settings.requireRemoteCredentials()
        }
        let keymap = try KeymapBuilder.build(settings.keyBindings)
        let terminalEnvironment = TerminalEnvironment(
            escapeDelayMilliseconds: environment["ESCDELAY"].flatMap { Int($0) },
            isSSH: environment["SSH_TTY"] != nil || environment["SSH_CONNECTION"] != nil,
            noColor: options.noColor || !(environment["NO_COLOR"] ?? "").isEmpty,
            colorTerm: environment["COLORTERM"], term: environment["TERM"])
        let loader = ThemeLoader(userDirectory: settings.directories.themesDirectory)
        let (loadedTheme, themeError) = loader.loadOrDefault(named: settings.theme.value)
        let theme = terminalEnvironment.noColor ? ThemeLoader.monochrome : loadedTheme

        let relay = APIRequestRelay()
        let session = try await ServiceSession.open(settings: settings, resetSandbox: options.sandboxReset, requestObserver: relay.observer)
        if let themeError { session.logger.warning("theme fell back to default: \(themeError)") }

        var state = ConsoleState(
            mode: session.mode,
            profileName: settings.profileLabel,
            readOnly: settings.readOnly.value, merchantTimeZone: settings.timeZone.value, keymap: keymap,
            refreshIntervalSeconds: settings.refreshSeconds.value,
            sessionTag: "c" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10))
        state.dashboard = session.dashboardLinks
        state.asciiGlyphs = Self.cannotDrawBlockGlyphs(environment: environment)
        state.startsOnGlance = settings.startScreen.value == "glance"
        state.authorisationLifetime = TimeInterval(settings.authorisationDays.value) * 86_400
        if let themeError {
            state.flash = Flash("Theme problem, using default: \(themeError)", .error)
        }
        // `:ctx` switches among the config file's profiles; the runner swaps sessions, the console starts over.
        let events = ConsoleEventRelay()
        let catalog = ProfileCatalog(flags: options.global.flags(theme: options.theme, refreshSeconds: options.refresh),
                                     environment: environment, requestRelay: relay, events: events)
        state.profiles = catalog.descriptions(settings)
        let runner = ProfileSwitchingRunner(initial: catalog.opened(session, keymap: keymap, name: state.profileName), open: catalog.opener)
        let store = ConsoleStore(state: state, perform: { await runner.run($0) }, relay: relay)
        events.attach(store)
        var signalIdle: (@Sendable () -> Void)?
        if let path = environment["USEEPAY_TEST_IDLE_FILE"] {
            let idleSignal = IdleSignal(path: path)
            signalIdle = { idleSignal.signal() }
        }
        let exit: TerminalExit
        do {
            exit = try await ConsoleTerminal.run(
                store: store, journal: session.journal, idleSignal: signalIdle,
                makeBackend: { try CursesTerminal(environment: terminalEnvironment, theme: theme) })
        } catch {
            await runner.close()
            throw CommandFailure(.usage, "\(error)")
        }
        // Closes the profile in use, which after `:ctx` is no longer the one opened here.
        await runner.close()
        if let themeError {
            FileHandle.standardError.write(Data("useepay: theme \"\(settings.theme.value)\" could not be used (\(themeError)); the default theme was used\n".utf8))
        }
        if case .signal(let number) = exit {
            // The shell convention for "killed by a signal"; the terminal is already restored.
            Glibc.exit(128 + number)
        }
    }

    /// vt100 and friends have no block glyphs, and without a UTF-8 locale nothing beyond ASCII is drawn right.
    static func cannotDrawBlockGlyphs(environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        let utf8 = locale.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
        return term.hasPrefix("vt1") || term.hasPrefix("vt2") || term == "ansi" || !utf8
    }

    /// Curses needs a real terminal that can address the cursor.
    static func checkTerminal(environment: [String: String]) throws(CommandFailure) {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            throw CommandFailure(.usage, "the console needs a terminal that can move the cursor, but TERM is \(term.isEmpty ? "not set" : "\"dumb\""). Set TERM (e.g. TERM=xterm-256color), or use the subcommands for scripts: useepay payments list --format csv")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(.usage, "the console needs a terminal (stdin and stdout are not one). For scripts, use the subcommands: useepay payments list --format csv")
        }
    }
}
