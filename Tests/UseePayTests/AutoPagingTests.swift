import Foundation
import NIOConcurrencyHelpers
import XCTest
@testable import UseePay

final class AutoPagingTests: XCTestCase {
    /// Newest-first offset pages; after each page is served two new objects arrive at the top, shifting
    /// every later page by two. The walk must yield each object once and miss none of the originals.
    func testNoDuplicatesWhileObjectsAreInsertedAtTheTop() async throws {
        let store = NIOLockedValueBox<(ids: [String], inserted: Int)>(((1...23).reversed().map { "pi_\($0)" }, 0))
        let server = try await RecordingServer.start { request, _ in
            let items = Dictionary(request.queryItems, uniquingKeysWith: { a, _ in a })
            let pageNum = Int(items["page_num"] ?? "0") ?? 0
            let pageSize = Int(items["page_size"] ?? "20") ?? 20
            let (slice, hasMore) = store.withLockedValue { state -> ([String], Bool) in
                let start = min(pageNum * pageSize, state.ids.count)
                let end = min(start + pageSize, state.ids.count)
                let slice = Array(state.ids[start..<end])
                let hasMore = end < state.ids.count
                for _ in 0..<2 {
                    state.inserted += 1
                    state.ids.insert("pi_new\(state.inserted)", at: 0)
                }
                return (slice, hasMore)
            }
            let objects = slice.map { "{\"id\":\"\($0)\",\"status\":\"succeeded\"}" }.joined(separator: ",")
            return .json("{\"items\":[\(objects)],\"has_more\":\(hasMore)}")
        }
        let ids = try await withClient(server.baseURL) { client in
            try await client.paymentIntents(PaymentIntentListQuery(window: ListWindow(pageSize: 5))).collect().map(\.id)
        }
        XCTAssertEqual(ids.count, Set(ids).count, "no duplicates: \(ids)")
        for n in 1...23 { XCTAssertTrue(ids.contains("pi_\(n)"), "pi_\(n) missing") }
        XCTAssertEqual(ids.first, "pi_23")
        XCTAssertGreaterThan(server.requestCount, 5, "pages shifted, so more pages than 23/5 were read")
        await server.stop()
    }

    func testStopsAtPageCap() async throws {
        let server = try await RecordingServer.start { request, index in
            .json("{\"items\":[{\"id\":\"c\(index)\"}],\"has_more\":true}")
        }
        let customers = try await withClient(server.baseURL) { client in
            try await client.customers(CustomerListQuery(), maxPages: 3).collect()
        }
        XCTAssertEqual(customers.map(\.id), ["c0", "c1", "c2"])
        XCTAssertEqual(server.requestCount, 3)
        await server.stop()
    }

    func testEmptyPageClaimingMoreStops() async throws {
        let sequence = AutoPagingSequence<Refund>(maxPages: 50) { _ in Page(items: [], hasMore: true, pageNum: 0) }
        let refunds = try await sequence.collect()
        XCTAssertTrue(refunds.isEmpty)
    }

    func testErrorsPropagateFromPaging() async throws {
        let server = try await RecordingServer.start { _, index in
            index == 0 ? .json(#"{"items":[{"id":"a"}],"has_more":true}"#) : .json(#"{"code":"x"}"#, status: 400)
        }
        let error = try await withClient(server.baseURL) { client in
            await expectUseePayError { try await client.refunds(RefundListQuery()).collect() }
        }
        XCTAssertEqual(error?.kind, .api)
        await server.stop()
    }
}
