import XCTest
@testable import UseePaySandbox

/// `/__sandbox/dashboard/{resource}/{id}`: the page the console's dashboard link opens for sandbox objects.
final class DashboardPageTests: XCTestCase {
    var sandbox: SandboxHarness!

    override func setUp() async throws { sandbox = try await SandboxHarness() }
    override func tearDown() async throws { await sandbox.stop() }

    func testPaymentPageShowsItsFieldsAndLinksItsCustomer() async throws {
        let customer = try await sandbox.createCustomer()
        let id = try await sandbox.createIntent(amount: "120.00", extra: #", "customer_id": "\#(customer)""#)
        let page = try await sandbox.send(.GET, "/__sandbox/dashboard/payment_intents/\(id)", authenticated: false)
        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(page.headers.first(name: "content-type"), "text/html; charset=utf-8")
        XCTAssertTrue(page.text.contains("SANDBOX"))
        XCTAssertTrue(page.text.contains("Payment Intent <code>\(id)</code>"), page.text)
        XCTAssertTrue(page.text.contains("<tr><th>amount</th><td>120.00</td></tr>"), page.text)
        XCTAssertTrue(page.text.contains(#"<a href="/__sandbox/dashboard/customers/\#(customer)">"#), page.text)
        let retrieved = try await sandbox.get("/api/v1/payment_intents/\(id)")
        let secret = try XCTUnwrap(retrieved.string("client_secret"))
        XCTAssertFalse(page.text.contains(secret), "the client secret is not on a page that needs no credentials")

        let customerPage = try await sandbox.send(.GET, "/__sandbox/dashboard/customers/\(customer)", authenticated: false)
        XCTAssertEqual(customerPage.status, 200)
        XCTAssertTrue(customerPage.text.contains("김민준"), customerPage.text)
    }

    func testHostileTextIsEscaped() async throws {
        let id = try await sandbox.createIntent(extra: #", "description": "<script>alert(1)</script> & \"x\"""#)
        let page = try await sandbox.send(.GET, "/__sandbox/dashboard/payment_intents/\(id)", authenticated: false)
        XCTAssertEqual(page.status, 200)
        XCTAssertFalse(page.text.contains("<script>"), page.text)
        XCTAssertTrue(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), page.text)
    }

    func testUnknownObjectOrResourceIsA404Page() async throws {
        let missing = try await sandbox.send(.GET, "/__sandbox/dashboard/refunds/re_missing", authenticated: false)
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("No refund <code>re_missing</code> in this sandbox"), missing.text)
        let unknown = try await sandbox.send(.GET, "/__sandbox/dashboard/widgets/w1", authenticated: false)
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue(unknown.text.contains("There is no dashboard page for <code>widgets</code>"), unknown.text)
    }
}
