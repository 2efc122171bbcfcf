import ConsoleCore
import XCTest

/// Keys arrive from the terminal thread one after another and must reach the reducer in that order:
/// a typed amount or a typed `yes` that arrives shuffled is a different instruction.
final class StoreInputOrderTests: XCTestCase {
    func testKeysSentFromOutsideAreReducedInTheOrderTheyWereTyped() async {
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox), perform: { _ in [] })
        let typed = "order-e2e-refund-0123456789-abcdefghijklmnopqrstuvwxyz"
        for _ in 0..<20 {
            store.enqueue(.key(.char("/")))
            for character in typed { store.enqueue(.key(.char(character))) }
            await store.waitUntilIdle()
            let text = await store.state.input?.text
            XCTAssertEqual(text, typed)
            store.enqueue(.key(KeyPress(.escape)))
            await store.waitUntilIdle()
        }
    }

    func testEventsAfterStopDoNotLeaveTheStoreBusy() async {
        let store = ConsoleStore(state: ConsoleState(mode: .sandbox), perform: { _ in [] })
        await store.stop()
        store.enqueue(.key(.char("j")))
        let idle = await store.isIdle
        XCTAssertTrue(idle)
    }
}
