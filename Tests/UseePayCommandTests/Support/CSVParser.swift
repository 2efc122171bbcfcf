/// A small RFC 4180 reader for checking exports: quoted fields, doubled quotes, CRLF or LF record ends,
/// line breaks inside quotes. Throws on a stray quote so malformed output fails the test.
enum CSVParser {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var iterator = Array(text.unicodeScalars)[...]
        func endField() {
            record.append(field)
            field = ""
            fieldWasQuoted = false
        }
        while let scalar = iterator.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if iterator.first == "\"" {
                        iterator.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw Malformed(description: "quote inside an unquoted field: \(field)") }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                endField()
            case "\r":
                guard iterator.first == "\n" else { throw Malformed(description: "bare CR") }
            case "\n":
                endField()
                records.append(record)
                record = []
            default:
                guard !fieldWasQuoted else { throw Malformed(description: "text after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else { throw Malformed(description: "unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
            endField()
            records.append(record)
        }
        return records
    }
}
