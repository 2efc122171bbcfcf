/// One column of a listing, declared as data: the same declaration drives the table and the CSV, in
/// `payments list` and in the console's `:export` alike.
public struct OutputColumn<Row>: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: String
    public var csvHeader: String
    public var alignment: Alignment
    /// Widest a table cell may get before it is cut with "…" (descriptions, names).
    public var maxTableWidth: Int
    public var tableValue: @Sendable (Row) -> String
    public var csvValues: [@Sendable (Row) -> String]
    public var csvHeaders: [String]

    /// A column that prints the same text in the table and the CSV.
    public init(_ header: String, csv: String, alignment: Alignment = .left, maxWidth: Int = 40, _ value: @escaping @Sendable (Row) -> String) {
        self.header = header
        self.csvHeader = csv
        self.alignment = alignment
        self.maxTableWidth = maxWidth
        self.tableValue = value
        self.csvValues = [value]
        self.csvHeaders = [csv]
    }

    /// A column shown one way to people and split into several CSV columns (an amount and its currency).
    public init(_ header: String, alignment: Alignment, table: @escaping @Sendable (Row) -> String,
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
