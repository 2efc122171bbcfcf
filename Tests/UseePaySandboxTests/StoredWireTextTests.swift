import Foundation
import GRDB
import XCTest
@testable import UseePaySandbox

/// List pages write each object straight from its stored text (`StoredWireText`). These tests hold
/// that to the general path, `render` + `serialized()`, byte for byte: over every seeded object of
/// every listed resource (hostile strings included), and over texts built to leave the fast path.
final class StoredWireTextTests: XCTestCase {
    private static let listedKinds: [ResourceKind] = [.paymentIntent, .refund, .customer, .subscription, .invoice]

    private static func slowItems(_ engine: SandboxEngine, _ kind: ResourceKind, _ texts: [Data], _ db: Database) throws -> String {
        var output = "["
        for (index, text) in texts.enumerated() {
            if index > 0 { output += "," }
            try engine.render(kind, try Database.decodeDocument(bytes: text), db).write(into: &output)
        }
        return output + "]"
    }

    func testEverySeededObjectReadsTheSameAsTheGeneralPath() async throws {
        let sandbox = try await SandboxHarness(SandboxHarness.options {
            $0.seed = 1_500
            $0.seedDays = 3
            $0.hostileData = true
        })
        let engine = sandbox.server.engine
        var compared = 0
        var withCustomer = 0
        for kind in Self.listedKinds {
            let (pageCompared, pageWithCustomer) = try await engine.writer.read { db -> (Int, Int) in
                var compared = 0
                var withCustomer = 0
                let texts = try Data.fetchAll(db, sql: "SELECT doc FROM \(kind.table) ORDER BY rowid")
                XCTAssertFalse(texts.isEmpty, "\(kind) has seeded objects")
                // Pages of 100, as lists are written: customers shared within a page are read once.
                for start in stride(from: 0, to: texts.count, by: 100) {
                    let page = Array(texts[start..<min(start + 100, texts.count)])
                    let fast = String(decoding: try engine.listItems(kind, page, db), as: UTF8.self)
                    let slow = try Self.slowItems(engine, kind, page, db)
                    XCTAssertEqual(fast, slow, "\(kind) page starting at \(start)")
                    compared += page.count
                    withCustomer += page.filter { String(decoding: $0, as: UTF8.self).contains("\"customer_id\":\"") }.count
                }
                return (compared, withCustomer)
            }
            compared += pageCompared
            withCustomer += pageWithCustomer
        }
        XCTAssertGreaterThan(compared, 1_500)
        XCTAssertGreaterThan(withCustomer, 500, "payment intents with an embedded customer were compared")
        await sandbox.stop()
    }

    /// Texts the fast path must refuse (and the list must still answer right): keys out of order,
    /// an escaped key, a customer id that needs unescaping, a customer that does not exist, and
    /// whitespace the serialiser never writes.
    func testOddStoredTextsFallBackAndStillReadTheSame() async throws {
        let sandbox = try await SandboxHarness()
        let engine = sandbox.server.engine
        let customer = try await sandbox.post("/api/v1/customers/create", #"{"merchant_customer_id":"C-1","name":"Zoë \"Z\" Müller","email":"z@example.com"}"#)
        let customerId = try XCTUnwrap(customer.string("id"))
        let merchant = sandbox.credentials.merchantNo
        let texts = [
            #"{"amount":12.5,"currency":"USD","id":"pi_1","merchant_no":"\#(merchant)","customer_id":"\#(customerId)"}"#,
            #"{"amount":12.5,"currency":"USD","customer_id":"\#(customerId)","id":"pi_2","merchant_no":"\#(merchant)"}"#,
            #"{"amount":1,"currency":"USD","customer_id":"cus_\u0041","id":"pi_3","merchant_no":"\#(merchant)"}"#,
            #"{"amount":1,"currency":"USD","customer_id":"cus_missing","id":"pi_4","merchant_no":"\#(merchant)"}"#,
            #"{ "amount" : 2 , "currency":"KRW", "id":"pi_5", "metadata":{"a":[1,{"b":"}\"]"}]} }"#,
            #"{"a\u0062":1,"id":"pi_6"}"#,
            #"{}"#,
        ].map { Data($0.utf8) }
        try await engine.writer.read { db in
            for text in texts {
                XCTAssertEqual(String(decoding: try engine.listItems(.paymentIntent, [text], db), as: UTF8.self),
                               try Self.slowItems(engine, .paymentIntent, [text], db), String(decoding: text, as: UTF8.self))
            }
            XCTAssertEqual(String(decoding: try engine.listItems(.paymentIntent, texts, db), as: UTF8.self),
                           try Self.slowItems(engine, .paymentIntent, texts, db))
        }
        await sandbox.stop()
    }
}
