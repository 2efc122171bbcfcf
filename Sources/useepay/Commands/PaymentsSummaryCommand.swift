import ArgumentParser
import ConsoleCore
import Foundation
import UseePay

/// `useepay payments summary`: the same whole-range figures as the console's summary line, from the
/// same aggregator (ConsoleCore's `AggregateFeed` + `FeedScanner`), for scripts.
struct PaymentsSummary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count and sum payments over a whole range (today's by default), in bounded memory.",
        discussion: """
            Counts by status, succeeded volume per currency, authorisations awaiting capture (count and sum per currency), \
            failed, and refunds created in the range (with --status or --customer: refunds of those payments).
            Example: useepay payments summary --since 2026-11-01 --until 2026-11-30 --format json
            """)

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Payments created today in the profile's time zone (the default when no --since/--until is given).")
    var today = false

    @OptionGroup var range: CreatedRangeOptions

    @Option(name: .customLong("status"), help: PaymentFilters.statusHelp)
    var statuses: [String] = []

    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id"))
    var customer: String?

    @Option(help: "table or json.")
    var format: SummaryFormat = .table

    func validate() throws { try PaymentFilters.validate(today: today, range: range, statuses: statuses) }

    func run() async throws {
        let settings = try global.loadSettings()
        let zone = settings.timeZone.value
        let (from, to) = try range.interval(timeZone: zone, whenNeither: .wholeOfToday)
        let window = ListWindow(pageNum: 0, pageSize: AggregateFeed.pageSize, fromCreatedAt: from, toCreatedAt: to)
        let payments = PaymentIntentListQuery(window: window, statuses: statuses.map(PaymentIntentStatus.init(rawValue:)), customerId: customer)
        var feed = AggregateFeed(payments: payments, refunds: RefundListQuery(window: window), generation: 1, startedAt: Date())
        let streams = StandardStreams()
        let scope = scopeText(timeZone: zone)
        try await ServiceSession.with(settings) { session in
            do {
                try await FeedScanner.scan(&feed, client: session.client, progress: { feed in
                    streams.progress("summing \(feed.payments.count) payments, \(feed.refunds.count) refunds…")
                })
            } catch {
                streams.endProgress()
                throw FailureClassifier.failure(error, doing: "summary stopped after \(feed.payments.count) payments; no figures written")
            }
            streams.endProgress()
        }
        switch format {
        case .json: streams.out(SummaryReport.json(feed, scope: scope, from: from, to: to).prettyText() + "\n")
        case .table: streams.out(SummaryReport.table(feed, scope: scope))
        }
        streams.flush()
    }

    private func scopeText(timeZone: TimeZone) -> String {
        var text = !range.isGiven ? "today's payments"
            : "payments" + (range.since.map { " since \($0)" } ?? "") + (range.until.map { " until \($0)" } ?? "")
        if !statuses.isEmpty { text += " (" + statuses.joined(separator: ", ") + ")" }
        if let customer { text += " of customer \(customer)" }
        return text
    }
}

/// The figures of a feed as a table for people or JSON for scripts. Amounts are exact decimals.
enum SummaryReport {
    static func json(_ feed: AggregateFeed, scope: String, from: Date?, to: Date?) -> JSONValue {
        let iso = ISO8601DateFormatter()
        func count(_ n: Int) -> JSONValue { .number(Decimal(n)) }
        func totals(_ t: MoneyTotals) -> JSONValue {
            .array(t.sums.map { money -> JSONValue in
                .object(["currency": .string(money.currency.code), "amount": .number(money.amount), "count": count(t.count(of: money.currency))])
            })
        }
        func time(_ date: Date?) -> JSONValue { date.map { JSONValue.string(iso.string(from: $0)) } ?? .null }
        let p = feed.payments, r = feed.refunds
        return .object([
            "scope": .string(scope),
            "from": time(from),
            "to": time(to),
            "complete": .bool(feed.isComplete),
            "payments": .object([
                "count": count(p.count),
                "by_status": .object(p.byStatus.counts.mapValues(count)),
                "succeeded": totals(p.succeeded),
                "awaiting_capture": .object(["count": count(p.awaitingCapture.count), "amounts": totals(p.awaitingCapture)]),
                "failed": count(p.failed),
                "declined": count(p.declined),
                "decline_codes": .object(p.declineCodes.counts.mapValues(count)),
            ]),
            "refunds": .object([
                "count": count(r.count),
                "by_status": .object(r.byStatus.counts.mapValues(count)),
                "refunded": totals(r.refunded),
                "in_flight": totals(r.inFlight),
                "failed": totals(r.failed),
            ]),
        ])
    }

    static func table(_ feed: AggregateFeed, scope: String) -> String {
        let p = feed.payments, r = feed.refunds
        func money(_ t: MoneyTotals) -> String {
            t.isEmpty ? "0" : t.sums.map { "\($0.formatted()) (\(t.count(of: $0.currency)))" }.joined(separator: ", ")
        }
        var rows: [(String, String)] = [("scope", scope), ("payments", "\(p.count)")]
        for status in p.byStatus.counts.keys.sorted() { rows.append(("  " + status, "\(p.byStatus[status])")) }
        rows += [
            ("succeeded volume", money(p.succeeded)),
            ("awaiting capture", "\(p.awaitingCapture.count)" + (p.awaitingCapture.isEmpty ? "" : ": " + money(p.awaitingCapture))),
            ("failed", "\(p.failed)"),
            ("refunded", money(r.refunded)),
            ("refunds in flight", money(r.inFlight)),
            ("refunds failed", money(r.failed)),
        ]
        return TableText.fields(rows)
    }
}
