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

    @Option(help: ArgumentHelp("Created at or after this date or time (profile time zone), e.g. 2026-11-01 or \"2026-11-01 09:00\".", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("Created before the end of this date, or before this time.", valueName: "when"))
    var until: String?

    @Option(name: .customLong("status"), help: ArgumentHelp(
        "Only this status; repeat for several. \(PaymentIntentStatus.knownCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "status"))
    var statuses: [String] = []

    @Option(help: ArgumentHelp("Only this customer id.", valueName: "id"))
    var customer: String?

    @Option(help: "table or json.")
    var format: SummaryFormat = .table

    func validate() throws {
        if today && (since != nil || until != nil) {
            throw ValidationError("--today cannot be combined with --since or --until")
        }
        let known = Set(PaymentIntentStatus.knownCases.map(\.rawValue)).union(["cancelled"])
        for status in statuses where !known.contains(status) {
            throw ValidationError("unknown status \"\(status)\"; use one of \(PaymentIntentStatus.knownCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let settings = try global.loadSettings()
        let zone = settings.timeZone.value
        let (from, to) = try interval(timeZone: zone)
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

    private func interval(timeZone: TimeZone) throws(CommandFailure) -> (Date?, Date?) {
        func parse(_ text: String?, _ edge: TimeBound.Edge, _ flag: String) throws(CommandFailure) -> Date? {
            guard let text else { return nil }
            guard let date = TimeBound.parse(text, edge: edge, timeZone: timeZone) else {
                throw CommandFailure(.usage, "\(flag) \"\(text)\": use a date like 2026-11-01, a time like \"2026-11-01 09:30\", today or yesterday")
            }
            return date
        }
        var from = try parse(since, .since, "--since")
        var to = try parse(until, .until, "--until")
        if from == nil, to == nil {
            // Today is the whole calendar day, as the console's "today" is.
            from = TimeBound.parse("today", edge: .since, timeZone: timeZone)
            to = TimeBound.parse("today", edge: .until, timeZone: timeZone)
        }
        if let from, let to, from >= to { throw CommandFailure(.usage, "--since must be before --until") }
        return (from, to)
    }

    private func scopeText(timeZone: TimeZone) -> String {
        var text = since == nil && until == nil ? "today's payments" : "payments" + (since.map { " since \($0)" } ?? "") + (until.map { " until \($0)" } ?? "")
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
