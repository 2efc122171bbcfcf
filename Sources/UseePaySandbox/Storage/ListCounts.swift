import GRDB

/// Row counts per table, merchant, hour of creation and status, kept by SQLite triggers so every
/// write path (API calls, seeding, settling, reset) keeps them exact without remembering to.
///
/// Why: at a million rows `COUNT(*)` over a merchant's index walks every entry (≈ 70 ms here), and so
/// does `OFFSET 500000`. With hourly counts, a list's `total` is a sum over a few thousand counter
/// rows plus an index count of at most the two partial hours at the edges of a time window, and a
/// deep page starts by finding its hour from the counts and skipping only within that hour.
enum ListCounts {
    static let table = "list_counts"
    static let bucketMilliseconds: Int64 = 3_600_000

    static func bucket(of milliseconds: Int64) -> Int64 { floorDivide(milliseconds, bucketMilliseconds) }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    static func ceilDivide(_ value: Int64, _ divisor: Int64) -> Int64 { -floorDivide(-value, divisor) }

    static let createTableSQL = """
        CREATE TABLE list_counts (
            tbl TEXT NOT NULL, merchant_no TEXT NOT NULL, bucket INTEGER NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (tbl, merchant_no, bucket, status)) WITHOUT ROWID;
        """

    /// Insert, delete and update triggers for one table. SQLite's integer division truncates toward
    /// zero, which equals `floorDivide` for the (positive) creation times the sandbox stores.
    static func triggersSQL(table: String, hasStatus: Bool) -> String {
        let newStatus = hasStatus ? "NEW.status" : "''"
        let oldStatus = hasStatus ? "OLD.status" : "''"
        let changed = (hasStatus ? ["status"] : []) + ["create_at", "merchant_no"]
        let increment = """
            INSERT INTO list_counts (tbl, merchant_no, bucket, status, n)
            VALUES ('\(table)', NEW.merchant_no, NEW.create_at / \(bucketMilliseconds), \(newStatus), 1)
            ON CONFLICT (tbl, merchant_no, bucket, status) DO UPDATE SET n = n + 1;
            """
        let decrement = """
            UPDATE list_counts SET n = n - 1
            WHERE tbl = '\(table)' AND merchant_no = OLD.merchant_no AND bucket = OLD.create_at / \(bucketMilliseconds) AND status = \(oldStatus);
            """
        return """
            CREATE TRIGGER \(table)_count_insert AFTER INSERT ON \(table) BEGIN \(increment) END;
            CREATE TRIGGER \(table)_count_delete AFTER DELETE ON \(table) BEGIN \(decrement) END;
            CREATE TRIGGER \(table)_count_update AFTER UPDATE OF \(changed.joined(separator: ", ")) ON \(table)
            WHEN \(changed.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR "))
            BEGIN \(decrement) \(increment) END;
            """
    }

    /// Counts for rows that existed before the triggers did (databases made by an older sandbox).
    static func backfillSQL(table: String, hasStatus: Bool) -> String {
        """
        INSERT INTO list_counts (tbl, merchant_no, bucket, status, n)
        SELECT '\(table)', merchant_no, create_at / \(bucketMilliseconds), \(hasStatus ? "status" : "''"), COUNT(*)
        FROM \(table) GROUP BY merchant_no, create_at / \(bucketMilliseconds), \(hasStatus ? "status" : "''");
        """
    }

    static func install(table: String, hasStatus: Bool, in db: Database) throws {
        try db.execute(sql: triggersSQL(table: table, hasStatus: hasStatus))
        try db.execute(sql: backfillSQL(table: table, hasStatus: hasStatus))
    }
}
