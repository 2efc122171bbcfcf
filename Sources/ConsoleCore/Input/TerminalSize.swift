/// The size of the terminal in character cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns; self.rows = rows
    }

    public var description: String { "\(columns)x\(rows)" }

    /// Below this the console shows a notice instead of data and refuses every action:
    /// a confirmation dialog must fit whole, or the merchant confirms something they cannot read.
    public static let minimum = TerminalSize(columns: 60, rows: 16)

    public var isUsable: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
}
