import Foundation
import XCTest
@testable import UseePaySandbox

/// The sandbox reads times in its own common-form parser and leaves the rest to
/// `ISO8601DateFormatter`; where the parser answers, it must answer as the formatter does.
final class SandboxTimeTests: XCTestCase {
    func testCommonFormsReadAsTheFormatterReadsThem() {
        var random = SplitMix64(seed: 20_261_202)
        var compared = 0
        for _ in 0..<3_000 {
            // 1970–2099, any millisecond.
            let milliseconds = Int64(random.next() % 4_102_444_800_000)
            let whole = SandboxTime.iso(milliseconds: milliseconds)
            let fraction = String(whole.dropLast()) + "." + String(format: "%03d", milliseconds % 1000) + "Z"
            let hours = Int(random.next() % 14), minutes = [0, 30, 45][Int(random.next() % 3)]
            let sign = random.next() % 2 == 0 ? "+" : "-"
            let offset = String(whole.dropLast()) + String(format: "%@%02d:%02d", sign, hours, minutes)
            for text in [whole, fraction, offset, String(fraction.dropLast()) + "+09:00"] {
                let fast = SandboxTime.parseCommonForm(text)
                XCTAssertNotNil(fast, text)
                XCTAssertEqual(fast, SandboxTime.parseWithFormatter(text), text)
                compared += 1
            }
        }
        XCTAssertEqual(SandboxTime.parse("2024-10-28T07:17:43Z"), 1_730_099_863_000)
        XCTAssertEqual(SandboxTime.parse("2024-09-29T07:44:50.774Z"), 1_727_595_890_774)
        XCTAssertEqual(SandboxTime.parse("2024-02-29T00:00:00.5+09:00"), SandboxTime.parseWithFormatter("2024-02-29T00:00:00.5+09:00"))
        XCTAssertEqual(compared, 12_000)
    }

    func testAnythingElseIsLeftToTheFormatter() {
        for text in ["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z",
                     "2024-01-01T00:60:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "2024-01-01T00:00:00.1234Z",
                     "2024-01-01T00:00:00+0900", "2024-01-01t00:00:00z", "２０２４-01-01T00:00:00Z", "", "yesterday"] {
            XCTAssertNil(SandboxTime.parseCommonForm(text), text)
            XCTAssertEqual(SandboxTime.parse(text), SandboxTime.parseWithFormatter(text), text)
        }
    }
}
