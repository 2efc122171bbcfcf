import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Opens the console: settings → session (client, optional in-process sandbox, journal) → terminal UI.
struct ConsoleLauncher {
    var options: ConsoleOptions
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func run() async throws {
        let settings = try options.global.loadSettings(theme: options.theme, refreshSeconds: options.refresh)
        try Self.checkTerminal(environment: environment)
        if case .remote = settings.endpoint.value {
            _ = try settings.requireRemoteCredentials()
        }
        // TODO(console wiring): ConsoleStore + CursesTerminal run loop once ConsoleCore/TerminalUI land.
        throw CommandFailure(.configuration, "the console is not wired up in this build yet; use the subcommands (useepay --help)")
    }

    /// Curses needs a real terminal that can address the cursor.
    static func checkTerminal(environment: [String: String]) throws(CommandFailure) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(.usage, "the console needs a terminal (stdin and stdout are not one). For scripts, use the subcommands: useepay payments list --format csv")
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            throw CommandFailure(.usage, "the console needs a terminal that can move the cursor, but TERM is \(term.isEmpty ? "not set" : "\"dumb\""). Set TERM (e.g. TERM=xterm-256color) or use the subcommands.")
        }
    }
}
