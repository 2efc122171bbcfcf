import ConsoleCore
import Foundation
import UseePay

/// Pages through a listing, writing rows as they come, with a count on stderr when it is a terminal.
enum ListingRunner {
    static func run<Item: Identifiable & Sendable>(
        _ sequence: AutoPagingSequence<Item>, format: OutputFormat, columns: [OutputColumn<Item>],
        raw: @escaping (Item) -> JSONValue, limit: Int?, noun: String, streams: StandardStreams,
        cells: SpreadsheetCell.Policy = .spreadsheetSafe
    ) async throws {
        let writer = ListingWriter(format: format, columns: columns, raw: raw, streams: streams, cells: cells)
        do {
            for try await item in sequence {
                writer.add(item)
                if writer.count % 100 == 0 { streams.progress("\(writer.count) \(noun)…") }
                if let limit, writer.count >= limit { break }
            }
        } catch {
            streams.endProgress()
            // Rows already written stay valid output; say how far it got so a partial export is not mistaken for a full one.
            writer.finish(emptyMessage: "")
            throw FailureClassifier.failure(error, doing: "listing stopped after \(writer.count) \(noun)")
        }
        streams.endProgress()
        writer.finish(emptyMessage: "No \(noun) found.")
    }

    static func window(since: Date?, until: Date?) -> ListWindow {
        ListWindow(pageNum: 0, pageSize: ListWindow.maximumPageSize, fromCreatedAt: since, toCreatedAt: until)
    }

    /// Writes one object for the `show` commands. The table (for people) ends with the object's dashboard
    /// link when one is known; json, jsonl and csv stay exactly the API's fields.
    static func show(raw: JSONValue, fields: [(String, String)], dashboard: DashboardLink? = nil, format: OutputFormat,
                     streams: StandardStreams, cells: SpreadsheetCell.Policy = .spreadsheetSafe) {
        switch format {
        case .json: streams.out(raw.prettyText() + "\n")
        case .jsonl: streams.out(raw.jsonText + "\n")
        case .table:
            let link = dashboard.map { [("dashboard", $0.opensObject ? $0.url : "\($0.url) (home; search for the id there)")] } ?? []
            streams.out(TableText.fields(fields + link))
        case .csv:
            streams.out(CSVText.record(fields.map(\.0), policy: cells))
            streams.out(CSVText.record(fields.map(\.1), policy: cells))
        }
        streams.flush()
    }
}

/// `--since`, `--until`, `--limit`, `--format` and `--raw`, shared by every `list` command.
struct ListingOptions: ParsableArguments {
    @OptionGroup var range: CreatedRangeOptions

    @Option(help: "Stop after this many objects.")
    var limit: Int?

    @Option(help: "table, json, jsonl or csv.")
    var format: OutputFormat = .table

    @Flag(help: "With --format csv: write every value exactly as received. UNSAFE to open in a spreadsheet (a customer name like =HYPERLINK(…) runs as a formula); by default such cells get a ' in front and control characters are removed.")
    var raw = false

    /// How CSV cells are written.
    var cells: SpreadsheetCell.Policy { raw ? .asReceived : .spreadsheetSafe }

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit must be a positive number") }
        try RawExportOption.validate(raw: raw, format: format)
    }

    func interval(timeZone: TimeZone, defaultSinceToday: Bool = false) throws(CommandFailure) -> (Date?, Date?) {
        try range.interval(timeZone: timeZone, whenNeither: defaultSinceToday ? .sinceStartOfToday : .unbounded)
    }
}

import ArgumentParser

/// `--raw` only means something for CSV: json and jsonl are always the API's values (JSON escaping keeps
/// them inert), and the table is always cleaned for the terminal.
enum RawExportOption {
    static func validate(raw: Bool, format: OutputFormat) throws {
        if raw && format != .csv {
            throw ValidationError("--raw applies to --format csv only (json and jsonl are always as received; the table is always cleaned for the terminal)")
        }
    }
}
