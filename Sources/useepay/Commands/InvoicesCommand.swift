import ConsoleCore
import ArgumentParser
import Foundation
import UseePay

struct InvoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "List and show invoices.", subcommands: [InvoicesList.self, ShowCommand<Invoice>.self])
}

struct InvoicesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List invoices, paging automatically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("Only this subscription id.", valueName: "id")) var subscription: String?

    func run() async throws {
        let customer = self.customer, subscription = self.subscription
        try await ObjectCommand.list(global, listing, noun: "invoices", columns: InvoiceColumns.columns(time:), raw: \.raw) { client, window in
            client.invoices(InvoiceListQuery(window: window, customerId: customer, subscriptionId: subscription))
        }
    }
}

extension Invoice: Showable {
    static let showable = ShowableKind<Invoice>(noun: "invoice", dashboardKind: nil, fields: InvoiceColumns.fields(_:time:)) { client, id in
        try await client.retrieveInvoice(id: id)
    }
}
