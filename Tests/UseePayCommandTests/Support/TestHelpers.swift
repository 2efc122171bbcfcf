import Foundation

extension String {
    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
}

/// Display columns of text as a terminal draws it: Hangul and other wide East Asian text take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
        return total + (wide ? 2 : 1)
    }
}

/// Display column at which `needle` starts in `line`.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return displayWidth(String(line[..<range.lowerBound]))
}

func parseJSONArray(_ text: String) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let array = value as? [[String: Any]] else { throw CocoaError(.coderReadCorrupt) }
    return array
}

func parseJSONObject(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let object = value as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
    return object
}
