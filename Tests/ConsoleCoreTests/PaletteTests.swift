import XCTest
@testable import ConsoleCore

final class PaletteTests: XCTestCase {
    func testAliasesAndStatusArguments() {
        XCTAssertEqual(try PaletteParser.parse("pi requires_capture").get(), .payments(PaymentListFilter(statuses: ["requires_capture"])))
        XCTAssertEqual(try PaletteParser.parse(":pi cancelled processing").get(), .payments(PaymentListFilter(statuses: ["canceled", "pending"])))
        XCTAssertEqual(try PaletteParser.parse("cus").get(), .customers(email: nil))
        XCTAssertEqual(try PaletteParser.parse("cus email a@b.co").get(), .customers(email: "a@b.co"))
        XCTAssertEqual(try PaletteParser.parse("sub past_due").get(), .subscriptions(status: "past_due"))
        XCTAssertEqual(try PaletteParser.parse("re failed").get(), .refunds(status: "failed", range: nil))
        XCTAssertEqual(try PaletteParser.parse("log").get(), .apiLog)
        XCTAssertEqual(try PaletteParser.parse("refresh 0").get(), .refreshInterval(seconds: 0))
    }

    func testDateArguments() {
        let day = CalendarDay(year: 2026, month: 11, day: 1)
        XCTAssertEqual(try PaletteParser.parse("pi since 2026-11-01").get(), .payments(PaymentListFilter(range: .custom(from: day, through: nil))))
        XCTAssertEqual(try PaletteParser.parse("pi yesterday succeeded").get(), .payments(PaymentListFilter(statuses: ["succeeded"], range: .yesterday)))
        XCTAssertEqual(try PaletteParser.parse("pi from 2026-11-01 to 2026-11-03").get(),
                       .payments(PaymentListFilter(range: .custom(from: day, through: CalendarDay(year: 2026, month: 11, day: 3)))))
        XCTAssertEqual(try PaletteParser.parse("pi 2026-11-01").get(), .payments(PaymentListFilter(range: .custom(from: day, through: day))))
    }

    func testBadInputGetsAClearMessage() {
        XCTAssertEqual(PaletteParser.parse("pi since 2026-02-30").failureMessage, "\"2026-02-30\" is not a date; use YYYY-MM-DD")
        XCTAssertEqual(PaletteParser.parse("zzz").failureMessage, "Unknown command \"zzz\". Try :pi :cus :sub :re :find :log")
        XCTAssertEqual(PaletteParser.parse("pi bananas").failureMessage?.hasPrefix("Unknown payment filter \"bananas\""), true)
        XCTAssertEqual(PaletteParser.parse("pi from 2026-11-05 to 2026-11-01").failureMessage, "The range ends before it starts")
        XCTAssertEqual(PaletteParser.parse("   ").failureMessage, "Type a command, e.g. :pi requires_capture")
    }

    func testTodayIsTheMerchantsDay() {
        // 15:30 UTC on the 21st is already the 22nd in Seoul.
        let interval = DateRange.today.interval(now: Fixtures.now, timeZone: Fixtures.seoul)
        let iso = ISO8601DateFormatter()
        XCTAssertEqual(iso.string(from: interval.from!), "2026-11-21T15:00:00Z")
        XCTAssertEqual(iso.string(from: interval.to!), "2026-11-22T15:00:00Z")
        let week = DateRange.last7Days.interval(now: Fixtures.now, timeZone: Fixtures.utc)
        XCTAssertEqual(iso.string(from: week.from!), "2026-11-15T00:00:00Z")
        XCTAssertEqual(iso.string(from: week.to!), "2026-11-22T00:00:00Z")
    }
}

extension Result where Failure == PaletteError {
    var failureMessage: String? { if case .failure(let e) = self { return e.message } else { return nil } }
}
