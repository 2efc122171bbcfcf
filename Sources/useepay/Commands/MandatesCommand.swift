import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct MandatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandates", abstract: "List and show mandates (a customer's permission to be charged again).",
        subcommands: [MandatesList.self, MandatesShow.self])
}

struct MandatesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List mandates, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only this customer's mandates.", valueName: "id")) var customer: String?

    func run() async throws {
        let settings = try global.loadSettings()
        let (from, to) = try listing.interval(timeZone: settings.timeZone.value)
        let query = MandateListQuery(window: ListingRunner.window(since: from, until: to), customerId: customer)
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            try await ListingRunner.run(
                session.client.mandates(query), format: listing.format, columns: MandateColumns.columns(time: time), raw: \.raw,
                limit: listing.limit, noun: "mandates", streams: StandardStreams())
        }
    }
}

struct MandatesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one mandate.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mandate id.") var id: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        try await ServiceSession.with(settings) { session in
            let mandate: Mandate
            do { mandate = try await session.client.retrieveMandate(id: id) } catch { throw FailureClassifier.failure(error) }
            ListingRunner.show(raw: mandate.raw, fields: MandateColumns.fields(mandate, time: time), format: format, streams: StandardStreams())
        }
    }
}
