import XCTest
import UseePay
@testable import ConsoleCore

/// The money-move rules are written once; the console's dialog and the scripts' preparation must agree.
final class MoneyMoveRulesTests: XCTestCase {
    private let authorised = Fixtures.payment("pi_auth", status: "requires_capture", amount: "30.00")

    func testThePreparedCaptureIsTheRequestTheConsoleSends() throws {
        var driver = Driver()
        driver.start(with: [authorised])
        driver.press("A")
        driver.state.dialog?.amountText = "12.5"
        driver.state.dialog?.focus = .confirmButton
        let console = try XCTUnwrap(Driver.sent(driver.press(KeyPress(.enter))).first)
        let script = try MoneyMoveRules.prepare(.capture, subject: MoneyMoveSubject(object: .payment(authorised)), amountText: "12.5",
                                                reason: nil, atPeriodEnd: false, mode: .sandbox, consoleRequestId: console.consoleRequestId).get()
        XCTAssertEqual(script.request, console)
        XCTAssertEqual(console.amount, Decimal(string: "12.5"))
        XCTAssertEqual(console.currency, "USD", "a partial capture names its currency in both front ends")
        XCTAssertEqual(script.confirmation.map(\.label), ["Payment", "Customer", "Amount", "Mode", "Capture amount"])
    }

    func testAFullCaptureSendsNoAmountInEitherFrontEnd() throws {
        let prepared = try MoneyMoveRules.prepare(.capture, subject: MoneyMoveSubject(object: .payment(authorised)), amountText: "30",
                                                  reason: nil, atPeriodEnd: false, mode: .live, consoleRequestId: "r").get()
        XCTAssertNil(prepared.request.amount)
        XCTAssertEqual(prepared.request.confirmedAmount, 30)
    }

    func testRefusalsNameTheRule() {
        let cancelled = Fixtures.payment("pi_done", status: "canceled")
        let refusal = MoneyMoveRules.refusal(.capture, on: .payment(cancelled))
        XCTAssertEqual(refusal?.message, "Capture is not possible for pi_done (canceled)")
        XCTAssertEqual(refusal?.kind, .notAllowed)
        XCTAssertTrue(refusal?.description.contains("only payments awaiting capture") == true)
        XCTAssertNil(MoneyMoveRules.refusal(.refund, on: .payment(Fixtures.payment("pi_ok"))))
    }

    func testRefundBoundsComeFromTheRefundsAlreadyMade() {
        let paid = Fixtures.payment("pi_paid", status: "succeeded", amount: "50.00", captured: "50.00")
        let subject = MoneyMoveSubject(object: .payment(paid), refunds: [Fixtures.refund("re_1", payment: "pi_paid", amount: "20.00"),
                                                                       Fixtures.refund("re_2", payment: "pi_paid", amount: "50.00", status: "failed")])
        func prepare(_ amount: String?) -> Result<PreparedMove, MoneyMoveRefusal> {
            MoneyMoveRules.prepare(.refund, subject: subject, amountText: amount, reason: "duplicate", atPeriodEnd: false, mode: .sandbox, consoleRequestId: "r")
        }
        XCTAssertEqual(prepare("30.01").failure?.message, "30.01 USD is more than the 30.00 USD still refundable")
        XCTAssertEqual(prepare("0").failure?.message, "The amount must be more than zero")
        XCTAssertEqual(prepare("1.234").failure?.kind, .badAmount)
        let all = try? prepare(nil).get()
        XCTAssertNil(all?.request.amount, "all that is left: the server refunds the rest")
        XCTAssertEqual(all?.request.confirmedAmount, 30)
        let fullyRefunded = MoneyMoveSubject(object: .payment(paid), refunds: [Fixtures.refund("re_3", payment: "pi_paid", amount: "50.00")])
        let nothing = MoneyMoveRules.prepare(.refund, subject: fullyRefunded, amountText: nil, reason: nil, atPeriodEnd: false, mode: .sandbox, consoleRequestId: "r")
        XCTAssertEqual(nothing.failure?.message, "Nothing left to refund on pi_paid")
    }

    func testNothingIsSentWhenTheJournalCannotRecordTheAttempt() {
        var driver = Driver()
        driver.journalAccepts = false
        driver.start(with: [authorised])
        driver.press("A")
        driver.state.dialog?.focus = .confirmButton
        let effects = driver.press(KeyPress(.enter))
        guard effects.count == 1, case .journal(let entry) = effects[0] else { return XCTFail("\(effects)") }
        XCTAssertEqual(entry.phase, .sending)
        XCTAssertEqual(driver.send(.effectResult(.journaled(entry, problem: "disk full"))), [])
        XCTAssertTrue(driver.state.pending.isEmpty)
        XCTAssertEqual(driver.state.flash?.text, "Not sent: capture of 30.00 USD on pi_auth. The action journal could not record it: disk full")
        XCTAssertTrue(Driver.sent(driver.effects).isEmpty)
    }

    func testEveryJournalWriteOfAMoveIsAnEffectTheReducerReturns() {
        var driver = Driver()
        driver.start(with: [authorised])
        driver.press("A")
        driver.state.dialog?.focus = .confirmButton
        let request = Driver.sent(driver.press(KeyPress(.enter)))[0]
        driver.send(.effectResult(.sent(request, .failure(ConsoleFailure(message: "reset", outcomeUnclear: true)))))
        driver.send(.effectResult(.settled(request, .success(.happened(.payment(Fixtures.payment("pi_auth", status: "succeeded", amount: "30.00")))))))
        let phases = driver.effects.compactMap { effect -> JournalEntry.Phase? in
            if case .journal(let entry) = effect { return entry.phase } else { return nil }
        }
        XCTAssertEqual(phases, [.sending, .unclear, .settledHappened])
    }

    func testOneCustomerLabelForRowsSortingAndConfirmations() {
        let named = Fixtures.payment("pi_1", customer: "Kim Minji")
        XCTAssertEqual(ObjectLabels.customer(of: named), "Kim Minji")
        XCTAssertEqual(ActionTarget(.payment(named)).customerLabel, "Kim Minji")
        XCTAssertEqual(named.sortKey("customer"), .text("kim minji"))
        let anonymous = Fixtures.payment("pi_2", customer: nil, email: nil, customerId: "cus_9")
        XCTAssertEqual(ObjectLabels.customer(of: anonymous), "cus_9")
        let blank = Fixtures.payment("pi_3", customer: " ", email: "a@example.com")
        XCTAssertEqual(ObjectLabels.customer(of: blank), "a@example.com", "a blank name counts as missing")
    }

    func testListsReadShortWordsAndKeepTheAPINamesElsewhere() {
        XCTAssertEqual(StatusWords.word(PaymentIntentStatus(rawValue: "requires_payment_method")), "needs payment")
        XCTAssertEqual(StatusWords.word(PaymentIntentStatus(rawValue: "requires_customer_action")), "needs 3DS")
        XCTAssertEqual(StatusWords.word(PaymentIntentStatus(rawValue: "requires_capture")), "awaiting capture")
        XCTAssertEqual(StatusWords.tone(PaymentIntentStatus(rawValue: "requires_capture")), .awaitingCapture)
        XCTAssertEqual(StatusWords.word(PaymentIntentStatus(rawValue: "something_new")), "something_new")
        XCTAssertEqual(StatusWords.word(Fixtures.subscription("sub_1", atPeriodEnd: true)), "active (ends)")
        XCTAssertEqual(StatusWords.word(SubscriptionStatus(rawValue: "past_due")), "past due")
        XCTAssertEqual(StatusWords.word(InvoiceStatus(rawValue: "payment_failed")), "payment failed")
        for status in PaymentIntentStatus.knownCases {
            XCTAssertLessThanOrEqual(StatusWords.word(status).count, 16, "fits the status column uncut")
        }
    }
}

extension Result {
    var failure: Failure? { if case .failure(let f) = self { return f } else { return nil } }
}
