import Foundation
import GRDB

/// The SQL behind one list request, newest first by `create_at` then `id`.
///
/// Pages are read in two steps: the row ids from the (covering) index, then each row's document, so
/// rows skipped by an offset never touch the table. Deep offsets first find their hour from
/// `ListCounts` and skip only inside it; `total` sums those counts (see `ListCounts` for why).
struct ListPlan {
    let kind: ResourceKind
    let query: ListQuery
    let merchantNo: String

    /// Below this offset a plain `OFFSET` over the index is already cheap.
    static let deepOffsetThreshold = 2_000

    struct Page {
        /// Each object's stored text (`doc`, UTF-8), newest first.
        var storedTexts: [Data]
        var hasMore: Bool
    }

    private var table: String { kind.table }

    /// Filter conditions (never the cursor) with the created-time window given explicitly, so edge
    /// hours can be counted with the same filters.
    private func conditions(from: Int64?, to: Int64?) -> (sql: [String], arguments: [any DatabaseValueConvertible]) {
        var sql = ["merchant_no = ?"]
        var arguments: [any DatabaseValueConvertible] = [merchantNo]
        if let from { sql.append("create_at >= ?"); arguments.append(from) }
        if let to { sql.append("create_at <= ?"); arguments.append(to) }
        if !query.statuses.isEmpty {
            sql.append("status IN (\(Array(repeating: "?", count: query.statuses.count).joined(separator: ", ")))")
            arguments.append(contentsOf: query.statuses)
        }
        for (column, value) in query.columnFilters {
            sql.append("\(column) = ?")
            arguments.append(value)
        }
        return (sql, arguments)
    }

    func fetchPage(_ db: Database) throws -> Page {
        var (sql, arguments) = conditions(from: query.fromCreatedAt, to: query.toCreatedAt)
        var ascending = false
        var offset = query.offset
        switch query.cursor {
        case .startingAfter(let id)?:
            sql.append("(create_at, id) < (?, ?)")
            arguments += [try cursorCreatedAt(id, parameter: "starting_after", db), id]
            offset = 0
        case .endingBefore(let id)?:
            sql.append("(create_at, id) > (?, ?)")
            arguments += [try cursorCreatedAt(id, parameter: "ending_before", db), id]
            ascending = true
            offset = 0
        case nil:
            if offset >= Self.deepOffsetThreshold, let start = try deepStart(offset: offset, db) {
                sql.append("create_at <= ?")
                arguments.append(start.newestCreatedAt)
                offset = start.offsetWithin
            }
        }
        let order = ascending ? "create_at ASC, id ASC" : "create_at DESC, id DESC"
        arguments += [query.pageSize + 1, offset]
        // Cached: a client paging through a day asks the same statement a thousand times.
        let rowidStatement = try db.cachedStatement(sql: """
            SELECT rowid FROM \(table) WHERE \(sql.joined(separator: " AND ")) ORDER BY \(order) LIMIT ? OFFSET ?
            """)
        var rowids = try Int64.fetchAll(rowidStatement, arguments: StatementArguments(arguments))
        let hasMore = rowids.count > query.pageSize
        rowids = Array(rowids.prefix(query.pageSize))
        if ascending { rowids.reverse() }
        let statement = try db.cachedStatement(sql: "SELECT doc FROM \(table) WHERE rowid = ?")
        // `Data`: the bytes as stored, without validating them into a `String` first.
        let texts = try rowids.compactMap { rowid in try Data.fetchOne(statement, arguments: [rowid]) }
        return Page(storedTexts: texts, hasMore: hasMore)
    }

    /// The cursor object must be one of this merchant's objects of this resource.
    private func cursorCreatedAt(_ id: String, parameter: String, _ db: Database) throws -> Int64 {
        guard let createdAt = try Int64.fetchOne(
            db, sql: "SELECT create_at FROM \(table) WHERE id = ? AND merchant_no = ?", arguments: [id, merchantNo])
        else { throw APIError.notFound(kind.displayName, id: id, source: parameter) }
        return createdAt
    }

    // MARK: Counting

    private func directCount(from: Int64?, to: Int64?, _ db: Database) throws -> Int {
        let (sql, arguments) = conditions(from: from, to: to)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(sql.joined(separator: " AND "))",
                                arguments: StatementArguments(arguments)) ?? 0
    }

    /// The whole hours inside the created-time window (nil = unbounded on that side), or nil when
    /// the window holds no whole hour.
    private var wholeHours: (first: Int64?, last: Int64?)? {
        let size = ListCounts.bucketMilliseconds
        let first = query.fromCreatedAt.map { ListCounts.ceilDivide($0, size) }
        let last = query.toCreatedAt.map { ListCounts.floorDivide($0 + 1, size) - 1 }
        if let first, let last, first > last { return nil }
        return (first, last)
    }

    private func counterConditions(first: Int64?, last: Int64?) -> (String, [any DatabaseValueConvertible]) {
        var sql = "tbl = ? AND merchant_no = ?"
        var arguments: [any DatabaseValueConvertible] = [table, merchantNo]
        if let first { sql += " AND bucket >= ?"; arguments.append(first) }
        if let last { sql += " AND bucket <= ?"; arguments.append(last) }
        if !query.statuses.isEmpty {
            sql += " AND status IN (\(Array(repeating: "?", count: query.statuses.count).joined(separator: ", ")))"
            arguments.append(contentsOf: query.statuses)
        }
        return (sql, arguments)
    }

    /// Objects matching the filters (cursors aside), as `total` reports.
    func total(_ db: Database) throws -> Int {
        guard query.columnFilters.isEmpty, let hours = wholeHours else {
            return try directCount(from: query.fromCreatedAt, to: query.toCreatedAt, db)
        }
        let size = ListCounts.bucketMilliseconds
        let (sql, arguments) = counterConditions(first: hours.first, last: hours.last)
        var total = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(n), 0) FROM list_counts WHERE \(sql)",
                                     arguments: StatementArguments(arguments)) ?? 0
        if let from = query.fromCreatedAt, let first = hours.first, from < first * size {
            total += try directCount(from: from, to: first * size - 1, db)
        }
        if let to = query.toCreatedAt, let last = hours.last, to >= (last + 1) * size {
            total += try directCount(from: (last + 1) * size, to: to, db)
        }
        return total
    }

    /// Where a deep page starts: every object newer than `newestCreatedAt` lies before the page,
    /// and the page starts `offsetWithin` objects into the rest. Nil when the counts cannot help
    /// (column filters, or a window inside one hour), and a plain offset is used.
    private func deepStart(offset: Int, _ db: Database) throws -> (newestCreatedAt: Int64, offsetWithin: Int)? {
        guard query.columnFilters.isEmpty, let hours = wholeHours else { return nil }
        let size = ListCounts.bucketMilliseconds
        var before = 0
        if let to = query.toCreatedAt, let last = hours.last, to >= (last + 1) * size {
            let newestPartialHour = try directCount(from: (last + 1) * size, to: to, db)
            if offset < newestPartialHour { return (to, offset) }
            before = newestPartialHour
        }
        let (sql, arguments) = counterConditions(first: hours.first, last: hours.last)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT bucket, SUM(n) AS n FROM list_counts WHERE \(sql) GROUP BY bucket ORDER BY bucket DESC
            """, arguments: StatementArguments(arguments))
        var oldestBucket: Int64?
        while let row = try rows.next() {
            let bucket: Int64 = row["bucket"]
            let count: Int = row["n"]
            if offset < before + count { return ((bucket + 1) * size - 1, offset - before) }
            before += count
            oldestBucket = bucket
        }
        // Past every whole hour: the oldest partial hour (or nothing) remains.
        let boundary = hours.first ?? oldestBucket ?? ListCounts.bucket(of: Int64.max / 2)
        return (boundary * size - 1, offset - before)
    }
}
