import ConsoleCore
import ArgumentParser
import Foundation
import UseePay

struct InvoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "List and show invoices.", subcommands: [ListCommand<InvoiceFilters>.self, ShowCommand<Invoice>.self])
}

struct InvoiceFilters: ListFilters {
    static let listable = ListableKind<Invoice>(noun: "invoices", columns: InvoiceColumns.columns(time:))

    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("Only this subscription id.", valueName: "id")) var subscription: String?

    func pages(_ client: UseePayClient, _ window: ListWindow) -> AutoPagingSequence<Invoice> {
        client.invoices(InvoiceListQuery(window: window, customerId: customer, subscriptionId: subscription))
    }
}

extension Invoice: Showable {
    static let showable = ShowableKind<Invoice>(noun: "invoice", dashboardKind: nil, fields: InvoiceColumns.fields(_:time:)) { client, id in
        try await client.retrieveInvoice(id: id)
    }
}
