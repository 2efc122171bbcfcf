import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

struct MandatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandates", abstract: "List and show mandates (a customer's permission to be charged again).",
        subcommands: [ListCommand<MandateFilters>.self, ShowCommand<Mandate>.self])
}

struct MandateFilters: ListFilters {
    static let listable = ListableKind<Mandate>(noun: "mandates", columns: MandateColumns.columns(time:))

    @Option(help: ArgumentHelp("Only this customer's mandates.", valueName: "id")) var customer: String?

    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<Mandate> {
        client.mandates(MandateListQuery(window: window, customerId: customer))
    }
}

extension Mandate: Showable {
    static let showable = ShowableKind<Mandate>(noun: "mandate", dashboardKind: nil, fields: MandateColumns.fields(_:time:)) { client, id in
        try await client.retrieveMandate(id: id)
    }
}
