import ConsoleCore
import TerminalUI

/// Aligned text columns for people. Widths are measured in terminal columns, so Korean or Japanese
/// names line up, and every cell is sanitised so API text cannot drive the terminal.
enum TableText {
    static func render<Row>(_ rows: [Row], columns: [OutputColumn<Row>]) -> String {
        let cells = rows.map { row in
            columns.map { column in
                TerminalText.truncate(TerminalText.sanitize(column.tableValue(row)), toWidth: column.maxTableWidth)
            }
        }
        let widths = columns.indices.map { index in
            max(TerminalText.width(columns[index].header), cells.map { TerminalText.width($0[index]) }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            let padded = values.indices.map { index in
                let last = index == values.count - 1
                if last && columns[index].alignment == .left { return values[index] }
                return TerminalText.pad(values[index], toWidth: widths[index], alignRight: columns[index].alignment == .right)
            }
            return padded.joined(separator: "  ")
        }
        var output = line(columns.map(\.header)) + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }

    /// "Name   value" lines for one object (the `show` commands).
    static func fields(_ pairs: [(String, String)]) -> String {
        let width = pairs.map { TerminalText.width($0.0) }.max() ?? 0
        return pairs.map { name, value in
            TerminalText.pad(name, toWidth: width) + "  " + TerminalText.sanitize(value)
        }.joined(separator: "\n") + "\n"
    }
}
