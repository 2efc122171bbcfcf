import ConsoleCore
import UseePay

/// Writes a listing as it is paged in. CSV, JSON lines and JSON stream row by row (constant memory for big exports);
/// the table waits for all rows because column widths depend on them.
final class ListingWriter<Row: Sendable> {
    private let format: OutputFormat
    private let columns: [OutputColumn<Row>]
    private let raw: (Row) -> JSONValue
    private let streams: StandardStreams
    /// CSV cells: spreadsheet-safe unless `--raw` asked for the values as received.
    private let cells: SpreadsheetCell.Policy
    private var tableRows: [Row] = []
    private(set) var count = 0

    init(format: OutputFormat, columns: [OutputColumn<Row>], raw: @escaping (Row) -> JSONValue, streams: StandardStreams,
         cells: SpreadsheetCell.Policy = .spreadsheetSafe) {
        self.format = format
        self.cells = cells
        self.columns = columns
        self.raw = raw
        self.streams = streams
        if format == .csv {
            streams.out(CSVText.record(columns.flatMap(\.csvHeaders), policy: cells))
        }
        if format == .json { streams.out("[") }
    }

    func add(_ row: Row) {
        switch format {
        case .table:
            tableRows.append(row)
        case .csv:
            streams.out(CSVText.record(columns.flatMap { column in column.csvValues.map { $0(row) } }, policy: cells))
        case .jsonl:
            streams.out(raw(row).jsonText + "\n")
        case .json:
            streams.out((count == 0 ? "\n" : ",\n") + raw(row).prettyText(indent: "  ").indentedContinuation())
        }
        count += 1
    }

    func finish(emptyMessage: String) {
        switch format {
        case .table:
            if tableRows.isEmpty {
                streams.message(emptyMessage)
            } else {
                streams.out(TableText.render(tableRows, columns: columns))
            }
        case .json:
            streams.out(count == 0 ? "]\n" : "\n]\n")
        case .csv, .jsonl:
            break
        }
        streams.flush()
    }
}

private extension String {
    /// Indents every line of a pretty-printed object by two spaces so it sits inside the enclosing array.
    func indentedContinuation() -> String {
        "  " + replacingOccurrences(of: "\n", with: "\n  ")
    }
}
