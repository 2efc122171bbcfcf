import Foundation
import Testing
import UseePay
@testable import useepay

/// The glance screen from the built binary in tmux, as a merchant opens it in the morning: the start screen
/// from the environment, drawn in ASCII under TERM=vt100 at 80×24, the volume beside the chart at 120×40,
/// and `w` opening the authorisations waiting for capture as a list ready for bulk capture.
@Suite(.serialized)
struct GlanceTmuxTests {
    @Test(.enabled(if: TmuxConsole.isAvailable))
    func glanceAtEightyByTwentyFourThenWideThenOpensTheWaitingList() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.makePayment("12.50", order: "gl-wait-1")
            _ = try await sandbox.makePayment("7.25", order: "gl-wait-2")
            _ = try await sandbox.makePayment("30.00", manualCapture: false, order: "gl-paid")
            let environment = sandbox.environment(extra: ["TERM": "vt100", "USEEPAY_START_SCREEN": "glance"])
            try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: environment, columns: 80, rows: 24) { console in
                let narrow = try await console.waitForScreen("the glance at 80×24 with its figures final") {
                    $0.contains("Today at a glance") && $0.contains("To capture") && $0.contains("Success rate")
                        && $0.contains("Refunds") && $0.contains("failed today") && $0.contains("Succeeded today: 30.00 USD") && !$0.contains("summing")
                }
                var lines = narrow.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while lines.last?.isEmpty == true { lines.removeLast() }
                #expect(lines.contains { $0.range(of: #"w all +2(\s|$)"#, options: .regularExpression) != nil }, "\(narrow)")
                #expect(lines.contains { $0.range(of: #"1 < 1 day +2(\s|$)"#, options: .regularExpression) != nil }, "\(narrow)")
                #expect(!narrow.contains("█") && !narrow.contains("▒") && !narrow.contains("░"), "vt100 cannot draw block glyphs: ASCII bars")
                #expect(lines.count <= 24 && lines.allSatisfy { $0.count <= 80 })

                try await console.resize(columns: 120, rows: 40)
                let wide = try await console.waitForScreen("the glance at 120×40, the volume beside the chart") {
                    $0.contains("Succeeded today") && $0.contains("1 of 3 payments") && $0.contains("30.00 USD")
                        && !$0.contains("Succeeded today: ")
                }
                #expect(wide.contains("19.75 USD"), "the waiting sum per currency fits at 120 columns:\n\(wide)")

                try await console.press("w")
                let waiting = try await console.waitForScreen("the payments waiting for capture") {
                    $0.contains("gl-wait-1") && $0.contains("gl-wait-2")
                }
                #expect(!waiting.contains("gl-paid"), "only the authorisations waiting for capture")
                try await console.press("q")
                try await console.expectCleanExit()
            }
        }
    }
}
