/// Text made safe to open in a spreadsheet (OWASP "CSV injection"). Exports are opened in Excel and
/// LibreOffice, and much of what they hold (customer names, descriptions, order ids, e-mail addresses)
/// is typed by the merchant's customers: a cell like `=HYPERLINK("https://evil.example","click")` would
/// otherwise run as a formula. The one rule every spreadsheet export uses (the CLI's `--format csv`, and
/// any export the console offers).
public enum SpreadsheetCell {
    /// How an export writes its cells.
    public enum Policy: Sendable, Hashable {
        /// Formulas neutralised, control characters removed (the default).
        case spreadsheetSafe
        /// Exactly as the API sent them (`--raw`): for programs, unsafe to open in a spreadsheet.
        case asReceived

        public func apply(_ text: String) -> String {
            self == .asReceived ? text : SpreadsheetCell.safe(text)
        }
    }

    /// Control characters removed; a cell a spreadsheet would read as a formula (it begins with `=`, `+`,
    /// `-`, `@`, tab or carriage return, also after leading spaces) gets a `'` in front, which spreadsheets
    /// read as "this is text". Plain numbers such as `-2.50` stay numbers.
    public static func safe(_ text: String) -> String {
        let cleaned = removingControlCharacters(text)
        guard startsLikeAFormula(cleaned), !isPlainNumber(cleaned) else { return cleaned }
        return "'" + cleaned
    }

    /// Characters that make a spreadsheet evaluate (or, for tab and CR, shift) a cell (OWASP's list).
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func startsLikeAFormula(_ text: String) -> Bool {
        // Leading spaces do not stop every importer (LibreOffice can trim them), so look past them.
        guard let first = text.unicodeScalars.first(where: { $0 != " " }) else { return false }
        return formulaTriggers.contains(first)
    }

    /// `12`, `-2.50`, `+3.1`: a number a spreadsheet shows as a number and never evaluates.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// C0 controls (BEL, BS, ESC, NUL, …) except tab, line feed and carriage return (which CSV quoting
    /// carries inside a field), DEL, C1 controls (0x80–0x9F, e.g. the 8-bit CSI) and the bidirectional
    /// overrides and isolates that make text display in a different order than it is stored.
    static func isRemovedControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func removingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRemovedControl) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.filter { !isRemovedControl($0) })
        return String(result)
    }
}
