import Foundation

extension UseePayClient {
    /// Creates a refund. `p.consoleRequestId` goes into `metadata.console_request_id`; if this call
    /// fails with `outcomeUnclear`, settle it with `findRefund(paymentIntentId:consoleRequestId:)`
    /// before offering to try again.
    public func createRefund(_ p: RefundCreateParameters) async throws -> Refund {
        try await object(Refund.self, .post, "/api/v1/refunds/create", body: p.wire)
    }

    public func retrieveRefund(id: String) async throws -> Refund {
        try await object(Refund.self, .get, try path("refunds", id, method: .get))
    }

    public func listRefunds(_ q: RefundListQuery) async throws -> Page<Refund> {
        try await page(Refund.self, "/api/v1/refunds", q)
    }

    public func refunds(_ q: RefundListQuery, maxPages: Int = 500) -> AutoPagingSequence<Refund> {
        autoPaging(q, maxPages: maxPages) { [self] in try await self.listRefunds($0) }
    }

    /// Finds the refund an earlier `createRefund` made, by the request id it wrote into metadata.
    /// nil means no such refund exists (so the attempt did not take effect). Reads every refund of the intent.
    public func findRefund(paymentIntentId: String, consoleRequestId: String) async throws -> Refund? {
        let query = RefundListQuery(window: ListWindow(pageNum: 0, pageSize: ListWindow.maximumPageSize),
                                    paymentIntentId: paymentIntentId)
        for try await refund in refunds(query, maxPages: 100) {
            // Guard against a server that ignores the filter.
            if refund.consoleRequestId == consoleRequestId,
               refund.paymentIntentId == nil || refund.paymentIntentId == paymentIntentId {
                return refund
            }
        }
        return nil
    }
}
