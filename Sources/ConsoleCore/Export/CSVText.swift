/// RFC 4180 writing: CRLF line ends, fields quoted when they contain a comma, quote, CR or LF. Cells go
/// through `SpreadsheetCell` first unless the caller asks for the values as received.
public enum CSVText {
    public static func field(_ text: String, policy: SpreadsheetCell.Policy = .spreadsheetSafe) -> String {
        let value = policy.apply(text)
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String], policy: SpreadsheetCell.Policy = .spreadsheetSafe) -> String {
        fields.map { field($0, policy: policy) }.joined(separator: ",") + "\r\n"
    }
}
