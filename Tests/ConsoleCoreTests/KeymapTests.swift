import XCTest
@testable import ConsoleCore

final class KeymapTests: XCTestCase {
    func testStandardKeymapPassesTheValidator() {
        XCTAssertEqual(KeymapValidator.problems(in: .standard), [])
    }

    func testValidatorRejectsAKeyBoundTwiceInOneContext() {
        let keymap = Keymap.standard.remapping(.togglePause, to: .char("j"))
        let problems = KeymapValidator.problems(in: keymap)
        XCTAssertTrue(problems.contains { $0.context == .payments && $0.key == .char("j") && $0.message.contains("bound twice") }, "\(problems)")
    }

    func testValidatorRejectsMoneyMovesOnOrNextToNavigationKeys() {
        // "Y" is typed on y, which touches h and u on QWERTY; "N" sits on the space bar's row above; enter is navigation.
        for key in [KeyPress.char("Y"), .char("N"), KeyPress(.enter), .char("J"), .char("B"), .char("P")] {
            let keymap = Keymap.standard.remapping(.capture, to: key)
            let problems = KeymapValidator.problems(in: keymap)
            XCTAssertTrue(problems.contains { $0.key == key && $0.message.contains("moves money") }, "\(key): \(problems)")
        }
    }

    func testValidatorRejectsUnshiftedMoneyKeys() {
        let keymap = Keymap.standard.remapping(.refund, to: .char("w"))
        XCTAssertTrue(KeymapValidator.problems(in: keymap).contains { $0.message.contains("must need shift or ctrl") })
    }

    func testNeighboursFollowQwerty() {
        let h = KeymapValidator.qwertyNeighbours["h"] ?? []
        XCTAssertEqual(h, ["g", "j", "y", "u", "b", "n"])
        XCTAssertEqual(KeymapValidator.physicalKey(.char("G")), "g")
        XCTAssertEqual(KeymapValidator.physicalKey(.char(":")), ";")
    }

    func testReadOnlyHelpHasNoMoneyMoves() {
        let full = Keymap.standard.bindings(in: .payments, readOnly: false).map(\.command)
        let readOnly = Keymap.standard.bindings(in: .payments, readOnly: true).map(\.command)
        XCTAssertTrue(full.contains(.capture))
        XCTAssertTrue(full.contains(.refund))
        XCTAssertFalse(readOnly.contains { $0.isDangerous })
        XCTAssertTrue(readOnly.contains(.cursorDown))
    }

    func testContextsSeparateSameKey() {
        XCTAssertEqual(Keymap.standard.command(for: .char("X"), in: .payments), .cancelPayment)
        XCTAssertEqual(Keymap.standard.command(for: .char("X"), in: .subscriptions), .cancelSubscription)
        XCTAssertNil(Keymap.standard.command(for: .char("A"), in: .customers))
    }

    func testKeySpecsRoundTrip() {
        for key in [KeyPress.char("G"), .ctrl("r"), KeyPress(.enter), KeyPress(.function(5)), .char(" "), KeyPress(.pageDown)] {
            XCTAssertEqual(KeyPress(spec: key.description), key, key.description)
        }
        XCTAssertNil(KeyPress(spec: "ctrl-"))
        XCTAssertNil(KeyPress(spec: "banana"))
    }
}
