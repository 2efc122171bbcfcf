import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct MandatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandates", abstract: "List and show mandates (a customer's permission to be charged again).",
        subcommands: [MandatesList.self, ShowCommand<Mandate>.self])
}

struct MandatesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List mandates, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only this customer's mandates.", valueName: "id")) var customer: String?

    func run() async throws {
        let customer = self.customer
        try await ObjectCommand.list(global, listing, noun: "mandates", columns: MandateColumns.columns(time:), raw: \.raw) { client, window in
            client.mandates(MandateListQuery(window: window, customerId: customer))
        }
    }
}

extension Mandate: Showable {
    static let showable = ShowableKind<Mandate>(noun: "mandate", dashboardKind: nil, fields: MandateColumns.fields(_:time:)) { client, id in
        try await client.retrieveMandate(id: id)
    }
}
