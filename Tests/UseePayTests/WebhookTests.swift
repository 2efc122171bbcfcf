import Crypto
import _CryptoExtras
import Foundation
import XCTest
@testable import UseePay

final class WebhookTests: XCTestCase {
    // One key pair per test run: RSA generation is the slow part.
    static let signingKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let otherKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    let eventJSON = #"{"id":"evt_79bdd43e4d0f464694fa433a5d467980","name":"payment_intent.succeeded","data":{"id":"pi_1","amount":100.23,"currency":"USD","status":"succeeded","metadata":{"note":"a&b=c+d é"}}}"#

    private func sign(_ text: String, with key: _RSA.Signing.PrivateKey = WebhookTests.signingKey) throws -> String {
        try key.signature(for: SHA256.hash(data: Data(text.utf8)), padding: .insecurePKCS1v1_5).rawRepresentation.base64EncodedString()
    }

    private var verifier: WebhookVerifier { get throws { try WebhookVerifier(publicKeyPEM: Self.signingKey.publicKey.pemRepresentation) } }

    private func formBody(_ json: String) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(("data=" + json.addingPercentEncoding(withAllowedCharacters: allowed)!).utf8)
    }

    func testValidJSONBody() throws {
        let event = try verifier.verifyAndParse(body: Data(eventJSON.utf8), contentType: "application/json", signature: try sign(eventJSON))
        XCTAssertEqual(event.id, "evt_79bdd43e4d0f464694fa433a5d467980")
        XCTAssertEqual(event.name, "payment_intent.succeeded")
        XCTAssertEqual(event.objectType, "payment_intent")
        guard case .paymentIntent(let intent) = event.data else { return XCTFail("\(event.data)") }
        XCTAssertEqual(intent.amount, Decimal(string: "100.23"))
        XCTAssertEqual(intent.metadata?["note"], .string("a&b=c+d é"))
    }

    func testValidFormBody() throws {
        let event = try verifier.verifyAndParse(body: formBody(eventJSON), contentType: "application/x-www-form-urlencoded; charset=UTF-8",
                                                signature: try sign(eventJSON))
        XCTAssertEqual(event.id, "evt_79bdd43e4d0f464694fa433a5d467980")
        guard case .paymentIntent(let intent) = event.data else { return XCTFail("\(event.data)") }
        XCTAssertEqual(intent.metadata?["note"], .string("a&b=c+d é"))
    }

    func testBodyKindDetectedWithoutContentType() throws {
        XCTAssertNoThrow(try verifier.verifyAndParse(body: formBody(eventJSON), contentType: nil, signature: try sign(eventJSON)))
        XCTAssertNoThrow(try verifier.verifyAndParse(body: Data(eventJSON.utf8), contentType: nil, signature: try sign(eventJSON)))
    }

    func testTamperedBodyIsRejected() throws {
        let signature = try sign(eventJSON)
        let tampered = eventJSON.replacingOccurrences(of: "100.23", with: "900.23")
        XCTAssertThrowsError(try verifier.verifyAndParse(body: Data(tampered.utf8), contentType: "application/json", signature: signature)) {
            XCTAssertEqual($0 as? WebhookVerificationError, .invalidSignature)
        }
        XCTAssertThrowsError(try verifier.verifyAndParse(body: formBody(tampered), contentType: "application/x-www-form-urlencoded", signature: signature))
        XCTAssertFalse(try verifier.verify(signature: signature, payload: Data((eventJSON + " ").utf8)))
    }

    func testWrongKeyIsRejected() throws {
        let signature = try sign(eventJSON, with: Self.otherKey)
        XCTAssertFalse(try verifier.verify(signature: signature, payload: Data(eventJSON.utf8)))
        XCTAssertTrue(try WebhookVerifier(publicKeyPEM: Self.otherKey.publicKey.pemRepresentation)
            .verify(signature: signature, payload: Data(eventJSON.utf8)))
    }

    func testMalformedSignatureHeader() throws {
        let payload = Data(eventJSON.utf8)
        for bad in ["", "not base64 !!!", "AAAA", "Zm9v", String(repeating: "A", count: 10_000)] {
            XCTAssertFalse(try verifier.verify(signature: bad, payload: payload), bad)
        }
        XCTAssertThrowsError(try verifier.verifyAndParse(body: payload, contentType: "application/json", signature: nil)) {
            XCTAssertEqual($0 as? WebhookVerificationError, .missingSignature)
        }
        XCTAssertThrowsError(try verifier.verifyAndParse(body: payload, contentType: "application/json", signature: "%%%")) {
            XCTAssertEqual($0 as? WebhookVerificationError, .invalidSignature)
        }
    }

    func testSignatureWithLineBreaksIsAccepted() throws {
        let signature = try sign(eventJSON)
        let wrapped = stride(from: 0, to: signature.count, by: 64).map { i -> String in
            let start = signature.index(signature.startIndex, offsetBy: i)
            let end = signature.index(start, offsetBy: min(64, signature.count - i))
            return String(signature[start..<end])
        }.joined(separator: "\n")
        XCTAssertTrue(try verifier.verify(signature: wrapped, payload: Data(eventJSON.utf8)))
    }

    func testFormBodyWithoutDataField() throws {
        XCTAssertThrowsError(try verifier.verifyAndParse(body: Data("other=1".utf8), contentType: "application/x-www-form-urlencoded",
                                                         signature: try sign("x"))) {
            XCTAssertEqual($0 as? WebhookVerificationError, .missingData)
        }
    }

    func testSignedButNotAnEvent() throws {
        let text = #"{"hello":"world"}"#
        XCTAssertThrowsError(try verifier.verifyAndParse(body: Data(text.utf8), contentType: "application/json", signature: try sign(text))) {
            guard case .malformedBody? = $0 as? WebhookVerificationError else { return XCTFail("\($0)") }
        }
    }

    func testInvalidPublicKey() {
        XCTAssertThrowsError(try WebhookVerifier(publicKeyPEM: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
    }

    func testTypedDataForEachObject() throws {
        func data(_ name: String, _ object: String) throws -> WebhookEventData {
            try WebhookEvent.parse(Data("{\"id\":\"evt_1\",\"name\":\"\(name)\",\"data\":\(object)}".utf8)).data
        }
        guard case .refund(let refund) = try data("refund.succeeded", #"{"id":"re_1","status":"succeeded","amount":5}"#) else { return XCTFail() }
        XCTAssertEqual(refund.status, .succeeded)
        guard case .subscription(let sub) = try data("subscription.cancelled", #"{"id":"sub_1","status":"cancelled"}"#) else { return XCTFail() }
        XCTAssertEqual(sub.status, .cancelled)
        guard case .invoice(let invoice) = try data("invoice.paid", #"{"id":"inv_1","status":"paid","total_amount":9900}"#) else { return XCTFail() }
        XCTAssertEqual(invoice.totalAmount, 9900)
        guard case .customer(let customer) = try data("customer.created", #"{"id":"cus_1"}"#) else { return XCTFail() }
        XCTAssertEqual(customer.id, "cus_1")
        guard case .other(let raw) = try data("dispute.created", #"{"id":"dp_1"}"#) else { return XCTFail() }
        XCTAssertEqual(raw["id"], .string("dp_1"))
        guard case .other = try data("payment_intent.succeeded", #"{"no_id":true}"#) else { return XCTFail("undecodable objects are kept as JSON") }
    }
}

final class WebhookDeduplicationTests: XCTestCase {
    func testRepeatDeliveriesAreRecognisedWithinCapacity() async throws {
        let dedup = WebhookEventDeduplicator(capacity: 3)
        let first = await dedup.isFirst(id: "evt_1")
        let repeated = await dedup.isFirst(id: "evt_1")
        XCTAssertTrue(first)
        XCTAssertFalse(repeated)
        for id in ["evt_2", "evt_3", "evt_4"] {
            let isFirst = await dedup.isFirst(id: id)
            XCTAssertTrue(isFirst, id)
        }
        let forgotten = await dedup.isFirst(id: "evt_1")
        XCTAssertTrue(forgotten, "the oldest id is forgotten once capacity is exceeded")
        let stillKnown = await dedup.isFirst(id: "evt_4")
        XCTAssertFalse(stillKnown)
        let event = try WebhookEvent.parse(Data(#"{"id":"evt_4","name":"refund.succeeded","data":{"id":"re_1"}}"#.utf8))
        let again = await dedup.isFirstDelivery(of: event)
        XCTAssertFalse(again)
    }
}
