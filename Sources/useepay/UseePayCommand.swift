import ArgumentParser
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `useepay`: with no subcommand it opens the console; subcommands do the same work from scripts.
@main
struct UseePayCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "useepay",
        abstract: "A terminal console for the UseePay payment API: browse payments, capture, cancel, refund.",
        discussion: """
            Without a subcommand, opens the console. `useepay --sandbox` opens it on a built-in sandbox with \
            seeded data, no account needed.

            Credentials come from the environment (USEEPAY_MERCHANT_NO, USEEPAY_APP_ID, USEEPAY_API_KEY, \
            USEEPAY_ENV, USEEPAY_BASE_URL, USEEPAY_PROFILE) or profiles in $XDG_CONFIG_HOME/useepay/config.toml; \
            never from the command line. `useepay config` shows what is in effect.

            \(ExitStatus.helpText)
            """,
        version: version,
        subcommands: [
            PaymentsCommand.self, RefundsCommand.self, CustomersCommand.self, SubscriptionsCommand.self,
            InvoicesCommand.self, CheckoutSessionsCommand.self, MandatesCommand.self, FindCommand.self,
            ConfigCommand.self, CompletionsCommand.self, SandboxCommand.self,
        ])

    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        try await ConsoleLauncher(options: console).run()
    }

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.starts(with: ["sandbox", "serve"]) {
            // The standalone sandbox is a server: its log belongs on the terminal it runs in.
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
        } else {
            // Everything else logs to the file only: curses may own the terminal.
            LoggingSystem.bootstrap { FileLogHandler(label: $0) }
        }
        let status = await execute(arguments: arguments)
        Glibc.exit(status)
    }

    /// Parses and runs, mapping every failure to the documented exit statuses (ArgumentParser's own would be 64 for usage).
    static func execute(arguments: [String]) async -> Int32 {
        let streams = StandardStreams()
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success.rawValue
        } catch let failure as CommandFailure {
            streams.message("useepay: " + failure.message)
            return failure.status.rawValue
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
                return ExitStatus.success.rawValue
            }
            if !text.isEmpty { streams.message(text) }
            if code == .validationFailure { return ExitStatus.usage.rawValue }
            return code.rawValue
        }
    }
}
