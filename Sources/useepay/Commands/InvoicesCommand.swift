import ConsoleCore
import ArgumentParser
import Foundation
import UseePay

struct InvoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "List and show invoices.", subcommands: [InvoicesList.self, InvoicesShow.self])
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

struct InvoicesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one invoice.")

    @OptionGroup var options: ShowOptions
    @Argument(help: "Invoice id.") var id: String

    func run() async throws {
        let id = self.id
        try await ObjectCommand.show(options, dashboardKind: nil, fields: InvoiceColumns.fields(_:time:), raw: \.raw) { client in
            try await client.retrieveInvoice(id: id)
        }
    }
}
