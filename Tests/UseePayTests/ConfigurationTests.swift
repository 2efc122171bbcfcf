import Foundation
import XCTest
@testable import UseePay

final class ConfigurationTests: XCTestCase {
    private func configuration(_ url: String) -> UseePayConfiguration {
        UseePayConfiguration(environment: .custom(URL(string: url)!), merchantNo: "1", apiKey: APIKey("k-secret"), appId: "a")
    }

    func testPlainHTTPOnlyForLoopback() {
        for ok in ["http://127.0.0.1:8787", "http://localhost:9000", "http://[::1]:8080", "http://127.1.2.3", "https://openapi.example.com"] {
            XCTAssertNoThrow(try configuration(ok).validate(), ok)
        }
        for bad in ["http://openapi.useepay.com", "http://192.168.1.10:8787", "http://127.0.0.1.evil.com", "http://localhost.evil.com:80"] {
            XCTAssertThrowsError(try configuration(bad).validate(), bad) { error in
                guard case .insecureRemoteURL? = error as? UseePayConfiguration.ValidationError else {
                    return XCTFail("\(bad): \(error)")
                }
            }
        }
        XCTAssertThrowsError(try configuration("ftp://127.0.0.1").validate())
        XCTAssertThrowsError(try UseePayClient(configuration: configuration("http://10.0.0.1")))
    }

    func testMissingAndUnsafeCredentials() {
        var c = configuration("https://x.example")
        c.merchantNo = ""
        XCTAssertThrowsError(try c.validate())
        c = configuration("https://x.example")
        c.apiKey = APIKey("")
        XCTAssertThrowsError(try c.validate())
        c = configuration("https://x.example")
        c.appId = "www.pay.com\r\nX-Injected: 1"
        XCTAssertThrowsError(try c.validate())
    }

    func testEnvironments() {
        XCTAssertEqual(UseePayEnvironment.production.baseURL.absoluteString, "https://openapi.useepay.com")
        XCTAssertEqual(UseePayEnvironment.sandbox.baseURL.absoluteString, "https://openapi1.uat.useepay.com")
        XCTAssertTrue(UseePayEnvironment.production.isLive)
        XCTAssertFalse(UseePayEnvironment.sandbox.isLive)
        XCTAssertFalse(UseePayEnvironment.custom(URL(string: "http://127.0.0.1")!).isLive)
    }

    func testRetryAfterParsing() {
        XCTAssertEqual(ResponseInterpreter.parseRetryAfter("12"), .seconds(12))
        XCTAssertNil(ResponseInterpreter.parseRetryAfter("soon"))
        XCTAssertEqual(ResponseInterpreter.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), .zero, "a past date means now")
    }
}
