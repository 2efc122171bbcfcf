import Foundation

/// `:export csv|jsonl [PATH]`: the list on screen, with its server filters and date range.
public struct ExportRequest: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case csv, jsonl
    }

    public var kind: ListKind
    /// The list's query as the console reads it (page number and size are the exporter's).
    public var query: ObjectQuery
    public var format: Format
    /// Where the user asked for it; nil for a name made from the list and its range, in the current directory.
    public var path: String?
    /// File name (without extension) used when no path was given, e.g. "payments-2026-12-02".
    public var suggestedName: String
    public var timeZone: TimeZone

    public init(kind: ListKind, query: ObjectQuery, format: Format, path: String?, suggestedName: String, timeZone: TimeZone) {
        self.kind = kind
        self.query = query
        self.format = format
        self.path = path
        self.suggestedName = suggestedName
        self.timeZone = timeZone
    }
}

public struct ExportReport: Sendable, Hashable {
    public var path: String
    public var rows: Int
    /// The suggested name was taken, so the export went beside it under this other name.
    public var avoided: String?
    /// Most rows the exporter held at any moment (read from the server but not yet written).
    public var peakRowsHeld: Int
    public var pages: Int

    public init(path: String, rows: Int, avoided: String?, peakRowsHeld: Int, pages: Int) {
        self.path = path
        self.rows = rows
        self.avoided = avoided
        self.peakRowsHeld = peakRowsHeld
        self.pages = pages
    }
}

public struct ExportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Rows already in the file when it stopped (a partial file is kept and called partial).
    public var rowsWritten: Int
    public var path: String?

    public init(message: String, rowsWritten: Int = 0, path: String? = nil) {
        self.message = message
        self.rowsWritten = rowsWritten
        self.path = path
    }

    public var description: String { message }
}
