/// A validated list request: `page_num` (0-based) or `page` (1-based), `page_size` ≤ 100 (or `limit`
/// when `page_size` is absent, as the official SDK sends it), created-time window, `status` (repeated or
/// comma-separated), the resource's column filters, and the SDK's cursors `starting_after` /
/// `ending_before` (object ids in the newest-first order; a cursor wins over the page number).
struct ListQuery: Sendable {
    enum Cursor: Sendable, Equatable {
        /// Objects older than this one (the next page when walking newest → oldest).
        case startingAfter(String)
        /// Objects newer than this one (the previous page).
        case endingBefore(String)
    }

    static let defaultPageSize = 20
    static let maximumPageSize = 100

    var pageNum = 0
    var pageSize = defaultPageSize
    var fromCreatedAt: Int64?
    var toCreatedAt: Int64?
    var statuses: [String] = []
    var columnFilters: [(String, String)] = []
    var cursor: Cursor?

    /// 1-based page number as the official SDK counts (answered in `page`).
    var page: Int { pageNum + 1 }
    var offset: Int { pageNum * pageSize }

    init(kind: ResourceKind, request: APIRequest) throws(APIError) {
        if let text = request.queryValue("page_num") {
            guard let value = Int(text), value >= 0, value <= 1_000_000 else {
                throw APIError.invalidArgument("page_num", "page_num must be a whole number from 0 (the first page)")
            }
            pageNum = value
        } else if let text = request.queryValue("page") {
            guard let value = Int(text), value >= 1, value <= 1_000_001 else {
                throw APIError.invalidArgument("page", "page must be a whole number from 1 (the first page)")
            }
            pageNum = value - 1
        }
        if let text = request.queryValue("page_size") ?? request.queryValue("limit") {
            let name = request.queryValue("page_size") != nil ? "page_size" : "limit"
            guard let value = Int(text), (1...Self.maximumPageSize).contains(value) else {
                throw APIError.invalidArgument(name, "\(name) must be a whole number from 1 to \(Self.maximumPageSize)")
            }
            pageSize = value
        }
        for name in ["from_created_at", "to_created_at"] {
            guard let text = request.queryValue(name) else { continue }
            guard let milliseconds = SandboxTime.parse(text) else {
                throw APIError.invalidArgument(name, "\(name) must be an ISO-8601 time such as 2024-09-29T07:44:50.774Z")
            }
            if name == "from_created_at" { fromCreatedAt = milliseconds } else { toCreatedAt = milliseconds }
        }
        for value in request.queryValues("status") {
            for part in value.split(separator: ",") {
                let text = part.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let status = kind.canonicalStatus(text) else {
                    throw APIError.invalidArgument("status", "unknown status \(text); expected one of \(kind.statuses.joined(separator: ", "))")
                }
                if !statuses.contains(status) { statuses.append(status) }
            }
        }
        let after = request.queryValue("starting_after").flatMap { $0.isEmpty ? nil : $0 }
        let before = request.queryValue("ending_before").flatMap { $0.isEmpty ? nil : $0 }
        switch (after, before) {
        case (let after?, nil): cursor = .startingAfter(after)
        case (nil, let before?): cursor = .endingBefore(before)
        case (nil, nil): cursor = nil
        case (_?, _?):
            throw APIError.invalidArgument("ending_before", "send starting_after or ending_before, not both")
        }
        for (parameter, column) in kind.filterColumns.sorted(by: { $0.key < $1.key }) {
            if let value = request.queryValue(parameter) { columnFilters.append((column, value)) }
        }
    }
}

import Foundation
