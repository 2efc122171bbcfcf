import XCTest
import UseePay
@testable import ConsoleCore

final class ReducerActionTests: XCTestCase {
    private func authorised(_ id: String = "pi_auth", amount: String = "120.00") -> PaymentIntent {
        Fixtures.payment(id, status: "requires_capture", amount: amount)
    }

    /// Opens the dialog, moves focus to Confirm and presses enter.
    private func confirm(_ driver: inout Driver) -> [ConsoleEffect] {
        driver.press(KeyPress(.right))
        XCTAssertEqual(driver.state.dialog?.focus, .confirmButton)
        return driver.press(KeyPress(.enter))
    }

    func testCaptureDialogNamesEverythingAndStartsOnCancel() {
        var driver = Driver()
        driver.start(with: [authorised()])
        XCTAssertEqual(driver.press("A"), [])
        let dialog = try! XCTUnwrap(driver.state.dialog)
        XCTAssertEqual(dialog.action, .capture)
        XCTAssertEqual(dialog.targets, [ActionTarget(id: "pi_auth", customerLabel: "Kim Minji", money: Money(amount: 120, currency: .usd), status: "requires_capture")])
        XCTAssertEqual(dialog.mode, .sandbox)
        XCTAssertEqual(dialog.focus, .cancelButton)
        XCTAssertEqual(dialog.amountText, "120.00")
        // Double-tapping the opening key or enter does not confirm.
        XCTAssertEqual(driver.press("A"), [])
        XCTAssertNotNil(driver.state.dialog)
        XCTAssertEqual(driver.press(KeyPress(.enter)), [])
        XCTAssertNil(driver.state.dialog)
        XCTAssertEqual(driver.state.flash, Flash("Capture cancelled — nothing sent", .info))
    }

    func testEscapeAlwaysCancels() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        driver.press(KeyPress(.right))
        XCTAssertEqual(driver.press(KeyPress(.escape)), [])
        XCTAssertNil(driver.state.dialog)
        XCTAssertTrue(driver.state.pending.isEmpty)
    }

    func testFullCaptureHappyPathUpdatesRowFromServerAnswer() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        let sent = Driver.sent(confirm(&driver))
        XCTAssertEqual(sent, [ActionRequest(consoleRequestId: "t-1", action: .capture, objectId: "pi_auth", amount: nil, currency: "USD",
                                            reason: nil, atPeriodEnd: false, customerLabel: "Kim Minji", confirmedAmount: 120)])
        XCTAssertEqual(driver.state.pending["pi_auth"]?.phase, .sending)
        XCTAssertEqual(driver.press("A"), [], "no second capture while one is in flight")
        driver.send(.effectResult(.sent(sent[0], .success(.payment(Fixtures.payment("pi_auth", status: "succeeded", amount: "120.00", captured: "120.00"))))))
        XCTAssertNil(driver.state.pending["pi_auth"])
        XCTAssertEqual(driver.state.payment("pi_auth")?.status, .succeeded)
        XCTAssertEqual(driver.state.flash, Flash("Captured 120.00 USD on pi_auth — now succeeded", .success))
        XCTAssertEqual(driver.state.paymentSummary.succeededVolume, [Money(amount: 120, currency: .usd)])
    }

    func testPartialCaptureValidatesAmount() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        driver.press(KeyPress(.tab)) // cancel -> confirm
        driver.press(KeyPress(.tab)) // wraps to amount
        XCTAssertEqual(driver.state.dialog?.focus, .amount)
        for _ in 0..<6 { driver.press(KeyPress(.backspace)) }
        driver.type("500")
        driver.press(KeyPress(.tab))
        XCTAssertEqual(Driver.sent(confirm(&driver)), [])
        XCTAssertEqual(driver.state.dialog?.error, "At most 120.00 USD is possible")
        driver.state.dialog?.amountText = "45.501"
        XCTAssertEqual(Driver.sent(driver.press(KeyPress(.enter))), [])
        XCTAssertEqual(driver.state.dialog?.error, "\"45.501\" is not an amount in USD")
        driver.state.dialog?.amountText = "45.5"
        let sent = Driver.sent(driver.press(KeyPress(.enter)))
        XCTAssertEqual(sent.first?.amount, Decimal(string: "45.5"))
    }

    func testCaptureAPIErrorIsReportedAndNothingIsLeftPending() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        let request = Driver.sent(confirm(&driver))[0]
        driver.send(.effectResult(.sent(request, .failure(ConsoleFailure(message: "invalid_status: payment intent is not capturable", httpStatus: 400, code: "invalid_status")))))
        XCTAssertTrue(driver.state.pending.isEmpty)
        XCTAssertEqual(driver.state.flash, Flash("Capture of pi_auth failed: invalid_status: payment intent is not capturable", .error))
        XCTAssertEqual(driver.state.payment("pi_auth")?.status, .requiresCapture)
    }

    func testUnclearCaptureIsCheckedNotResentAndSettlesAsHappened() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        let request = Driver.sent(confirm(&driver))[0]
        let effects = driver.send(.effectResult(.sent(request, .failure(ConsoleFailure(message: "connection reset", outcomeUnclear: true)))))
        XCTAssertEqual(effects, [.journal(JournalEntry(request: request, phase: .unclear, recordedAt: Fixtures.now, mode: .sandbox, detail: "connection reset")),
                                 .settle(request)])
        XCTAssertEqual(driver.state.pending["pi_auth"]?.phase, .checking)
        XCTAssertTrue(Driver.sent(driver.effects).count == 1, "never resent")
        let settled = driver.send(.effectResult(.settled(request, .success(.happened(.payment(Fixtures.payment("pi_auth", status: "succeeded", amount: "120.00", captured: "120.00")))))))
        XCTAssertEqual(settled.count, 1)
        guard case .journal(let entry) = settled[0] else { return XCTFail("\(settled)") }
        XCTAssertEqual(entry.phase, .settledHappened)
        XCTAssertEqual(entry.request.consoleRequestId, "t-1")
        XCTAssertNil(driver.state.pending["pi_auth"])
        XCTAssertEqual(driver.state.payment("pi_auth")?.status, .succeeded)
        XCTAssertEqual(driver.state.flash?.text, "Checked: capture of 120.00 USD on pi_auth did happen. Captured 120.00 USD on pi_auth — now succeeded")
    }

    func testUnclearCaptureSettlesAsNotHappened() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        let request = Driver.sent(confirm(&driver))[0]
        driver.send(.effectResult(.sent(request, .failure(ConsoleFailure(message: "timeout", outcomeUnclear: true)))))
        let settled = driver.send(.effectResult(.settled(request, .success(.didNotHappen(.payment(authorised()))))))
        guard case .journal(let entry)? = settled.first else { return XCTFail("\(settled)") }
        XCTAssertEqual(entry.phase, .settledNotHappened)
        XCTAssertEqual(driver.state.flash, Flash("Checked: capture of 120.00 USD on pi_auth did NOT happen; nothing changed. Press A to try again.", .error))
        XCTAssertTrue(driver.state.pending.isEmpty)
    }

    func testFailedCheckStaysCheckingUntilRetried() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        let request = Driver.sent(confirm(&driver))[0]
        driver.send(.effectResult(.sent(request, .failure(ConsoleFailure(message: "timeout", outcomeUnclear: true)))))
        driver.send(.effectResult(.settled(request, .failure(ConsoleFailure(message: "connection refused")))))
        XCTAssertEqual(driver.state.pending["pi_auth"]?.phase, .checkFailed("connection refused"))
        XCTAssertEqual(driver.press("A"), [], "a payment whose last action is unsettled cannot be acted on")
        XCTAssertTrue(driver.press(.ctrl("r")).contains(.settle(request)))
        XCTAssertEqual(driver.state.pending["pi_auth"]?.phase, .checking)
    }

    func testRefundDefaultsToWhatIsLeftAndSendsPartialAmount() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_paid", status: "succeeded", amount: "100.00", captured: "100.00")])
        let opened = driver.press("R")
        guard let request = Driver.loadRequest(opened), case .refundable(let pi) = request.target else { return XCTFail("\(opened)") }
        XCTAssertEqual(pi, "pi_paid")
        XCTAssertTrue(driver.state.dialog?.waitingForRefundable == true)
        XCTAssertEqual(Driver.sent(confirm(&driver)), [], "cannot confirm before knowing what is left")
        driver.send(.effectResult(.loaded(request, .success(LoadedPage(objects: [.refund(Fixtures.refund("re_old", payment: "pi_paid", amount: "30.00")),
                                                                                  .refund(Fixtures.refund("re_failed", payment: "pi_paid", amount: "50.00", status: "failed"))], hasMore: false)))))
        XCTAssertEqual(driver.state.dialog?.amountText, "70.00")
        XCTAssertEqual(driver.state.dialog?.maxAmount, 70)
        driver.state.dialog?.amountText = "25"
        driver.state.dialog?.focus = .confirmButton
        let sent = Driver.sent(driver.press(KeyPress(.enter)))
        XCTAssertEqual(sent.first?.amount, 25)
        XCTAssertEqual(sent.first?.reason, "requested_by_customer")
        XCTAssertEqual(sent.first?.action, .refund)
        let result = driver.send(.effectResult(.sent(sent[0], .success(.refund(Fixtures.refund("re_new", payment: "pi_paid", amount: "25.00", status: "received", requestId: "t-1"))))))
        XCTAssertEqual(result.dropFirst(), [.retrieve(ObjectRef(.payment, "pi_paid"))])
        guard case .journal(let answered)? = result.first else { return XCTFail("\(result)") }
        XCTAssertEqual(answered.phase, .succeeded)
        XCTAssertEqual(driver.state.flash, Flash("Refund re_new of 25.00 USD on pi_paid — received", .success))
        XCTAssertEqual(driver.state.paymentSummary.refunded, [Money(amount: 55, currency: .usd)])
    }

    func testRefundWithNothingLeftClosesTheDialog() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_paid", status: "succeeded", amount: "10.00", captured: "10.00")])
        let request = Driver.loadRequest(driver.press("R"))!
        driver.send(.effectResult(.loaded(request, .success(LoadedPage(objects: [.refund(Fixtures.refund("re_all", payment: "pi_paid", amount: "10.00"))], hasMore: false)))))
        XCTAssertNil(driver.state.dialog)
        XCTAssertEqual(driver.state.flash, Flash("Nothing left to refund on pi_paid", .error))
    }

    func testUnclearRefundSettledByConsoleRequestId() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_paid", status: "succeeded", amount: "10.00", captured: "10.00")])
        let load = Driver.loadRequest(driver.press("R"))!
        driver.send(.effectResult(.loaded(load, .success(LoadedPage(objects: [], hasMore: false)))))
        let request = Driver.sent(confirm(&driver))[0]
        XCTAssertEqual(driver.send(.effectResult(.sent(request, .failure(ConsoleFailure(message: "timeout", outcomeUnclear: true))))),
                       [.journal(JournalEntry(request: request, phase: .unclear, recordedAt: Fixtures.now, mode: .sandbox, detail: "timeout")), .settle(request)])
        let effects = driver.send(.effectResult(.settled(request, .success(.happened(.refund(Fixtures.refund("re_x", payment: "pi_paid", amount: "10.00", status: "received", requestId: request.consoleRequestId)))))))
        XCTAssertTrue(effects.contains(.retrieve(ObjectRef(.payment, "pi_paid"))))
        XCTAssertEqual(driver.state.refundsByPayment["pi_paid"]?.map(\.id), ["re_x"])
        XCTAssertTrue(driver.state.flash?.text.hasPrefix("Checked: refund of 10.00 USD on pi_paid did happen.") == true)
    }

    func testCancelNeedsAReasonWhenOtherIsChosen() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("X")
        XCTAssertEqual(driver.state.dialog?.fields, [.reason, .cancelButton, .confirmButton])
        driver.state.dialog?.focus = .reason
        driver.press(KeyPress(.left)) // wraps to "other"
        XCTAssertTrue(driver.state.dialog?.usesFreeTextReason == true)
        driver.state.dialog?.focus = .confirmButton
        XCTAssertEqual(Driver.sent(driver.press(KeyPress(.enter))), [])
        XCTAssertEqual(driver.state.dialog?.error, "Type a reason, or pick one with left/right")
        driver.state.dialog?.focus = .reasonText
        driver.type("customer called")
        driver.state.dialog?.focus = .confirmButton
        let sent = Driver.sent(driver.press(KeyPress(.enter)))
        XCTAssertEqual(sent.first?.reason, "customer called")
        XCTAssertEqual(sent.first?.action, .cancelPayment)
    }

    func testActionsFollowStatusCapabilities() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_done", status: "canceled")])
        XCTAssertEqual(driver.press("A"), [])
        XCTAssertNil(driver.state.dialog)
        XCTAssertEqual(driver.state.flash, Flash("Capture is not possible for pi_done (canceled)", .error))
        XCTAssertEqual(driver.press("R"), [])
        XCTAssertNil(driver.state.dialog)
    }

    func testLiveModeRequiresTypingTheAmountOrYes() {
        var driver = Driver(Fixtures.state(mode: .live))
        driver.start(with: [authorised()])
        driver.press("A")
        XCTAssertEqual(driver.state.dialog?.fields, [.amount, .typedConfirmation, .cancelButton, .confirmButton])
        XCTAssertEqual(Driver.sent(confirm(&driver)), [])
        XCTAssertEqual(driver.state.dialog?.error, "LIVE: type the amount (120.00) or yes to confirm")
        driver.state.dialog?.focus = .typedConfirmation
        driver.type("120.00")
        driver.state.dialog?.focus = .confirmButton
        XCTAssertEqual(Driver.sent(driver.press(KeyPress(.enter))).count, 1)
    }

    func testLiveModeAcceptsYes() {
        var driver = Driver(Fixtures.state(mode: .live))
        driver.start(with: [authorised()])
        driver.press("X")
        driver.state.dialog?.focus = .typedConfirmation
        driver.type("YES")
        driver.state.dialog?.focus = .confirmButton
        XCTAssertEqual(Driver.sent(driver.press(KeyPress(.enter))).first?.action, .cancelPayment)
    }

    func testDialogStaysBoundToTheIdWhenRowsMoveAndRefusesAStaleStatus() {
        var driver = Driver(Fixtures.state(refresh: 5))
        driver.start(with: [authorised("pi_a"), authorised("pi_b")])
        driver.press("j")
        driver.press("A")
        XCTAssertEqual(driver.state.dialog?.targets.map(\.id), ["pi_b"])
        // A refresh lands while the dialog is open: a new row on top, and pi_b was captured elsewhere.
        let request = LoadRequest(target: .list(.payments), query: Reducer.query(driver.state, .payments, page: 0), page: 0, generation: 0, isRefresh: true)
        driver.send(.effectResult(.loaded(request, .success(LoadedPage(objects: [.payment(authorised("pi_new")), .payment(authorised("pi_a")),
                                                                                 .payment(Fixtures.payment("pi_b", status: "succeeded", amount: "120.00"))], hasMore: false)))))
        XCTAssertEqual(driver.state.payments.cursorID, "pi_b")
        XCTAssertEqual(Driver.sent(confirm(&driver)), [])
        XCTAssertNil(driver.state.dialog)
        XCTAssertEqual(driver.state.flash, Flash("Nothing sent: pi_b is now succeeded", .error))
    }

    func testBulkCaptureTotalsPerCurrencyAndCountsHiddenMarks() {
        var driver = Driver()
        driver.start(with: [authorised("pi_1", amount: "10.00"), Fixtures.payment("pi_2", status: "requires_capture", amount: "15000", currency: "KRW"),
                            authorised("pi_3", amount: "5.25"), Fixtures.payment("pi_4", status: "succeeded")])
        for _ in 0..<4 { driver.press(" ") }
        XCTAssertEqual(driver.state.payments.marks.count, 4)
        driver.press("/")
        driver.type("pi_1")
        driver.press(KeyPress(.enter))
        driver.press("A")
        let dialog = try! XCTUnwrap(driver.state.dialog)
        XCTAssertEqual(dialog.targets.map(\.id), ["pi_1", "pi_2", "pi_3"])
        XCTAssertEqual(dialog.hiddenByFilter, 3)
        XCTAssertEqual(dialog.totalsByCurrency, [Money(amount: 15000, currency: .krw), Money(amount: Decimal(string: "15.25")!, currency: .usd)])
        XCTAssertEqual(dialog.note, "1 marked payment(s) cannot be captured and are left out")
        XCTAssertFalse(dialog.amountEditable)
        let sent = Driver.sent(confirm(&driver))
        XCTAssertEqual(sent.map(\.objectId), ["pi_1", "pi_2", "pi_3"])
        XCTAssertEqual(Set(sent.map(\.consoleRequestId)).count, 3)
        XCTAssertTrue(sent.allSatisfy { $0.amount == nil })
    }

    func testSubscriptionCancelDefaultsToPeriodEnd() {
        var driver = Driver()
        driver.start(with: [])
        driver.press(":")
        driver.type("sub")
        let load = Driver.loadRequest(driver.press(KeyPress(.enter)))!
        driver.send(.effectResult(.loaded(load, .success(LoadedPage(objects: [.subscription(Fixtures.subscription("sub_1"))], hasMore: false)))))
        driver.press("X")
        XCTAssertEqual(driver.state.dialog?.action, .cancelSubscription)
        XCTAssertEqual(driver.state.dialog?.atPeriodEnd, true)
        driver.state.dialog?.focus = .timing
        driver.press(KeyPress(.right))
        XCTAssertEqual(driver.state.dialog?.atPeriodEnd, false)
        driver.state.dialog?.focus = .confirmButton
        let sent = Driver.sent(driver.press(KeyPress(.enter)))
        XCTAssertEqual(sent.first?.atPeriodEnd, false)
        XCTAssertEqual(sent.first?.objectId, "sub_1")
        driver.send(.effectResult(.sent(sent[0], .success(.subscription(Fixtures.subscription("sub_1", status: "canceled"))))))
        XCTAssertEqual(driver.state.flash, Flash("Subscription sub_1 cancelled", .success))
        XCTAssertEqual(driver.press("X"), [])
        XCTAssertNil(driver.state.dialog)
    }

    func testConfirmRefusedWhenTheWindowShrankBelowMinimum() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        driver.press(KeyPress(.right))
        driver.send(.resized(TerminalSize(columns: 40, rows: 10)))
        XCTAssertEqual(driver.press(KeyPress(.enter)), [])
        XCTAssertTrue(driver.state.pending.isEmpty)
    }

    func testJournalRecoverySettlesUnfinishedEntriesOfThisModeOnly() {
        var driver = Driver()
        let capture = ActionRequest(consoleRequestId: "old-1", action: .capture, objectId: "pi_old", currency: "USD")
        let refund = ActionRequest(consoleRequestId: "old-2", action: .refund, objectId: "pi_x", amount: 5, currency: "USD")
        let effects = driver.send(.journalRecovered([
            JournalEntry(request: capture, phase: .sending, recordedAt: Fixtures.now, mode: .sandbox),
            JournalEntry(request: refund, phase: .unclear, recordedAt: Fixtures.now, mode: .live),
        ]))
        XCTAssertEqual(effects, [.settle(capture)])
        XCTAssertEqual(driver.state.pending["pi_old"]?.phase, .checking)
        XCTAssertEqual(driver.state.flash, Flash("Checking 1 unfinished action(s) from an earlier session; 1 unfinished action(s) belong to the other mode and were not checked", .error))
    }

    func testQuitWithActionsInFlightAsksTwice() {
        var driver = Driver()
        driver.start(with: [authorised()])
        driver.press("A")
        _ = confirm(&driver)
        XCTAssertEqual(driver.press("q"), [])
        XCTAssertEqual(driver.press("q"), [.quit])
    }

    func testInMemoryJournalReportsOnlyUnfinishedRequests() async throws {
        let journal = InMemoryActionJournal()
        let a = ActionRequest(consoleRequestId: "a", action: .capture, objectId: "pi_a")
        let b = ActionRequest(consoleRequestId: "b", action: .refund, objectId: "pi_b")
        try await journal.append(JournalEntry(request: a, phase: .sending, recordedAt: Fixtures.now, mode: .sandbox))
        try await journal.append(JournalEntry(request: b, phase: .sending, recordedAt: Fixtures.now, mode: .sandbox))
        try await journal.append(JournalEntry(request: a, phase: .succeeded, recordedAt: Fixtures.now, mode: .sandbox))
        let unfinished = try await journal.unfinishedEntries()
        XCTAssertEqual(unfinished.map(\.request.consoleRequestId), ["b"])
    }
}
