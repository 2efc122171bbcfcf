import ConsoleCore
import Foundation
import XCTest
@testable import TerminalUI

/// A tiny model for driving the run loop: the keys typed so far.
private struct Typed: Sendable, Equatable {
    var text = ""
    var size = TerminalSize(columns: 0, rows: 0)
}

/// Records everything the loop reports, and wakes waiting tests when the loop is idle.
private final class LoopProbe: @unchecked Sendable {
    private let condition = NSCondition()
    private var idleModels: [Typed] = []
    private(set) var inputs: [TerminalInput] = []

    func recordInput(_ input: TerminalInput) {
        condition.withLock { inputs.append(input) }
    }

    func recordIdle(_ model: Typed) {
        condition.withLock {
            idleModels.append(model)
            condition.broadcast()
        }
    }

    /// Waits for the loop to report idle with a model that satisfies `predicate`.
    @discardableResult
    func waitForIdle(where predicate: (Typed) -> Bool) -> Typed? {
        condition.withLock {
            let deadline = Date().addingTimeInterval(10)
            while true {
                if let model = idleModels.last, predicate(model) { return model }
                if !condition.wait(until: deadline) { return nil }
            }
        }
    }

    var idleCount: Int { condition.withLock { idleModels.count } }

    /// Waits until the loop has reported idle more than `count` times in all.
    func waitForIdle(after count: Int) -> Bool {
        condition.withLock {
            let deadline = Date().addingTimeInterval(10)
            while idleModels.count <= count {
                if !condition.wait(until: deadline) { return false }
            }
            return true
        }
    }
    var recordedInputs: [TerminalInput] { condition.withLock { inputs } }
}

final class TerminalAppTests: XCTestCase {
    private func makeApp(probe: LoopProbe, model: @escaping @Sendable () -> Typed, apply: @escaping @Sendable (TerminalInput) -> Void) -> TerminalApp<Typed> {
        TerminalApp(
            initial: Typed(),
            render: { model, size in
                var grid = CellGrid(size: size)
                grid.write("typed: \(model.text)", x: 0, y: 0, maxWidth: size.columns, role: .normal)
                grid.write("\(size.columns)x\(size.rows)", x: 0, y: 1, maxWidth: size.columns, role: .dim)
                return grid
            },
            onInput: { input in
                probe.recordInput(input)
                apply(input)
            },
            onIdle: { probe.recordIdle($0) }
        )
    }

    func testKeysFlowThroughAndFramesShowTheNewestModel() throws {
        let terminal = HeadlessTerminal(size: TerminalSize(columns: 20, rows: 3))
        let probe = LoopProbe()
        let store = LockedModel()
        let app = makeApp(probe: probe, model: { store.value }) { input in
            // Stands in for the console store: a new model goes back to the app.
            store.apply(input)
        }
        store.app = app
        let loop = LoopThread(app: app, terminal: terminal)
        XCTAssertNotNil(probe.waitForIdle { $0.size.columns == 20 })
        XCTAssertEqual(terminal.lines(), ["typed:              ", "20x3                ", "                    "])

        terminal.type(.char("a"), .char("김"), .char("b"))
        XCTAssertNotNil(probe.waitForIdle { $0.text == "a김b" })
        XCTAssertEqual(terminal.lines()[0], "typed: a김b         ")

        terminal.resize(to: TerminalSize(columns: 12, rows: 2))
        XCTAssertNotNil(probe.waitForIdle { $0.size.columns == 12 })
        XCTAssertEqual(terminal.lines(), ["typed: a김b ", "12x2        "])

        app.copyToClipboard("pi_123")
        app.quit()
        XCTAssertEqual(loop.waitForExit(), .quit)
        XCTAssertTrue(terminal.isShutDown)
        XCTAssertEqual(terminal.clipboard, ["pi_123"])
        XCTAssertTrue(terminal.isShutDown)
    }

    func testAnUnchangedModelDrawsNoFrame() throws {
        let terminal = HeadlessTerminal(size: TerminalSize(columns: 10, rows: 2))
        let probe = LoopProbe()
        let app = makeApp(probe: probe, model: { Typed() }) { _ in }
        let loop = LoopThread(app: app, terminal: terminal)
        XCTAssertNotNil(probe.waitForIdle { _ in true })
        let frames = terminal.frameCount
        let idles = probe.idleCount
        // The same model again: the loop wakes, renders, sees an identical grid, writes nothing.
        app.update(Typed())
        XCTAssertTrue(probe.waitForIdle(after: idles))
        XCTAssertEqual(terminal.frameCount, frames)
        app.quit()
        XCTAssertEqual(loop.waitForExit(), .quit)
        XCTAssertTrue(terminal.isShutDown)
    }

    func testBurstsCoalesceIntoFewFrames() throws {
        let terminal = HeadlessTerminal(size: TerminalSize(columns: 40, rows: 2))
        let probe = LoopProbe()
        let store = LockedModel()
        let app = makeApp(probe: probe, model: { store.value }) { store.apply($0) }
        store.app = app
        let loop = LoopThread(app: app, terminal: terminal)
        XCTAssertNotNil(probe.waitForIdle { $0.size.columns == 40 })
        let before = terminal.frameCount
        terminal.type(.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"))
        XCTAssertNotNil(probe.waitForIdle { $0.text == "12345678" })
        XCTAssertEqual(terminal.frameCount - before, 1, "eight keys typed at once make one frame")
        XCTAssertEqual(terminal.changedCellsInLastFrame, 8)
        app.quit()
        XCTAssertEqual(loop.waitForExit(), .quit)
        XCTAssertTrue(terminal.isShutDown)
    }
}

/// Stands in for ConsoleStore: applies input to a model and hands the result to the app.
private final class LockedModel: @unchecked Sendable {
    private let lock = NSLock()
    private var model = Typed()
    var app: TerminalApp<Typed>?

    var value: Typed { lock.withLock { model } }

    func apply(_ input: TerminalInput) {
        let updated: Typed = lock.withLock {
            switch input {
            case .key(let key): if case .character(let c) = key.key { model.text.append(c) }
            case .resize(let size): model.size = size
            }
            return model
        }
        app?.update(updated)
    }
}

/// Runs the loop on its own thread, as the executable does, and reports how it ended.
private final class LoopThread: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var exit: TerminalExit?

    init(app: TerminalApp<Typed>, terminal: HeadlessTerminal) {
        let thread = Thread {
            self.exit = app.run(on: terminal)
            self.finished.signal()
        }
        thread.start()
    }

    func waitForExit() -> TerminalExit? {
        guard finished.wait(timeout: .now() + 10) == .success else { return nil }
        return exit
    }
}
