import ArgumentParser
import Foundation

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective settings, where each came from, and the file paths (the API key redacted).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let settings = try global.loadSettings()
        let exists = settings.configFile != nil
        let streams = StandardStreams()
        streams.out(ConfigReport.render(settings, fileExists: exists))
        streams.flush()
    }
}
