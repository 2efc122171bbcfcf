import ArgumentParser
import ConsoleCore
import Foundation
import TerminalUI
import UseePay

/// `useepay find TEXT`: the console's `:find` for scripts. Which requests are made, in which order, is
/// decided by ConsoleCore's `FindPlan`; this command only prints what `ObjectFinder` found.
struct FindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find a payment, customer, subscription, invoice or refund by id, order id, email or phone.",
        discussion: """
            Asks the server the cheapest way: an id is retrieved directly; otherwise the list filters are used \
            (merchant order id, customer email, phone, merchant customer id). One match prints the object like \
            `show`; several print a short list (at most \(ObjectFinder.shortListSize)); none exits with status 1 and \
            says what was tried.
            Examples: useepay find ORD-00000057 · useepay find maria.garcia+16@example.com --format json · useepay find cus_…
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "An id, merchant order id, customer email, phone or merchant customer id.") var text: String
    @Option(help: "table, json, jsonl or csv.") var format: OutputFormat = .table

    func run() async throws {
        let settings = try global.loadSettings()
        let time = TimeText(timeZone: settings.timeZone.value)
        let streams = StandardStreams()
        try await ServiceSession.with(settings) { session in
            let outcome: FindOutcome
            do {
                outcome = try await ObjectFinder(client: session.client).find(text)
            } catch {
                throw FailureClassifier.failure(error, doing: "searching for \(ConsoleTextForCommands.quoted(text))")
            }
            guard let first = outcome.matches.first else {
                throw CommandFailure(.apiRefused, outcome.nothingFoundMessage)
            }
            let how = outcome.matchedBy?.description ?? "search"
            if outcome.matches.count == 1 {
                streams.message("Found \(first.ref.kind.title.lowercased()) \(first.ref.id) by \(how).")
                FoundObjectPrinter.show(first, time: time, dashboard: session.dashboardLinks.link(for: first.ref), format: format,
                                        streams: streams)
            } else {
                streams.message("\(outcome.matches.count)\(outcome.hasMore ? "+" : "") matches by \(how)"
                                + (outcome.hasMore ? " (the first \(outcome.matches.count); narrow the search)." : "."))
                FoundObjectPrinter.list(outcome.matches, time: time, format: format, streams: streams)
            }
        }
    }
}

/// Quotes user text in messages without letting it drive the terminal.
enum ConsoleTextForCommands {
    static func quoted(_ text: String) -> String {
        "\"" + String(TerminalText.sanitize(text).prefix(60)) + "\""
    }
}

/// Prints what `find` matched with the same fields and columns as each kind's `show` and `list`.
enum FoundObjectPrinter {
    static func show(_ object: ConsoleObject, time: TimeText, dashboard: DashboardLink?, format: OutputFormat, streams: StandardStreams) {
        let fields: [(String, String)]
        switch object {
        case .payment(let p): fields = PaymentIntentColumns.fields(p, time: time)
        case .customer(let c): fields = CustomerColumns.fields(c, time: time)
        case .subscription(let s): fields = SubscriptionColumns.fields(s, time: time)
        case .refund(let r): fields = RefundColumns.fields(r, time: time)
        case .billing(.invoice(let i)): fields = InvoiceColumns.fields(i, time: time)
        case .billing(.mandate(let m)): fields = MandateColumns.fields(m, time: time)
        case .billing(.checkoutSession(let s)): fields = CheckoutSessionColumns.fields(s, time: time)
        }
        ListingRunner.show(raw: object.raw, fields: fields, dashboard: dashboard, format: format, streams: streams)
    }

    /// Several matches are always of one kind (one step found them all).
    static func list(_ objects: [ConsoleObject], time: TimeText, format: OutputFormat, streams: StandardStreams) {
        func write<Row: Sendable>(_ rows: [Row], _ columns: [OutputColumn<Row>], _ raw: @escaping (Row) -> JSONValue) {
            let writer = ListingWriter(format: format, columns: columns, raw: raw, streams: streams)
            for row in rows { writer.add(row) }
            writer.finish(emptyMessage: "")
        }
        let payments = objects.compactMap { if case .payment(let p) = $0 { return p } else { return nil } }
        let customers = objects.compactMap { if case .customer(let c) = $0 { return c } else { return nil } }
        if payments.count == objects.count {
            write(payments, PaymentIntentColumns.columns(time: time), \.raw)
        } else if customers.count == objects.count {
            write(customers, CustomerColumns.columns(time: time), \.raw)
        } else {
            // Not produced by today's plan; printed as the API's objects rather than guessed columns.
            write(objects, [OutputColumn("KIND", csv: "kind") { $0.ref.kind.title }, OutputColumn("ID", csv: "id", maxWidth: 64) { $0.ref.id }],
                  \.raw)
        }
    }
}
