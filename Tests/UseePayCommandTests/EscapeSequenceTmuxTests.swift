import Foundation
import Testing
import UseePay
@testable import useepay

/// Issue 11 §3 in a real terminal: under TERM=vt100 the terminfo entry knows neither shift-arrows nor
/// shift-tab, so curses hands their bytes over one by one. They must open nothing.
@Suite(.serialized)
struct EscapeSequenceTmuxTests {
    @Test(.enabled(if: TmuxConsole.isAvailable))
    func shiftArrowsAndShiftTabOpenNothingUnderVT100() async throws {
        try await withSandbox { sandbox in
            let waiting = try await sandbox.makePayment("45.00", customerName: "Dana", order: "order-keys-wait")
            try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: sandbox.environment(extra: ["TERM": "vt100"])) { console in
                try await console.waitForScreen(containing: "order-keys-wait")
                // Shift-up/down/right/left, shift-tab, ctrl-up, and a shift-F5: raw bytes, as a terminal sends them.
                for sequence in ["1b5b313b3241", "1b5b313b3242", "1b5b313b3243", "1b5b313b3244", "1b5b5a", "1b5b313b3541", "1b5b31353b327e"] {
                    try await console.sendHex(sequence)
                }
                // Keys are read in order: once the help for `?` is drawn, every byte before it has been handled.
                try await console.press("?")
                let screen = try await console.waitForScreen(containing: "(any key closes)")
                #expect(!screen.contains("Capture —"), "the A of shift-up opened the capture dialog:\n\(screen)")
                #expect(!screen.contains("Cancel payment"), "\(screen)")
                try await console.press("Space")
                try await console.waitForScreen("the list again") { !$0.contains("(any key closes)") && $0.contains("order-keys-wait") }

                // In the capture dialog, shift-up is ignored and shift-tab is shift-tab: focus leaves [ Cancel ]
                // (it starts there) and the dialog stays open.
                try await console.press("A")
                try await console.waitForScreen("the capture dialog, focus on Cancel") { $0.contains("Capture — SANDBOX") && $0.contains("[ Cancel ]") }
                try await console.sendHex("1b5b313b3241")
                try await console.sendHex("1b5b5a")
                let dialog = try await console.waitForScreen("focus moved back by shift-tab, dialog still open") {
                    $0.contains("Capture — SANDBOX") && !$0.contains("[ Cancel ]")
                }
                #expect(dialog.contains(waiting.id))
                try await console.press("Escape")
                try await console.waitForScreen("the dialog closed by a lone ESC") { !$0.contains("Capture — SANDBOX") && $0.contains("order-keys-wait") }
                try await console.press("q")
                try await console.expectCleanExit()
                #expect(try await sandbox.client.retrievePaymentIntent(id: waiting.id).status == .requiresCapture, "nothing was captured")
            }
        }
    }
}

extension TmuxConsole {
    /// Writes raw bytes into the pane, exactly as a terminal would deliver a key's escape sequence.
    func sendHex(_ hex: String) async throws {
        var bytes: [String] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(String(hex[index..<next]))
            index = next
        }
        try await tmux(["send-keys", "-t", session, "-H"] + bytes)
    }
}
