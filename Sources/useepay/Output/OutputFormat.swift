import ArgumentParser

/// How listings and objects are written to stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned columns for people.
    case table
    /// One JSON array of the API's objects, as received.
    case json
    /// One API object per line.
    case jsonl
    /// RFC 4180 with a header row; amounts as plain decimals beside a currency column.
    case csv
}

/// One column of a listing, declared as data: the same declaration drives the table and the CSV.
struct OutputColumn<Row>: Sendable {
    enum Alignment: Sendable { case left, right }

    var header: String
    var csvHeader: String
    var alignment: Alignment
    /// Widest a table cell may get before it is cut with "…" (descriptions, names).
    var maxTableWidth: Int
    var tableValue: @Sendable (Row) -> String
    var csvValues: [@Sendable (Row) -> String]
    var csvHeaders: [String]

    /// A column that prints the same text in the table and the CSV.
    init(_ header: String, csv: String, alignment: Alignment = .left, maxWidth: Int = 40, _ value: @escaping @Sendable (Row) -> String) {
        self.header = header
        self.csvHeader = csv
        self.alignment = alignment
        self.maxTableWidth = maxWidth
        self.tableValue = value
        self.csvValues = [value]
        self.csvHeaders = [csv]
    }

    /// A column shown one way to people and split into several CSV columns (an amount and its currency).
    init(_ header: String, alignment: Alignment, table: @escaping @Sendable (Row) -> String,
         csv: [(String, @Sendable (Row) -> String)]) {
        self.header = header
        self.csvHeader = csv.first?.0 ?? header
        self.alignment = alignment
        self.maxTableWidth = 40
        self.tableValue = table
        self.csvValues = csv.map(\.1)
        self.csvHeaders = csv.map(\.0)
    }
}
