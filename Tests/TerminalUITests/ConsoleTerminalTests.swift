import ConsoleCore
import Foundation
import TerminalUI
import XCTest

/// The store-to-terminal wiring lives in TerminalUI: keys reach the store's inbox, the store's states reach the
/// screen, the store's quit ends the loop, and the idle signal fires only once the screen shows the settled state.
final class ConsoleTerminalTests: XCTestCase {
    func testKeysReachTheStoreFramesShowItsStateAndQuitEndsTheLoop() async throws {
        let terminal = HeadlessTerminal(size: TerminalSize(columns: 80, rows: 24))
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox, profileName: "wiring"), perform: { effect in
            guard case .load(let request) = effect else { return [] }
            return [.effectResult(.loaded(request, .success(LoadedPage(objects: [], hasMore: false))))]
        })
        let (idles, idled) = AsyncStream<Void>.makeStream()
        let run = Task {
            try await ConsoleTerminal.run(store: store, journal: nil, idleSignal: { idled.yield() }, makeBackend: { terminal })
        }
        // Only a bound on failure (a broken wiring never shows the text): the waits below end at the first idle that shows it.
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(20))
            idled.finish()
        }
        defer { watchdog.cancel() }
        func waitForScreen(_ text: String) async -> Bool {
            for await _ in idles where terminal.lines().contains(where: { $0.contains(text) }) { return true }
            return false
        }
        let loaded = await waitForScreen("No payments here.")
        XCTAssertTrue(loaded, terminal.lines().joined(separator: "\n"))
        terminal.type(.char(":"), .char("c"), .char("u"), .char("s"), KeyPress(.enter))
        let switched = await waitForScreen("No customers here.")
        XCTAssertTrue(switched, terminal.lines().joined(separator: "\n"))
        let state = await store.state
        XCTAssertEqual(state.screen, .list(.customers), "the keys went through the store, in order")
        // A broken wiring cannot quit the loop either: stop here rather than wait for it.
        guard loaded, switched else { return }
        terminal.type(.char("q"))
        let exit = try await run.value
        XCTAssertEqual(exit, .quit)
        XCTAssertTrue(terminal.isShutDown, "the terminal is restored on the way out")
    }
}
