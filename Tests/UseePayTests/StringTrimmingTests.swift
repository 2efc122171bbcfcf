import Foundation
import XCTest
@testable import UseePay

/// `trimmed` skips Foundation when there is nothing to trim; it must answer exactly what
/// `trimmingCharacters(in:)` answers for every kind of end.
final class StringTrimmingTests: XCTestCase {
    func testTrimmedAgreesWithFoundationForEveryKindOfEnd() {
        let samples = ["", " ", "USD", " usd ", "\tsucceeded\n", "2026-12-02T09:00:00Z", "김민준", " 김민준", "김민준\u{00A0}",
                       "\u{00A0}Zoë\u{2003}", "Ngọc Anh Nguyễn", "\u{3000}高橋 翔\u{3000}", "a\u{0007}", "\u{FEFF}x", "é", " é\n"]
        for text in samples {
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
                XCTAssertEqual(text.trimmed(set), text.trimmingCharacters(in: set), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
