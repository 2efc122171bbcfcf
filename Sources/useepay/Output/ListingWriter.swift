import ConsoleCore
import UseePay

/// Writes a listing as it is paged in. CSV, JSON lines and JSON stream row by row through ConsoleCore's
/// `RecordWriter` (the one the console's `:export` uses; constant memory for big exports); the table waits
/// for all rows because column widths depend on them.
final class ListingWriter<Row: Sendable> {
    private let columns: [OutputColumn<Row>]
    private let streams: StandardStreams
    private let records: RecordWriter<Row>?
    private var tableRows: [Row] = []
    private var tableCount = 0
    var count: Int { records?.count ?? tableCount }

    init(format: OutputFormat, columns: [OutputColumn<Row>], raw: @escaping (Row) -> JSONValue, streams: StandardStreams,
         cells: SpreadsheetCell.Policy = .spreadsheetSafe) {
        self.columns = columns
        self.streams = streams
        let recordFormat: RecordWriter<Row>.Format? = switch format {
        case .table: nil
        case .csv: .csv
        case .jsonl: .jsonl
        case .json: .json
        }
        self.records = recordFormat.map { RecordWriter(format: $0, columns: columns, raw: raw, cells: cells, sink: streams.out) }
    }

    func add(_ row: Row) {
        if let records {
            records.add(row)
        } else {
            tableRows.append(row)
            tableCount += 1
        }
    }

    func finish(emptyMessage: String) {
        if let records {
            records.finish()
        } else if tableRows.isEmpty {
            streams.message(emptyMessage)
        } else {
            streams.out(TableText.render(tableRows, columns: columns))
        }
        streams.flush()
    }
}
