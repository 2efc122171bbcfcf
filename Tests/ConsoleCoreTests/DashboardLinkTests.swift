import XCTest
import UseePay
@testable import ConsoleCore

final class DashboardLinkTests: XCTestCase {
    static let sandboxPages = DashboardLinks(.template("http://127.0.0.1:8787/__sandbox/dashboard/{resource}/{id}"))

    func testTemplateNamesTheResourceAndTheId() {
        XCTAssertEqual(Self.sandboxPages.link(for: ObjectRef(.payment, "pi_1"))?.url,
                       "http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/pi_1")
        XCTAssertEqual(Self.sandboxPages.link(for: ObjectRef(.customer, "cus_9"))?.url,
                       "http://127.0.0.1:8787/__sandbox/dashboard/customers/cus_9")
        XCTAssertEqual(Self.sandboxPages.link(for: ObjectRef(.refund, "re_2"))?.opensObject, true)
    }

    func testAnIdThatIsNotAPathSegmentIsEncodedNotInjected() {
        let link = Self.sandboxPages.link(for: ObjectRef(.payment, "a/../b?x=1&y=2#z"))
        XCTAssertEqual(link?.url, "http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/a%2F..%2Fb%3Fx%3D1%26y%3D2%23z")
        let query = DashboardLinks(.template("https://dash.example/search?q={id}&kind={resource}"))
        XCTAssertEqual(query.link(for: ObjectRef(.refund, "re_1&merchant=other"))?.url,
                       "https://dash.example/search?q=re_1%26merchant%3Dother&kind=refunds", "an id cannot add a parameter")
        XCTAssertNil(Self.sandboxPages.link(for: ObjectRef(.payment, "..")), "a dot segment would step up a directory")
    }

    func testHomeOnlyLinkSaysItDoesNotOpenTheObject() {
        let links = DashboardLinks(.home("https://mc.useepay.com"))
        XCTAssertEqual(links.link(for: ObjectRef(.payment, "pi_1")), DashboardLink(url: "https://mc.useepay.com", opensObject: false))
        XCTAssertNil(DashboardLinks.none.link(for: ObjectRef(.payment, "pi_1")))
    }

    func testTemplateValidation() {
        XCTAssertNil(DashboardLinks.validateTemplate("https://dash.example/p/{id}"))
        XCTAssertNotNil(DashboardLinks.validateTemplate("ftp://dash.example/{id}"))
        XCTAssertNotNil(DashboardLinks.validateTemplate("http://dash.example/{id}"), "ids in cleartext only to this machine")
        XCTAssertNil(DashboardLinks.validateTemplate("http://127.0.0.1:8787/__sandbox/dashboard/{resource}/{id}"))
        XCTAssertNotNil(DashboardLinks.validateTemplate("https://dash.example/payments"), "no {id}: every object would get the same link")
    }

    func testLCopiesTheSelectedPaymentsLinkFromTheListAndFromTheDetail() {
        var state = Fixtures.state()
        state.dashboard = Self.sandboxPages
        var driver = Driver(state)
        driver.start(with: [Fixtures.payment("pi_2"), Fixtures.payment("pi_1")])
        driver.press("j")
        XCTAssertEqual(driver.press("L"), [.copyToClipboard("http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/pi_1")])
        driver.send(.clipboardCopied("http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/pi_1"))
        XCTAssertEqual(driver.state.flash?.text, "Copied http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/pi_1")
        driver.press(KeyPress(.enter))
        XCTAssertEqual(driver.press("L"), [.copyToClipboard("http://127.0.0.1:8787/__sandbox/dashboard/payment_intents/pi_1")])
    }

    func testHomeLinkCopyTellsTheMerchantToSearchForTheId() {
        var state = Fixtures.state()
        state.dashboard = DashboardLinks(.home("https://mc.useepay.com"))
        var driver = Driver(state)
        driver.start(with: [Fixtures.payment("pi_7")])
        XCTAssertEqual(driver.press("L"), [.copyToClipboard("https://mc.useepay.com")])
        driver.send(.clipboardCopied("https://mc.useepay.com"))
        XCTAssertEqual(driver.state.flash?.text, "Copied https://mc.useepay.com (the dashboard's home: search for pi_7 there)")
    }

    func testNoKnownDashboardSaysHowToSetOne() {
        var driver = Driver()
        driver.start(with: [Fixtures.payment("pi_7")])
        XCTAssertEqual(driver.press("L"), [])
        XCTAssertEqual(driver.state.flash?.text, "No dashboard is known for this service; set dashboard_url in the profile")
        XCTAssertEqual(driver.state.flash?.kind, .error)
    }

    func testTheLinkKeyIsInHelpAndIsNotAMoneyMove() {
        XCTAssertFalse(ConsoleCommand.copyDashboardLink.isDangerous)
        let state = Fixtures.state(readOnly: true)
        XCTAssertTrue(state.helpBindings.contains { $0.command == .copyDashboardLink && $0.key == .char("L") })
        XCTAssertTrue(KeymapValidator.problems(in: .standard).isEmpty)
    }
}
