import GRDB

/// Loads many rows into empty tables the way SQLite loads fastest: without their secondary indexes
/// and count triggers, which are made again afterwards, inside the caller's transaction.
///
/// Why: a payment intent touches six B-trees in random order (id, time, status, customer, order,
/// the hourly counts). At a million rows those indexes outgrow any cache, and each committed batch
/// rewrote most of their pages: seeding took 391 s. Built afterwards, each index is one sorted pass
/// and the hourly counts one `GROUP BY` (`ListCounts.backfillSQL`), exactly what the triggers would
/// have counted. Tables that already hold rows are loaded the ordinary way.
enum BulkLoad {
    static func withIndexesBuiltAfterwards<T>(tables: [String], _ db: Database, load: () throws -> T) throws -> T {
        var empty: [String] = []
        for table in tables where try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(table) LIMIT 1)") == 0 {
            empty.append(table)
        }
        guard !empty.isEmpty else { return try load() }
        let placeholders = Array(repeating: "?", count: empty.count).joined(separator: ", ")
        // Secondary indexes and triggers as declared (automatic indexes such as the primary key have no SQL).
        let objects = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE tbl_name IN (\(placeholders)) AND type IN ('index', 'trigger') AND sql IS NOT NULL
            """, arguments: StatementArguments(empty))
        for object in objects {
            let type: String = object["type"]
            let name: String = object["name"]
            try db.execute(sql: "DROP \(type == "index" ? "INDEX" : "TRIGGER") \(name.quotedDatabaseIdentifier)")
        }
        let result = try load()
        for object in objects {
            let sql: String = object["sql"]
            try db.execute(sql: sql)
        }
        for table in empty {
            guard let kind = ResourceKind.allCases.first(where: { $0.table == table }) else { continue }
            try db.execute(sql: "DELETE FROM \(ListCounts.table) WHERE tbl = ?", arguments: [table])
            try db.execute(sql: ListCounts.backfillSQL(table: table, hasStatus: kind.hasStatusColumn))
        }
        return result
    }
}
