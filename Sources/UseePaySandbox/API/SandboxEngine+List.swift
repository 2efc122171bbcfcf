import GRDB

extension SandboxEngine {
    /// `GET /api/v1/<resource>`: `{"items": […], "has_more": bool}` as documented, plus (unless the
    /// sandbox runs with the documented envelope only) what the official SDK reads: `data` (the same
    /// items), `total`, `page` (1-based) and `page_size`. Keys are written in sorted order like every
    /// other answer; the items are serialised once and written twice.
    func list(_ kind: ResourceKind, _ request: APIRequest) async throws -> APIResult {
        let query = try ListQuery(kind: kind, request: request)
        let plan = ListPlan(kind: kind, query: query, merchantNo: request.merchant.merchantNo)
        let withSDKFields = options.listEnvelope == .both
        let body = try await writer.read { db -> String in
            let page = try plan.fetchPage(db)
            var items = "["
            items.reserveCapacity(page.documents.count * 1500)
            let customers = EmbeddedCustomers()
            for (index, document) in page.documents.enumerated() {
                if index > 0 { items += "," }
                try self.render(kind, document, db, customers: customers).write(into: &items)
            }
            items += "]"
            var body = "{"
            if withSDKFields { body += "\"data\":" + items + "," }
            body += "\"has_more\":" + (page.hasMore ? "true" : "false") + ",\"items\":" + items
            if withSDKFields {
                body += ",\"page\":\(query.page),\"page_size\":\(query.pageSize),\"total\":\(try plan.total(db))"
            }
            return body + "}"
        }
        return APIResult(rawBody: body)
    }
}
