import Foundation
import GRDB

/// Opens the sandbox's SQLite database (WAL for files) and keeps its schema current.
/// All money-moving transitions run inside `writer.write`, which GRDB serialises: a status check
/// inside that transaction is what makes twenty concurrent captures yield exactly one success.
struct SandboxDatabase: Sendable {
    let writer: any DatabaseWriter

    static func open(_ location: SandboxDatabaseLocation) throws -> SandboxDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let writer: any DatabaseWriter
        switch location {
        case .inMemory:
            writer = try DatabaseQueue(configuration: configuration)
        case .file(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            writer = try DatabasePool(path: path, configuration: configuration)
        }
        let database = SandboxDatabase(writer: writer)
        try database.migrate()
        return database
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

                CREATE TABLE payment_intents (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    status TEXT NOT NULL, customer_id TEXT, merchant_order_id TEXT,
                    currency TEXT NOT NULL, amount_minor INTEGER NOT NULL, captured_minor INTEGER,
                    test_card TEXT, authorized_at INTEGER, settle_at INTEGER, doc TEXT NOT NULL);
                CREATE INDEX pi_by_time ON payment_intents(merchant_no, create_at DESC, id DESC);
                CREATE INDEX pi_by_status ON payment_intents(merchant_no, status, create_at DESC, id DESC);
                CREATE INDEX pi_by_customer ON payment_intents(merchant_no, customer_id, create_at DESC, id DESC);
                CREATE INDEX pi_by_order ON payment_intents(merchant_no, merchant_order_id);
                CREATE INDEX pi_due ON payment_intents(settle_at) WHERE settle_at IS NOT NULL;
                CREATE INDEX pi_authorized ON payment_intents(authorized_at) WHERE authorized_at IS NOT NULL;

                CREATE TABLE refunds (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    status TEXT NOT NULL, payment_intent_id TEXT NOT NULL, amount_minor INTEGER NOT NULL,
                    will_fail INTEGER NOT NULL DEFAULT 0, next_step_at INTEGER, doc TEXT NOT NULL);
                CREATE INDEX refund_by_time ON refunds(merchant_no, create_at DESC, id DESC);
                CREATE INDEX refund_by_intent ON refunds(payment_intent_id, create_at DESC);
                CREATE INDEX refund_due ON refunds(next_step_at) WHERE next_step_at IS NOT NULL;

                CREATE TABLE customers (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    email TEXT, merchant_customer_id TEXT, phone TEXT, doc TEXT NOT NULL);
                CREATE INDEX customer_by_time ON customers(merchant_no, create_at DESC, id DESC);
                CREATE INDEX customer_by_email ON customers(merchant_no, email);
                CREATE INDEX customer_by_merchant_id ON customers(merchant_no, merchant_customer_id);

                CREATE TABLE subscriptions (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    status TEXT NOT NULL, customer_id TEXT, period_end INTEGER, doc TEXT NOT NULL);
                CREATE INDEX subscription_by_time ON subscriptions(merchant_no, create_at DESC, id DESC);
                CREATE INDEX subscription_by_customer ON subscriptions(merchant_no, customer_id);

                CREATE TABLE invoices (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    status TEXT NOT NULL, customer_id TEXT, subscription_id TEXT, doc TEXT NOT NULL);
                CREATE INDEX invoice_by_time ON invoices(merchant_no, create_at DESC, id DESC);
                CREATE INDEX invoice_by_customer ON invoices(merchant_no, customer_id);

                CREATE TABLE webhook_endpoints (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    status TEXT NOT NULL, doc TEXT NOT NULL);
                CREATE INDEX webhook_by_time ON webhook_endpoints(merchant_no, create_at DESC, id DESC);

                CREATE TABLE events (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    name TEXT NOT NULL, object_id TEXT NOT NULL, body TEXT NOT NULL);
                CREATE INDEX event_by_time ON events(create_at DESC);

                CREATE TABLE webhook_deliveries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL,
                    merchant_no TEXT NOT NULL, url TEXT NOT NULL, create_at INTEGER NOT NULL,
                    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER,
                    last_attempt_at INTEGER, last_status_code INTEGER, last_error TEXT);
                CREATE INDEX delivery_due ON webhook_deliveries(next_attempt_at) WHERE next_attempt_at IS NOT NULL;
                """)
        }
        migrator.registerMigration("v2-list-counts") { db in
            try db.execute(sql: ListCounts.createTableSQL)
            for kind in [ResourceKind.paymentIntent, .refund, .customer, .subscription, .invoice, .webhookEndpoint] {
                try ListCounts.install(table: kind.table, hasStatus: kind.hasStatusColumn, in: db)
            }
        }
        migrator.registerMigration("v3-checkout-sessions-and-mandates") { db in
            try db.execute(sql: """
                CREATE TABLE checkout_sessions (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL, status TEXT NOT NULL,
                    customer_id TEXT, payment_intent_id TEXT, subscription_id TEXT, merchant_order_id TEXT,
                    expires_at INTEGER NOT NULL, doc TEXT NOT NULL);
                CREATE INDEX checkout_by_time ON checkout_sessions(merchant_no, create_at DESC, id DESC);
                CREATE INDEX checkout_by_customer ON checkout_sessions(merchant_no, customer_id);
                CREATE INDEX checkout_by_intent ON checkout_sessions(merchant_no, payment_intent_id);
                CREATE INDEX checkout_open_until ON checkout_sessions(expires_at) WHERE status = 'open';

                CREATE TABLE mandates (
                    id TEXT PRIMARY KEY NOT NULL, merchant_no TEXT NOT NULL, create_at INTEGER NOT NULL,
                    customer_id TEXT, payment_intent_id TEXT, doc TEXT NOT NULL);
                CREATE INDEX mandate_by_time ON mandates(merchant_no, create_at DESC, id DESC);
                CREATE INDEX mandate_by_customer ON mandates(merchant_no, customer_id, create_at DESC, id DESC);
                """)
            for kind in [ResourceKind.checkoutSession, .mandate] {
                try ListCounts.install(table: kind.table, hasStatus: kind.hasStatusColumn, in: db)
            }
        }
        try migrator.migrate(writer)
    }

    /// Tables holding merchant data; `reset` empties them, keeping the signing key and clock.
    /// `list_counts` comes last: the triggers bring it to zero as rows go, then its rows go too.
    static let dataTables = ["payment_intents", "refunds", "customers", "subscriptions", "invoices",
                             "webhook_endpoints", "checkout_sessions", "mandates", "events", "webhook_deliveries",
                             ListCounts.table]
}

extension Database {
    func metaValue(_ key: String) throws -> String? {
        try String.fetchOne(self, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMetaValue(_ key: String, _ value: String) throws {
        try execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
    }
}
