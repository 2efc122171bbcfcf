import Foundation
import NIOConcurrencyHelpers
@testable import UseePay

enum TestCredentials {
    static let merchantNo = "500000000007264"
    static let appId = "www.pay.com"
    static let secret = "UseePay_SK_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0"
}

/// Collects request records from the client's observer.
final class RecordCollector: Sendable {
    private let box = NIOLockedValueBox<[APIRequestRecord]>([])
    var records: [APIRequestRecord] { box.withLockedValue { $0 } }
    var observer: @Sendable (APIRequestRecord) -> Void { { [box] record in box.withLockedValue { $0.append(record) } } }
}

func makeConfiguration(baseURL: URL, apiVersion: String? = nil, readTimeout: Duration = .seconds(5),
                       retry: RetryPolicy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(5),
                                                        maxBackoff: .milliseconds(20), jitter: 0)) -> UseePayConfiguration {
    UseePayConfiguration(environment: .custom(baseURL), merchantNo: TestCredentials.merchantNo,
                         apiKey: APIKey(TestCredentials.secret), appId: TestCredentials.appId, apiVersion: apiVersion,
                         connectTimeout: .seconds(2), readTimeout: readTimeout, retry: retry)
}

/// Runs `body` with a client against `baseURL` and always shuts the client down.
func withClient<T>(_ baseURL: URL, apiVersion: String? = nil, readTimeout: Duration = .seconds(5),
                   retry: RetryPolicy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(5),
                                                    maxBackoff: .milliseconds(20), jitter: 0),
                   observer: (@Sendable (APIRequestRecord) -> Void)? = nil,
                   _ body: (UseePayClient) async throws -> T) async throws -> T {
    let client = try UseePayClient(configuration: makeConfiguration(baseURL: baseURL, apiVersion: apiVersion,
                                                                    readTimeout: readTimeout, retry: retry),
                                   requestObserver: observer)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// Expects `body` to throw a `UseePayError` and returns it.
func expectUseePayError<T>(_ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line) async -> UseePayError? {
    do {
        let value = try await body()
        XCTFailHelper("expected a UseePayError, got \(value)", file: file, line: line)
        return nil
    } catch let error as UseePayError {
        return error
    } catch {
        XCTFailHelper("expected a UseePayError, got \(error)", file: file, line: line)
        return nil
    }
}
