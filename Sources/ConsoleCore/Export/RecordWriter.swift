import UseePay

/// Formats a listing row by row for a file or a pipe: CSV (spreadsheet-safe unless asked otherwise),
/// JSON lines, or one JSON array. Holds no rows, so an export of any size runs in constant memory.
/// `payments list` and the console's `:export` both write through it.
public final class RecordWriter<Row> {
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl, json
    }

    private let format: Format
    private let columns: [OutputColumn<Row>]
    private let raw: (Row) -> JSONValue
    private let cells: SpreadsheetCell.Policy
    private let sink: (String) -> Void
    public private(set) var count = 0

    /// Writes the CSV header (or the JSON array's opening) at once.
    public init(format: Format, columns: [OutputColumn<Row>], raw: @escaping (Row) -> JSONValue,
                cells: SpreadsheetCell.Policy = .spreadsheetSafe, sink: @escaping (String) -> Void) {
        self.format = format
        self.columns = columns
        self.raw = raw
        self.cells = cells
        self.sink = sink
        switch format {
        case .csv: sink(CSVText.record(columns.flatMap(\.csvHeaders), policy: cells))
        case .json: sink("[")
        case .jsonl: break
        }
    }

    public func add(_ row: Row) {
        switch format {
        case .csv:
            sink(CSVText.record(columns.flatMap { column in column.csvValues.map { $0(row) } }, policy: cells))
        case .jsonl:
            sink(raw(row).jsonText + "\n")
        case .json:
            sink((count == 0 ? "\n" : ",\n") + raw(row).prettyText(indent: "  ").indentedContinuation())
        }
        count += 1
    }

    /// Closes the JSON array; CSV and JSON lines need no ending.
    public func finish() {
        if format == .json { sink(count == 0 ? "]\n" : "\n]\n") }
    }
}

private extension String {
    /// Indents every line of a pretty-printed object by two spaces so it sits inside the enclosing array.
    func indentedContinuation() -> String {
        "  " + replacingOccurrences(of: "\n", with: "\n  ")
    }
}
