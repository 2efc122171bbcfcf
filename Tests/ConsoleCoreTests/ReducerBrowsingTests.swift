import XCTest
import UseePay
@testable import ConsoleCore

final class ReducerBrowsingTests: XCTestCase {
    func testStartLoadsTodayInTheMerchantsTimeZone() {
        var state = Fixtures.state()
        state.merchantTimeZone = Fixtures.seoul
        var driver = Driver(state)
        let effects = driver.send(.started)
        guard case .load(let request)? = effects.first, case .payments(let query) = request.query else { return XCTFail("\(effects)") }
        let iso = ISO8601DateFormatter()
        XCTAssertEqual(query.window.fromCreatedAt.map(iso.string), "2026-11-21T15:00:00Z")
        XCTAssertEqual(query.window.toCreatedAt.map(iso.string), "2026-11-22T15:00:00Z")
        XCTAssertEqual(query.window.pageNum, 0)
        XCTAssertEqual(driver.state.payments.phase, .loading(page: 0))
    }

    func testStartSchedulesRefreshOnlyWhenConfigured() {
        var off = Driver(Fixtures.state(refresh: 0))
        XCTAssertFalse(off.send(.started).contains(.scheduleRefresh(seconds: 0)))
        var on = Driver(Fixtures.state(refresh: 15))
        XCTAssertTrue(on.send(.started).contains(.scheduleRefresh(seconds: 15)))
    }

    func testScrollingNearTheEndLoadsTheNextPageOnceAndEndsWithAllLoaded() {
        var driver = Driver()
        var loads: [LoadRequest] = []
        // 20 rows on a 18-row screen: the next page is read as soon as the first arrives, before any key.
        if let r = Driver.loadRequest(driver.start(with: (1...20).map { Fixtures.payment("pi_\(100 - $0)") }, hasMore: true)) { loads.append(r) }
        for _ in 0..<19 { if let r = Driver.loadRequest(driver.press("j")) { loads.append(r) } }
        XCTAssertEqual(loads.count, 1, "one page request while the first is in flight")
        XCTAssertEqual(loads.first?.page, 1)
        driver.send(.effectResult(.loaded(loads[0], .success(LoadedPage(objects: [.payment(Fixtures.payment("pi_50"))], hasMore: false)))))
        XCTAssertTrue(driver.state.payments.allLoaded)
        XCTAssertEqual(driver.state.payments.count, 21)
        XCTAssertNil(Driver.loadRequest(driver.press("G")))
    }

    func testFailedPageKeepsRowsShowsErrorAndRetriesSamePage() {
        var driver = Driver()
        driver.start(with: (1...20).map { Fixtures.payment("pi_\($0)") }, hasMore: true)
        let effects = driver.press("G")
        guard let request = Driver.loadRequest(effects) else { return XCTFail("no page load") }
        let failure = ConsoleFailure(message: "HTTP 502 from server (not JSON)", suggestion: "Try again shortly")
        driver.send(.effectResult(.loaded(request, .failure(failure))))
        XCTAssertEqual(driver.state.payments.count, 20)
        XCTAssertEqual(driver.state.payments.phase, .failed(page: 1, failure))
        let retry = driver.press(.ctrl("r"))
        XCTAssertEqual(Driver.loadRequest(retry)?.page, 1)
        XCTAssertEqual(driver.state.payments.phase, .loading(page: 1))
    }

    func testLiveRefreshMergesNewRowsWithoutMovingTheCursor() {
        var driver = Driver(Fixtures.state(refresh: 10))
        driver.start(with: [Fixtures.payment("pi_3"), Fixtures.payment("pi_2"), Fixtures.payment("pi_1")])
        driver.press("j")
        XCTAssertEqual(driver.state.payments.cursorID, "pi_2")
        let tick = driver.send(.refreshTick)
        XCTAssertTrue(tick.contains(.scheduleRefresh(seconds: 10)))
        guard let request = Driver.loadRequest(tick) else { return XCTFail("refresh did not load") }
        XCTAssertTrue(request.isRefresh)
        XCTAssertEqual(request.page, 0)
        driver.send(.effectResult(.loaded(request, .success(LoadedPage(objects: [.payment(Fixtures.payment("pi_4")), .payment(Fixtures.payment("pi_3"))], hasMore: true)))))
        XCTAssertEqual(driver.state.payments.cursorID, "pi_2")
        XCTAssertEqual(driver.state.payments.visible.first, "pi_4")
        XCTAssertEqual(driver.state.flash, Flash("1 new (marked)", .info))
        XCTAssertEqual(driver.state.payments.highlights["pi_4"], .new(untilTick: 3))
    }

    func testPauseStopsLiveRefreshReads() {
        var driver = Driver(Fixtures.state(refresh: 10))
        driver.start(with: [Fixtures.payment("pi_1")])
        driver.press("p")
        XCTAssertTrue(driver.state.refreshPaused)
        XCTAssertNil(Driver.loadRequest(driver.send(.refreshTick)))
        driver.press("p")
        XCTAssertNotNil(Driver.loadRequest(driver.send(.refreshTick)))
    }

    func testLateAnswerForAnOldQueryIsDropped() {
        var driver = Driver()
        let first = Driver.loadRequest(driver.send(.started))!
        driver.press("t") // yesterday: a new query
        driver.send(.effectResult(.loaded(first, .success(LoadedPage(objects: [.payment(Fixtures.payment("pi_old"))], hasMore: false)))))
        XCTAssertEqual(driver.state.payments.count, 0)
        XCTAssertEqual(driver.state.paymentRange, .yesterday)
    }

    func testSlashFilterNarrowsAsTypedAndEscRestores() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1", customer: "Alice"), Fixtures.payment("pi_2", customer: "Bob")])
        driver.press("/")
        driver.type("bo")
        XCTAssertEqual(driver.state.payments.visible, ["pi_2"])
        driver.press(KeyPress(.escape))
        XCTAssertNil(driver.state.input)
        XCTAssertEqual(driver.state.payments.visible, ["pi_1", "pi_2"])
        driver.press("/")
        driver.type("ali")
        driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.state.payments.visible, ["pi_1"])
        XCTAssertEqual(driver.state.flash, Flash("Filter \"ali\": 1 shown", .info))
    }

    func testQuickStatusFilterAndSort() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1", status: "requires_capture", amount: "9"), Fixtures.payment("pi_2", amount: "1"),
                            Fixtures.payment("pi_3", status: "requires_capture", amount: "3")])
        driver.press("1")
        XCTAssertEqual(driver.state.payments.visible, ["pi_1", "pi_3"])
        driver.press("o") // amount ascending
        XCTAssertEqual(driver.state.payments.sort, ListSort(column: "amount", descending: false))
        XCTAssertEqual(driver.state.payments.visible, ["pi_3", "pi_1"])
        driver.press("O")
        XCTAssertEqual(driver.state.payments.visible, ["pi_1", "pi_3"])
        driver.press("0")
        XCTAssertEqual(driver.state.payments.visible, ["pi_1", "pi_3", "pi_2"])
    }

    func testPaletteSwitchesScreensAndReloadsWithArguments() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1")])
        driver.press(":")
        driver.type("pi requires_capture")
        let effects = driver.press(KeyPress(.enter))
        guard let request = Driver.loadRequest(effects), case .payments(let q) = request.query else { return XCTFail("\(effects)") }
        XCTAssertEqual(q.statuses, [.requiresCapture])
        XCTAssertEqual(driver.state.payments.count, 0, "new server filter starts the list over")
        driver.press(":")
        driver.type("cus")
        let cus = driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.state.screen, .list(.customers))
        guard case .customers? = Driver.loadRequest(cus)?.query else { return XCTFail("\(cus)") }
        driver.press(":")
        driver.type("nonsense")
        XCTAssertEqual(driver.press(KeyPress(.enter)), [])
        XCTAssertEqual(driver.state.flash?.kind, .error)
        XCTAssertEqual(driver.state.screen, .list(.customers))
    }

    func testEnterOpensDetailLoadsRelatedAndEscGoesBack() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_1")])
        let effects = driver.press(KeyPress(.enter))
        guard case .detail(let detail) = driver.state.screen else { return XCTFail("no detail") }
        XCTAssertEqual(detail.ref, ObjectRef(.payment, "pi_1"))
        XCTAssertEqual(driver.state.breadcrumb, ["Payments", "pi_1"])
        XCTAssertTrue(effects.contains(.retrieve(ObjectRef(.customer, "cus_1"))))
        guard let refunds = Driver.loadRequest(effects), case .refunds(let q) = refunds.query else { return XCTFail("\(effects)") }
        XCTAssertEqual(q.paymentIntentId, "pi_1")
        driver.send(.effectResult(.retrieved(ObjectRef(.customer, "cus_1"), .success(.customer(Fixtures.customer("cus_1"))))))
        driver.send(.effectResult(.loaded(refunds, .success(LoadedPage(objects: [.refund(Fixtures.refund("re_1", payment: "pi_1", amount: "2"))], hasMore: false)))))
        guard case .detail(let loaded) = driver.state.screen else { return XCTFail() }
        XCTAssertEqual(loaded.relatedRows.map(\.ref.id), ["cus_1", "re_1"])
        // Drill into the customer, then back twice.
        driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.state.breadcrumb, ["Payments", "pi_1", "cus_1"])
        driver.press(KeyPress(.escape))
        driver.press(KeyPress(.escape))
        XCTAssertEqual(driver.state.screen, .list(.payments))
    }

    func testTooSmallRefusesEverythingButQuit() {
        var driver = Driver(Fixtures.state(size: TerminalSize(columns: 10, rows: 3)))
        driver.start(with: [Fixtures.payment("pi_1", status: "requires_capture")])
        XCTAssertEqual(driver.press("A"), [])
        XCTAssertNil(driver.state.dialog)
        XCTAssertEqual(driver.press("q"), [.quit])
    }

    func testAPILogKeepsTheNewestEntries() {
        var driver = Driver()
        for i in 0..<(ConsoleState.apiLogLimit + 5) {
            driver.send(.apiRequest(APILogEntry(startedAt: Fixtures.now, method: "GET", path: "/p\(i)", statusCode: 200, latency: .milliseconds(5), errorSummary: nil)))
        }
        XCTAssertEqual(driver.state.apiLog.count, ConsoleState.apiLogLimit)
        XCTAssertEqual(driver.state.apiLog.first?.path, "/p5")
    }

    func testHelpComesFromTheLiveKeymapAndHidesMoneyMovesWhenReadOnly() {
        var driver = Driver(Fixtures.state(readOnly: true))
        driver.start(with: [Fixtures.payment("pi_1", status: "requires_capture")])
        driver.press("?")
        XCTAssertTrue(driver.state.showingHelp)
        XCTAssertFalse(driver.state.helpBindings.contains { $0.command.isDangerous })
        driver.press("?")
        XCTAssertFalse(driver.state.showingHelp)
        XCTAssertEqual(driver.press("A"), [])
        XCTAssertNil(driver.state.dialog)
        XCTAssertEqual(driver.state.flash?.kind, .error)
    }
}
