/// How the project writes a JSON string, for the client's request bodies and output and for the
/// sandbox's responses alike. Besides what JSON requires (`"`, `\`, C0 controls) it escapes DEL,
/// the C1 controls (U+0080…U+009F, e.g. the one-byte CSI U+009B) and U+2028/U+2029, so hostile text
/// travels intact but never raw: a terminal, a log or a JavaScript reader of the output cannot be
/// steered by it. `/` is not escaped.
public enum JSONStringEscaping {
    /// Appends `text` as a quoted JSON string.
    public static func appendQuoted(_ text: String, to output: inout String) {
        output.append("\"")
        // Most text needs no escape: append it in one piece. Printable ASCII other than the quote and the
        // backslash is checked byte by byte (fast); only text with other bytes is walked by scalar.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C })
            || !text.unicodeScalars.contains(where: needsEscape) {
            output.append(text)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output.append("\\\"")
                case "\\": output.append("\\\\")
                case "\n": output.append("\\n")
                case "\r": output.append("\\r")
                case "\t": output.append("\\t")
                case _ where needsEscape(scalar): appendUnicodeEscape(scalar.value, to: &output)
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }

    public static func quoted(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x22 || value == 0x5C || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    private static func appendUnicodeEscape(_ value: UInt32, to output: inout String) {
        let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        output.append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
