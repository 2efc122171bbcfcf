import ConsoleCore
import Foundation
import UseePay
import TestSupport
import UseePaySandbox
import XCTest
@testable import TerminalUI

/// Issue 11 §3: escape sequences the terminfo entry does not describe arrive as ESC plus plain
/// characters (TERM=vt100, linux). They must be read as one key and never run as commands.
final class EscapeSequenceDecodingTests: XCTestCase {
    private func raw(_ text: String) -> [RawKey] { text.unicodeScalars.map { .character($0.value) } }

    /// Sequences a terminal sends for keys vt100/linux terminfo does not know (shift/ctrl/alt arrows,
    /// modified F-keys and page keys, focus reports, bracketed-paste markers, 8-bit CSI and SS3).
    static let unknownSequences = [
        "\u{1b}[1;2A", "\u{1b}[1;2B", "\u{1b}[1;2C", "\u{1b}[1;2D", "\u{1b}[1;5A", "\u{1b}[1;3D", "\u{1b}[1;6H",
        "\u{1b}[15;2~", "\u{1b}[5;5~", "\u{1b}[200~", "\u{1b}[201~", "\u{1b}[I", "\u{1b}[O", "\u{1b}[?1;2c",
        "\u{1b}[>0;95;0c", "\u{1b}[12;40R", "\u{1b}[1 q", "\u{1b}O2P", "\u{1b}O5A", "\u{1b}Ox",
        "\u{9b}1;2A", "\u{8f}R", "\u{1b}[<0;12;5M", "\u{1b}[99999999999999999999;1A",
    ]

    func testUnknownSequencesAreOneIgnoredKey() {
        for sequence in Self.unknownSequences {
            XCTAssertEqual(KeyDecoder.decode(raw(sequence)), [], sequence.debugDescription)
            // Surrounded by real keys, only the real keys come out.
            XCTAssertEqual(KeyDecoder.decode(raw("j" + sequence + "k")), [.char("j"), .char("k")], sequence.debugDescription)
        }
    }

    func testUnmodifiedSequencesEveryTerminalAgreesOnAreTheirKeys() {
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}[Z")), [KeyPress(.backTab)])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}[A\u{1b}OB\u{1b}[C\u{1b}OD")), [KeyPress(.up), KeyPress(.down), KeyPress(.right), KeyPress(.left)])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}[5~\u{1b}[6~\u{1b}[3~\u{1b}[1~\u{1b}[4~\u{1b}[H\u{1b}OF")),
                       [KeyPress(.pageUp), KeyPress(.pageDown), KeyPress(.delete), KeyPress(.home), KeyPress(.end), KeyPress(.home), KeyPress(.end)])
    }

    func testLoneEscapeAndAltStillWork() {
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}")), [KeyPress(.escape)])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}\u{1b}")), [KeyPress(.escape), KeyPress(.escape)])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}x")), [KeyPress(.character("x"), alt: true)])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}\u{1b}[1;2A")), [KeyPress(.escape)])
    }

    func testASequenceInterruptedByAControlKeyKeepsTheControlKey() {
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}[1;\u{03}")), [.ctrl("c")])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}[1;") + [.code(0o403)]), [KeyPress(.up)])
        XCTAssertEqual(KeyDecoder.decode(raw("\u{1b}[12김")), [.char("김")])
    }

    func testSequencesSplitAcrossReadsAreJoined() {
        for sequence in Self.unknownSequences + ["\u{1b}[Z"] {
            let scalars = raw(sequence)
            for cut in 1..<scalars.count {
                var decoder = KeyStreamDecoder()
                let start = ContinuousClock.now
                let first = decoder.decode(Array(scalars[..<cut]), now: start)
                let second = decoder.decode(Array(scalars[cut...]) + raw("j"), now: start + .milliseconds(80))
                let keys = first + second
                let expected: [KeyPress] = sequence == "\u{1b}[Z" ? [KeyPress(.backTab), .char("j")] : [.char("j")]
                if cut == 1 && scalars.count > 1 && sequence.hasPrefix("\u{1b}") {
                    // curses already delivered the ESC as the escape key; the CSI tail that follows at once is
                    // still swallowed (SS3's `O` after a lone escape is the sort key, so it is not).
                    if sequence.hasPrefix("\u{1b}[") {
                        XCTAssertEqual(keys.first, KeyPress(.escape), sequence.debugDescription)
                        XCTAssertEqual(Array(keys.dropFirst()), expected, sequence.debugDescription)
                    }
                    continue
                }
                XCTAssertEqual(keys, expected, "\(sequence.debugDescription) cut at \(cut)")
            }
        }
    }

    func testAHeldPartialSequenceGoesStaleSoItCannotSwallowALaterKey() {
        var decoder = KeyStreamDecoder(staleAfter: .milliseconds(500))
        let start = ContinuousClock.now
        XCTAssertEqual(decoder.decode(raw("\u{1b}[1;2"), now: start), [])
        XCTAssertTrue(decoder.isHoldingPartialSequence)
        XCTAssertEqual(decoder.decode(raw("A"), now: start + .seconds(2)), [.char("A")])
        XCTAssertFalse(decoder.isHoldingPartialSequence)
        // A lone ESC long ago does not turn a later `[` into a sequence start.
        XCTAssertEqual(decoder.decode(raw("\u{1b}"), now: start + .seconds(3)), [KeyPress(.escape)])
        XCTAssertEqual(decoder.decode(raw("[A"), now: start + .seconds(5)), [.char("["), .char("A")])
    }
}

/// The same sequences through the headless terminal into a real console store against the sandbox:
/// nothing happens (no dialog, no filter, no navigation), also when a sequence is split across reads.
final class EscapeSequenceConsoleTests: XCTestCase {
    func testUnknownSequencesDoNothingInTheConsole() async throws {
        let server = try await TestSandbox.start()
        let client = try TestSandbox.client(for: server)
        let store = ConsoleStore(
            state: ConsoleState(mode: .sandbox, profileName: "sandbox", merchantTimeZone: TimeZone(identifier: "UTC")!,
                                size: TerminalSize(columns: 120, rows: 40), sessionTag: "keys"),
            runner: EffectRunner(client: client, journal: InMemoryActionJournal()))
        addTeardownBlock {
            await store.stop()
            try? await client.shutdown()
            await server.stop()
        }
        for index in 0..<3 {
            _ = try await client.createPaymentIntent(PaymentIntentCreateParameters(
                amount: 20, currency: .usd, merchantOrderId: "KEYS-\(index)",
                paymentMethodData: .card(CardDetails(number: "4111111111111111", expiryMonth: "12", expiryYear: "2030", cvc: "123")),
                confirm: true, autoCapture: false))
        }
        await store.start()
        await store.waitUntilIdle()
        let terminal = HeadlessTerminal(size: TerminalSize(columns: 120, rows: 40))

        func feed(_ reads: [String]) async {
            for read in reads {
                terminal.receive(read)
                for input in terminal.readInput() {
                    if case .key(let key) = input { store.enqueue(.key(key)) }
                }
                await store.waitUntilIdle()
            }
        }

        let before = await store.state
        let size = TerminalSize(columns: 120, rows: 40)
        let screenBefore = render(before, size: size).lines()
        XCTAssertTrue((0..<3).allSatisfy { index in screenBefore.contains { $0.contains("KEYS-\(index)") } }, "\(screenBefore)")
        XCTAssertNil(before.dialog)
        for sequence in EscapeSequenceDecodingTests.unknownSequences {
            let scalars = Array(sequence.unicodeScalars)
            await feed([sequence])
            // And split in two reads at every point after the introducer.
            for cut in 2..<max(2, scalars.count) {
                await feed([String(String.UnicodeScalarView(scalars[..<cut])), String(String.UnicodeScalarView(scalars[cut...]))])
            }
            let after = await store.state
            XCTAssertNil(after.dialog, "\(sequence.debugDescription) opened a dialog")
            XCTAssertNil(after.input, "\(sequence.debugDescription) opened an input line")
            XCTAssertEqual(after.screen, before.screen, sequence.debugDescription)
            XCTAssertEqual(render(after, size: size).lines(), screenBefore, sequence.debugDescription)
            XCTAssertEqual(after.showingHelp, false, sequence.debugDescription)
        }

        // In a dialog, shift-tab (ESC [ Z) moves focus back; it neither closes the dialog nor types `Z`.
        await feed(["A"])
        let dialogBefore = await store.state.dialog
        XCTAssertNotNil(dialogBefore, "A opens the capture dialog on an authorised payment")
        await feed(["\u{1b}[Z", "\u{1b}[1;2A", "\u{1b}[", "Z"])
        let dialogAfter = await store.state.dialog
        XCTAssertNotNil(dialogAfter, "shift-tab and shift-up leave the dialog open")
        XCTAssertEqual(dialogAfter?.targets, dialogBefore?.targets)
        XCTAssertEqual(dialogAfter?.amountText, dialogBefore?.amountText, "no Z typed into the amount")
        await feed(["\u{1b}"])
        let closed = await store.state.dialog
        XCTAssertNil(closed, "a lone ESC still closes the dialog")
        let serverSide = try await client.listPaymentIntents(PaymentIntentListQuery(statuses: [.requiresCapture]))
        XCTAssertEqual(serverSide.items.count, 3, "nothing was captured")
    }
}
