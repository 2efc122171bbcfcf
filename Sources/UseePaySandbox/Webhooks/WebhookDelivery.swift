import AsyncHTTPClient
import Foundation
import GRDB
import Logging
import NIOCore
import NIOHTTP1

/// Sends queued webhook deliveries: JSON body (the exact event text that was signed), headers
/// `merchant_no`, `app_id`, `api_version`, `sign`. Anything but HTTP 200 is retried on
/// `webhookRetrySchedule`; after the last retry the delivery is marked `failed`.
final class WebhookDelivery: Sendable {
    let writer: any DatabaseWriter
    let clock: SandboxClock
    let signer: WebhookSigner
    let options: SandboxOptions
    let httpClient: HTTPClient
    let logger: Logger
    let activity: BackgroundActivity

    init(writer: any DatabaseWriter, clock: SandboxClock, signer: WebhookSigner, options: SandboxOptions, logger: Logger,
         activity: BackgroundActivity) {
        self.activity = activity
        self.writer = writer
        self.clock = clock
        self.signer = signer
        self.options = options
        self.logger = logger
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(5), read: .milliseconds(options.webhookTimeout.milliseconds))
        httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Attempts in flight, by delivery id: each runs on its own so a slow receiver never holds up others.
    private let inFlight = LockedValue<[Int64: Task<Void, Never>]>([:])

    var attemptsInFlight: Int { inFlight.value.count }

    func shutdown() async {
        let tasks = inFlight.value.values
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        try? await httpClient.shutdown()
    }

    private struct Due: Sendable {
        var id: Int64
        var url: String
        var attempts: Int
        var merchantNo: String
        var body: String
    }

    /// Starts an attempt for every due delivery that is not already in flight; returns how many started.
    @discardableResult
    func startDueDeliveries() async throws -> Int {
        let now = clock.nowMilliseconds()
        let due = try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.url, d.attempts, d.merchant_no, e.body FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
                WHERE d.next_attempt_at IS NOT NULL AND d.next_attempt_at <= ? AND d.status = 'pending' ORDER BY d.id LIMIT 50
                """, arguments: [now]).map {
                Due(id: $0["id"], url: $0["url"], attempts: $0["attempts"], merchantNo: $0["merchant_no"], body: $0["body"])
            }
        }
        var started = 0
        for delivery in due {
            let claimed = inFlight.withValue { tasks -> Bool in
                guard tasks[delivery.id] == nil else { return false }
                tasks[delivery.id] = Task {
                    do { try await self.attempt(delivery) } catch {
                        self.logger.warning("could not record a webhook attempt", metadata: ["error": "\(error)"])
                    }
                    _ = self.inFlight.withValue { $0.removeValue(forKey: delivery.id) }
                    self.activity.changed()
                }
                return true
            }
            if claimed { started += 1 }
        }
        return started
    }

    private func appId(for merchantNo: String) -> String {
        ([options.credentials] + options.additionalMerchants).first { $0.merchantNo == merchantNo }?.appId ?? options.appId
    }

    private func attempt(_ delivery: Due) async throws {
        var statusCode: Int?
        var failure: String?
        do {
            let bodyData = Data(delivery.body.utf8)
            var request = HTTPClientRequest(url: delivery.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "merchant_no", value: delivery.merchantNo)
            request.headers.add(name: "app_id", value: appId(for: delivery.merchantNo))
            request.headers.add(name: "api_version", value: options.webhookAPIVersion)
            request.headers.add(name: "sign", value: try signer.sign(bodyData))
            request.headers.add(name: "User-Agent", value: "UseePay-Sandbox-Webhooks/1")
            request.body = .bytes(ByteBuffer(data: bodyData))
            let response = try await httpClient.execute(request, timeout: .milliseconds(options.webhookTimeout.milliseconds))
            statusCode = Int(response.status.code)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            if response.status != .ok { failure = "HTTP \(response.status.code)" }
        } catch {
            failure = String(describing: error)
        }
        let attempts = delivery.attempts + 1
        let now = clock.nowMilliseconds()
        let schedule = options.webhookRetrySchedule
        let status: String
        var nextAttemptAt: Int64?
        if failure == nil {
            status = "succeeded"
        } else if attempts <= schedule.count {
            status = "pending"
            nextAttemptAt = now + schedule[attempts - 1].milliseconds
        } else {
            status = "failed"
        }
        let recordedStatus = statusCode
        let recordedFailure = failure
        let recordedNextAttempt = nextAttemptAt
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?,
                last_status_code = ?, last_error = ? WHERE id = ?
                """, arguments: [status, attempts, recordedNextAttempt, now, recordedStatus, recordedFailure, delivery.id])
        }
    }
}
