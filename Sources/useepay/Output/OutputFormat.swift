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
