import Foundation
import XCTest
@testable import UseePay

final class ModelDecodingTests: XCTestCase {
    func testPaymentIntentStatusesFoldSynonymsAndKeepUnknown() {
        XCTAssertEqual(PaymentIntentStatus(rawValue: "canceled"), .cancelled)
        XCTAssertEqual(PaymentIntentStatus(rawValue: "cancelled"), .cancelled)
        XCTAssertEqual(PaymentIntentStatus(rawValue: "requires_action"), .requiresCustomerAction)
        XCTAssertEqual(PaymentIntentStatus(rawValue: "requires_customer_action"), .requiresCustomerAction)
        XCTAssertEqual(PaymentIntentStatus(rawValue: "processing"), .pending)
        XCTAssertEqual(PaymentIntentStatus(rawValue: "SUCCEEDED"), .succeeded)
        XCTAssertEqual(PaymentIntentStatus(rawValue: "requires_confirmation"), .other("requires_confirmation"))
        XCTAssertEqual(PaymentIntentStatus(rawValue: "requires_confirmation").rawValue, "requires_confirmation")
        XCTAssertEqual(PaymentIntentStatus.cancelled.rawValue, "canceled")
        XCTAssertEqual(SubscriptionStatus(rawValue: "cancelled"), .cancelled)
        XCTAssertEqual(SubscriptionStatus(rawValue: "past_due"), .pastDue)
        XCTAssertEqual(SubscriptionStatus(rawValue: "expired"), .other("expired"))
        XCTAssertEqual(RefundStatus(rawValue: "accepted"), .accepted)
        XCTAssertEqual(RefundStatus(rawValue: "reversed"), .other("reversed"))
        XCTAssertEqual(InvoiceStatus(rawValue: "payment_failed"), .paymentFailed)
        XCTAssertEqual(InvoiceStatus(rawValue: "canceled"), .cancelled)
        for status in PaymentIntentStatus.knownCases { XCTAssertEqual(PaymentIntentStatus(rawValue: status.rawValue), status) }
        for status in SubscriptionStatus.knownCases { XCTAssertEqual(SubscriptionStatus(rawValue: status.rawValue), status) }
        for status in InvoiceStatus.knownCases { XCTAssertEqual(InvoiceStatus(rawValue: status.rawValue), status) }
        for status in RefundStatus.knownCases { XCTAssertEqual(RefundStatus(rawValue: status.rawValue), status) }
    }

    func testUnknownFieldsIgnoredAbsentFieldsNil() throws {
        let intent = try PaymentIntent.decode(Data(#"{"id":"pi_1","status":"weird_new_state","brand_new_field":{"x":[1,2]}}"#.utf8))
        XCTAssertEqual(intent.id, "pi_1")
        XCTAssertEqual(intent.status, .other("weird_new_state"))
        XCTAssertNil(intent.amount)
        XCTAssertNil(intent.currency)
        XCTAssertNil(intent.money)
        XCTAssertNil(intent.customer)
        XCTAssertNil(intent.createAt)
        XCTAssertNil(intent.metadata)
        XCTAssertEqual(intent.raw["brand_new_field"]?["x"], .array([.number(1), .number(2)]))
    }

    func testWrongTypesReadAsAbsentNotFailure() throws {
        let intent = try PaymentIntent.decode(Data(#"{"id":1012411211459019141,"status":"succeeded","amount":"19.99","currency":"usd","customer":"cus_x","create_at":"yesterday","auto_capture":"false","metadata":[1]}"#.utf8))
        XCTAssertEqual(intent.id, "1012411211459019141", "numeric ids are kept digit for digit")
        XCTAssertEqual(intent.amount, Decimal(string: "19.99"))
        XCTAssertEqual(intent.currency, .usd)
        XCTAssertNil(intent.customer)
        XCTAssertNil(intent.createAt)
        XCTAssertEqual(intent.autoCapture, false)
        XCTAssertNil(intent.metadata)
    }

    func testMissingIDIsAnError() {
        XCTAssertThrowsError(try PaymentIntent.decode(Data(#"{"status":"succeeded"}"#.utf8)))
        XCTAssertThrowsError(try Refund.decode(Data(#"[]"#.utf8)))
        XCTAssertThrowsError(try Customer.decode(Data(#"{"id":""}"#.utf8)))
    }

    func testNextActionAndLastPaymentError() throws {
        let intent = try PaymentIntent.decode(Data(#"""
        {"id":"pi_2","status":"requires_customer_action","amount":15000,"currency":"KRW",
         "next_action":{"type":"redirect","redirect":{"contentType":"text/html","method":"GET","url":"https://3ds.example/a"}},
         "last_payment_error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Declined"},
         "payment_method_options":{"type":"card","card":{"auto_capture":false}},
         "create_at":"2024-10-24T11:19:26.123Z"}
        """#.utf8))
        XCTAssertEqual(intent.nextAction?.type, "redirect")
        XCTAssertEqual(intent.nextAction?.redirect?.contentType, "text/html")
        XCTAssertEqual(intent.nextAction?.redirect?.url, "https://3ds.example/a")
        XCTAssertEqual(intent.lastPaymentError?.declineCode, "insufficient_funds")
        XCTAssertEqual(intent.money?.formatted(), "15,000 KRW")
        XCTAssertTrue(intent.isManualCapture)
        XCTAssertEqual(intent.createAt?.timeIntervalSince1970 ?? 0, 1_729_768_766.123, accuracy: 0.001)
    }

    func testSubscriptionFields() throws {
        let sub = try Subscription.decode(Data(#"""
        {"id":"sub_1","status":"past_due","currency":"USD","customer_id":"cus_1",
         "recurring":{"interval":"month","interval_count":1,"unit_amount":19.99,"total_billing_cycles":12},
         "cancel_at_period_end":true,"current_period_end":"2024-12-01T00:00:00Z",
         "cancellation_details":{"comment":"moving","feedback":"too_expensive"},"latest_invoice":{"id":"inv_9"}}
        """#.utf8))
        XCTAssertEqual(sub.status, .pastDue)
        XCTAssertEqual(sub.recurring?.unitAmount, Decimal(string: "19.99"))
        XCTAssertEqual(sub.unitMoney?.formatted(), "19.99 USD")
        XCTAssertEqual(sub.cancelAtPeriodEnd, true)
        XCTAssertEqual(sub.cancellationDetails?.feedback, "too_expensive")
        XCTAssertEqual(sub.latestInvoice, "inv_9")
        XCTAssertEqual(sub.currentPeriodEnd, Date(timeIntervalSince1970: 1_733_011_200))
    }

    func testWebhookEndpointSecretIsNotKept() throws {
        let endpoint = try WebhookEndpoint.decode(Data(#"{"id":"wek_1","secret":"whsec_topsecret","url":"https://x"}"#.utf8))
        XCTAssertTrue(endpoint.hasSecret)
        XCTAssertFalse(String(reflecting: endpoint).contains("whsec_topsecret"))
        XCTAssertFalse(endpoint.raw.jsonText.contains("whsec_topsecret"))
    }

    func testBusinessFailureSummary() throws {
        let invoice = try Invoice.decode(Data(#"{"id":"inv_1","status":"payment_failed","message":"SQL error"}"#.utf8))
        XCTAssertEqual(invoice.failureSummary, "SQL error")
        let paid = try Invoice.decode(Data(#"{"id":"inv_1","status":"paid"}"#.utf8))
        XCTAssertNil(paid.failureSummary)
    }
}
