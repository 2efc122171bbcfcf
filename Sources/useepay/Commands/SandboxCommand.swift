import ArgumentParser

/// `useepay sandbox serve`: the emulator as a standalone server (its command lives in Sources/useepay/Sandbox/).
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Run the local UseePay sandbox (emulator).",
        subcommands: [SandboxServeCommand.self])
}
