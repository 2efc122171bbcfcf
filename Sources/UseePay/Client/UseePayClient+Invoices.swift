import Foundation

extension UseePayClient {
    public func createInvoice(_ p: InvoiceCreateParameters) async throws -> Invoice {
        try await object(Invoice.self, .post, "/api/v1/invoices/create", body: p.wire)
    }

    public func retrieveInvoice(id: String) async throws -> Invoice {
        try await object(Invoice.self, .get, try path("invoices", id, method: .get))
    }

    public func listInvoices(_ q: InvoiceListQuery) async throws -> Page<Invoice> {
        try await page(Invoice.self, "/api/v1/invoices", q)
    }

    public func invoices(_ q: InvoiceListQuery, maxPages: Int = 500) -> AutoPagingSequence<Invoice> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listInvoices($0) }
    }

    /// Pays an invoice. A business failure can come back as HTTP 200 with status `payment_failed`:
    /// check `invoice.failureSummary`.
    public func payInvoice(id: String, _ p: InvoicePayParameters = InvoicePayParameters()) async throws -> Invoice {
        try await object(Invoice.self, .post, try path("invoices", id, "/pay", method: .post), body: p.wire)
    }
}
