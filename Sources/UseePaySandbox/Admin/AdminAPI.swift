import Foundation
import GRDB
import Hummingbird
import NIOCore

/// `/__sandbox/…`: controls for tests and people exploring the sandbox. Unauthenticated by design
/// (the sandbox listens on loopback only unless `--allow-remote`), and never affected by faults.
struct AdminAPI {
    let engine: SandboxEngine

    func respond(to request: Request, path: [String]) async throws -> Response {
        var mutableRequest = request
        let buffer = try await mutableRequest.collectBody(upTo: SandboxResponder.maximumBodySize)
        let bodyData = Data(buffer.readableBytesView)
        let query = SandboxResponder.queryItems(request.uri.query ?? "")
        if path.count >= 2, path[0] == "3ds" {
            return try await threeDSecure(request, id: path[1], action: path.count == 3 ? path[2] : nil, extra: path.count > 3)
        }
        if path.count >= 2, path[0] == "checkout" {
            return try await checkout(request, id: path[1], action: path.count == 3 ? path[2] : nil, extra: path.count > 3, body: bodyData)
        }
        if request.method == .get, path.count == 3, path[0] == "dashboard" {
            return try await dashboard(resource: path[1], id: path[2])
        }
        switch (request.method, path) {
        case (.get, []):
            return ok(.object(["endpoints": .array(Self.index.map(SandboxJSON.string)), "livemode": .bool(false)]))
        case (.post, ["reset"]):
            try await engine.reset()
            return ok(.object(["reset": .bool(true)]))
        case (.post, ["seed"]):
            let body = try jsonBody(bodyData, contentType: request.headers[.contentType])
            let count = try body.integer("payment_intents", range: 0...5_000_000) ?? 200
            let days = try body.integer("days", range: 0...3650) ?? engine.options.seedDays
            let state = try body.string("random_state").flatMap { UInt64($0) } ?? engine.options.seedRandomState
            let hostile = try body.bool("hostile_data") ?? engine.options.hostileData
            let started = ContinuousClock.now
            let summary = try await engine.seed(SeedPlan(paymentIntents: count, days: days, randomState: state, hostileData: hostile))
            var fields = summary.json
            fields["milliseconds"] = .integer(Int((ContinuousClock.now - started).milliseconds))
            return ok(.object(fields))
        case (.get, ["clock"]):
            return ok(clockJSON())
        case (.post, ["clock", "advance"]):
            let body = try jsonBody(bodyData, contentType: request.headers[.contentType])
            let seconds = try body.integer("seconds", range: 0...(10 * 366 * 86_400)) ?? 0
            let milliseconds = try body.integer("milliseconds", range: 0...Int(Int32.max)) ?? 0
            guard seconds > 0 || milliseconds > 0 else { throw APIError.fieldRequired("seconds") }
            try await engine.advanceClock(byMilliseconds: Int64(seconds) * 1000 + Int64(milliseconds))
            return ok(clockJSON())
        case (.get, ["idle"]):
            let milliseconds = min(max(Int(query.last { $0.0 == "timeout_ms" }?.1 ?? "") ?? 10_000, 0), 600_000)
            let idle = try await engine.waitUntilIdle(timeout: .milliseconds(milliseconds))
            return ok(.object(["idle": .bool(idle)]))
        case (.post, ["settle"]):
            let changed = try await engine.settleDue()
            let delivered = try await engine.webhookDelivery?.startDueDeliveries() ?? 0
            return ok(.object(["changed": .integer(changed), "delivery_attempts": .integer(delivered)]))
        case (.get, ["public-key"]):
            return Response(status: .ok, headers: [.contentType: "application/x-pem-file"],
                            body: .init(byteBuffer: ByteBuffer(string: engine.signer.publicKeyPEM)))
        case (.get, ["test-cards"]):
            return ok(.object(["items": .array(TestCard.table.map(\.json)), "any_other_valid_number": .string("succeeded")]))
        case (.get, ["webhook-deliveries"]):
            return ok(try await deliveries(query))
        case (.get, ["events"]):
            return ok(try await events(query))
        case (.get, ["faults"]):
            return ok(Self.faultJSON(engine.faults.current))
        case (.post, ["faults"]):
            let body = try jsonBody(bodyData, contentType: request.headers[.contentType])
            engine.faults.current = try Self.parseFaults(body, base: engine.faults.current)
            return ok(Self.faultJSON(engine.faults.current))
        default:
            throw APIError.routeNotFound(request.method.rawValue, "/__sandbox/" + path.joined(separator: "/"))
        }
    }

    private func threeDSecure(_ request: Request, id: String, action: String?, extra: Bool) async throws -> Response {
        switch (request.method, action) {
        case (.get, nil) where !extra:
            return html(ThreeDSecurePage.render(intentId: id))
        case (.post, "complete"?) where !extra, (.post, "fail"?) where !extra:
            let intent = try await engine.finishThreeDSecure(id: id, succeed: action == "complete")
            if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                return html(ThreeDSecurePage.finished(intent: intent))
            }
            return ok(intent)
        default:
            throw APIError.routeNotFound(request.method.rawValue, request.uri.path)
        }
    }

    /// The hosted checkout page and its two buttons. Form posts (the page) get a page back; JSON
    /// posts (tests, scripts) get the session. The card is `card_number` in either body.
    private func checkout(_ request: Request, id: String, action: String?, extra: Bool, body: Data) async throws -> Response {
        let isForm = request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true
        switch (request.method, action) {
        case (.get, nil) where !extra:
            let session = try await engine.writer.read { db -> SandboxJSON? in
                guard let text = try String.fetchOne(db, sql: "SELECT doc FROM checkout_sessions WHERE id = ?", arguments: [id]) else { return nil }
                return try engine.render(.checkoutSession, try Database.decodeDocument(text), db)
            }
            guard let session else { throw APIError.notFound("checkout session", id: id) }
            return html(CheckoutPage.render(session: session))
        case (.post, "complete"?) where !extra:
            let card: String?
            if isForm {
                card = SandboxResponder.queryItems(String(decoding: body, as: UTF8.self)).last { $0.0 == "card_number" }?.1
            } else {
                card = try jsonBody(body, contentType: request.headers[.contentType]).string("card_number", maxLength: 40)
            }
            let session = try await engine.completeCheckoutSession(id: id, cardNumber: card.flatMap { $0.isEmpty ? nil : $0 })
            return isForm ? html(CheckoutPage.finished(session: session)) : ok(session)
        case (.post, "expire"?) where !extra:
            let session = try await engine.expireCheckoutSession(id: id)
            return isForm ? html(CheckoutPage.finished(session: session)) : ok(session)
        default:
            throw APIError.routeNotFound(request.method.rawValue, request.uri.path)
        }
    }

    static let index = [
        "POST /__sandbox/reset", "POST /__sandbox/seed", "GET /__sandbox/clock", "POST /__sandbox/clock/advance",
        "POST /__sandbox/settle", "GET /__sandbox/idle?timeout_ms=", "GET /__sandbox/public-key", "GET /__sandbox/test-cards", "GET /__sandbox/webhook-deliveries",
        "GET /__sandbox/events", "GET /__sandbox/faults", "POST /__sandbox/faults", "GET /__sandbox/3ds/{id}",
        "POST /__sandbox/3ds/{id}/complete", "POST /__sandbox/3ds/{id}/fail",
        "GET /__sandbox/checkout/{id}", "POST /__sandbox/checkout/{id}/complete", "POST /__sandbox/checkout/{id}/expire",
        "GET /__sandbox/dashboard/{payment_intents|customers|subscriptions|refunds|invoices}/{id}",
    ]

    /// The object's page in the sandbox's stand-in dashboard (what the console's dashboard link opens).
    private func dashboard(resource: String, id: String) async throws -> Response {
        let object: SandboxJSON?
        if let kind = DashboardPage.resources[resource] {
            object = try await engine.writer.read { db -> SandboxJSON? in
                guard let text = try String.fetchOne(db, sql: "SELECT doc FROM \(kind.table) WHERE id = ?", arguments: [id]) else { return nil }
                return try engine.render(kind, try Database.decodeDocument(text), db)
            }
            if let object { return html(DashboardPage.render(kind: kind, object: object)) }
        }
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: DashboardPage.notFound(resource: resource, id: id))))
    }

    private func ok(_ json: SandboxJSON) -> Response { SandboxResponder.json(json, status: .ok) }

    private func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func jsonBody(_ data: Data, contentType: String?) throws -> JSONBody {
        guard !data.isEmpty else { return JSONBody([:]) }
        do { return try JSONBody.parse(try SandboxJSON.parse(data)) } catch let error as APIError { throw error } catch {
            throw APIError.invalidArgument(nil, "the request body is not valid JSON (\(error))")
        }
    }

    private func clockJSON() -> SandboxJSON {
        .object(["now": SandboxTime.isoJSON(milliseconds: engine.now()), "offset_milliseconds": .number(String(engine.clock.offset))])
    }

    private func deliveries(_ query: [(String, String)]) async throws -> SandboxJSON {
        let status = query.last { $0.0 == "status" }?.1
        let eventName = query.last { $0.0 == "event_name" }?.1
        let limit = min(max(Int(query.last { $0.0 == "limit" }?.1 ?? "") ?? 100, 1), 1000)
        return try await engine.writer.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let status { conditions.append("d.status = ?"); arguments.append(status) }
            if let eventName { conditions.append("e.name = ?"); arguments.append(eventName) }
            arguments.append(limit)
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.*, e.name AS event_name, e.body AS event_body FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
                \(filter) ORDER BY d.id DESC LIMIT ?
                """, arguments: StatementArguments(arguments))
            let items: [SandboxJSON] = try rows.map { row in
                var fields: Document = [
                    "id": .integer(row["id"]), "event_id": .string(row["event_id"]), "event_name": .string(row["event_name"]),
                    "endpoint_id": .string(row["endpoint_id"]), "url": .string(row["url"]), "status": .string(row["status"]),
                    "attempts": .integer(row["attempts"]), "create_at": SandboxTime.isoJSON(milliseconds: row["create_at"]),
                    "event": try SandboxJSON.parse(row["event_body"] as String),
                ]
                if let next: Int64 = row["next_attempt_at"] { fields["next_attempt_at"] = SandboxTime.isoJSON(milliseconds: next) }
                if let last: Int64 = row["last_attempt_at"] { fields["last_attempt_at"] = SandboxTime.isoJSON(milliseconds: last) }
                if let code: Int = row["last_status_code"] { fields["last_status_code"] = .integer(code) }
                if let error: String = row["last_error"] { fields["last_error"] = .string(error) }
                return .object(fields)
            }
            return .object(["items": .array(items), "has_more": .bool(false)])
        }
    }

    private func events(_ query: [(String, String)]) async throws -> SandboxJSON {
        let limit = min(max(Int(query.last { $0.0 == "limit" }?.1 ?? "") ?? 100, 1), 1000)
        let objectId = query.last { $0.0 == "object_id" }?.1
        return try await engine.writer.read { db in
            let rows: [String]
            if let objectId {
                rows = try String.fetchAll(db, sql: "SELECT body FROM events WHERE object_id = ? ORDER BY create_at DESC, rowid DESC LIMIT ?",
                                           arguments: [objectId, limit])
            } else {
                rows = try String.fetchAll(db, sql: "SELECT body FROM events ORDER BY create_at DESC, rowid DESC LIMIT ?", arguments: [limit])
            }
            return .object(["items": .array(try rows.map { try SandboxJSON.parse($0) }), "has_more": .bool(false)])
        }
    }

    static func faultJSON(_ faults: FaultOptions) -> SandboxJSON {
        .object([
            "latency_ms": .integer(Int(faults.latency.milliseconds)), "latency_jitter_ms": .integer(Int(faults.latencyJitter.milliseconds)),
            "rate_500": .number(String(faults.rate500)), "rate_502_html": .number(String(faults.rate502HTML)),
            "rate_429": .number(String(faults.rate429)), "retry_after_seconds": .integer(faults.retryAfterSeconds),
            "drop_after_commit_rate": .number(String(faults.dropAfterCommitRate)),
            "slow_body_chunk_delay_ms": .integer(Int(faults.slowBodyChunkDelay.milliseconds)),
        ])
    }

    static func parseFaults(_ body: JSONBody, base: FaultOptions) throws(APIError) -> FaultOptions {
        var faults = body.fields["reset"]?.boolValue == true ? FaultOptions() : base
        func rate(_ key: String) throws(APIError) -> Double? {
            guard let value = body.fields[key], !value.isNull else { return nil }
            guard case .number(let text) = value, let rate = Double(text), (0...1).contains(rate) else {
                throw APIError.invalidArgument(key, "\(key) must be a number from 0 to 1")
            }
            return rate
        }
        if let value = try body.integer("latency_ms", range: 0...600_000) { faults.latency = .milliseconds(value) }
        if let value = try body.integer("latency_jitter_ms", range: 0...600_000) { faults.latencyJitter = .milliseconds(value) }
        if let value = try rate("rate_500") { faults.rate500 = value }
        if let value = try rate("rate_502_html") { faults.rate502HTML = value }
        if let value = try rate("rate_429") { faults.rate429 = value }
        if let value = try body.integer("retry_after_seconds", range: 0...86_400) { faults.retryAfterSeconds = value }
        if let value = try rate("drop_after_commit_rate") { faults.dropAfterCommitRate = value }
        if let value = try body.integer("slow_body_chunk_delay_ms", range: 0...60_000) { faults.slowBodyChunkDelay = .milliseconds(value) }
        return faults
    }
}
