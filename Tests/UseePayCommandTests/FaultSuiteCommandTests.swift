import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import UseePay
@testable import useepay

/// Issue 11 §5, the CLI half: capture, cancel, refund and subscription cancel against the sandbox with
/// dropped-after-commit connections, 502 pages and 429s. The one invariant: every output line says what
/// really happened on the server (read back over HTTP afterwards, faults off), and nothing moved twice.
@Suite struct FaultSuiteCommandTests {
    /// Objects for each of the four money moves.
    struct Targets {
        var toCapture: [String] = []
        var toCancel: [String] = []
        var toRefund: [String] = []
        var subscriptions: [String] = []
    }

    func makeTargets(_ sandbox: SandboxFixture, each count: Int) async throws -> Targets {
        var targets = Targets()
        for index in 0..<count {
            targets.toCapture.append(try await sandbox.makePayment("10.0\(index)", order: "fault-cap-\(index)").id)
            targets.toCancel.append(try await sandbox.makePayment("20.0\(index)", order: "fault-can-\(index)").id)
            targets.toRefund.append(try await sandbox.makePayment("30.0\(index)", manualCapture: false, order: "fault-ref-\(index)").id)
            targets.subscriptions.append(try await sandbox.makeSubscription().id)
        }
        return targets
    }

    /// Runs one money command over ids on stdin; returns each id's (word, message).
    func runBulk(_ sandbox: SandboxFixture, _ arguments: [String], ids: [String]) async throws -> (CommandResult, [String: (String, String)]) {
        let result = try await UseepayBinary.run(arguments + ["-", "--yes"], environment: sandbox.environment(),
                                                 stdin: ids.joined(separator: "\n") + "\n")
        var lines: [String: (String, String)] = [:]
        for line in result.stdout.lines {
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            #expect(parts.count == 3, "\(line)")
            guard parts.count == 3 else { continue }
            #expect(lines[parts[0]] == nil, "one line per id: \(line)")
            lines[parts[0]] = (parts[1], parts[2])
        }
        #expect(Set(lines.keys) == Set(ids), "a line for every id; stderr: \(result.stderr)")
        return (result, lines)
    }

    /// What the server says happened to each id, with faults off. `moves` counts the changes it recorded.
    struct Truth {
        var happened: Bool
        var moves: Int
    }

    func truth(_ sandbox: SandboxFixture, _ action: String, _ id: String) async throws -> Truth {
        switch action {
        case "capture":
            let moves = try await sandbox.eventNames(objectId: id).filter { $0 == "payment_intent.succeeded" }.count
            return Truth(happened: try await sandbox.client.retrievePaymentIntent(id: id).status == .succeeded, moves: moves)
        case "cancel":
            let moves = try await sandbox.eventNames(objectId: id).filter { $0 == "payment_intent.cancelled" }.count
            return Truth(happened: try await sandbox.client.retrievePaymentIntent(id: id).status == .cancelled, moves: moves)
        case "refund":
            let refunds = try await sandbox.client.refunds(RefundListQuery(paymentIntentId: id)).collect()
            return Truth(happened: !refunds.isEmpty, moves: refunds.count)
        default:
            let moves = try await sandbox.eventNames(objectId: id).filter { $0 == "subscription.cancelled" }.count
            return Truth(happened: try await sandbox.client.retrieveSubscription(id: id).status == .cancelled, moves: moves)
        }
    }

    /// The line's word against the server: done means it happened once; refused / not done / not sent
    /// means nothing happened; unclear may be either, but says so.
    func checkLines(_ sandbox: SandboxFixture, _ action: String, doneWord: String, _ lines: [String: (String, String)]) async throws {
        for (id, (word, message)) in lines {
            let server = try await truth(sandbox, action, id)
            #expect(server.moves <= 1, "\(action) \(id) moved \(server.moves) times")
            switch word {
            case doneWord:
                #expect(server.happened && server.moves == 1, "\(id): line says \(word) (\(message)) but the server disagrees")
            case "unclear":
                #expect(message.contains("may have happened"), "\(id): \(message)")
            default:
                #expect(!server.happened, "\(id): line says \(word) (\(message)) but the server shows it happened")
            }
        }
    }

    static let moves: [(action: String, arguments: [String], doneWord: String)] = [
        ("capture", ["payments", "capture"], "captured"),
        ("cancel", ["payments", "cancel"], "cancelled"),
        ("refund", ["refunds", "create"], "refunded"),
        ("subscription", ["subscriptions", "cancel"], "cancelled"),
    ]

    func ids(_ targets: Targets, _ action: String) -> [String] {
        switch action {
        case "capture": targets.toCapture
        case "cancel": targets.toCancel
        case "refund": targets.toRefund
        default: targets.subscriptions
        }
    }

    /// Every change is committed and then its connection dropped: each line must say "checked afterwards:
    /// it went through", the server must have exactly one change, and the journal the settle path.
    @Test func droppedAfterCommitEveryMoveSaysItWentThroughAndHappenedOnce() async throws {
        try await withSandbox { sandbox in
            let targets = try await makeTargets(sandbox, each: 2)
            try await sandbox.setFaults(["drop_after_commit_rate": 1])
            for move in Self.moves {
                let (result, lines) = try await runBulk(sandbox, move.arguments, ids: ids(targets, move.action))
                #expect(result.status == 0, "\(move.action): \(result.stderr)")
                for (id, (word, message)) in lines {
                    #expect(word == move.doneWord, "\(id): \(word) \(message)")
                    #expect(message.contains("checked afterwards: it went through"), "\(id): \(message)")
                }
            }
            try await sandbox.setFaults(["reset": true])
            for move in Self.moves {
                for id in ids(targets, move.action) {
                    let server = try await truth(sandbox, move.action, id)
                    #expect(server.happened && server.moves == 1, "\(move.action) \(id): \(server)")
                }
            }
            let phases = try sandbox.journalPhasesById()
            #expect(phases.count == 8)
            #expect(phases.values.allSatisfy { $0 == ["sending", "unclear", "settledHappened"] }, "\(phases)")
        }
    }

    /// The sandbox answers 429 (Retry-After 0) to a share of every call: each id is still done exactly once,
    /// the bulk run paces itself instead of failing the rest, and stderr says it is retrying.
    @Test func rateLimitedBulkRunsFinishEveryIdExactlyOnce() async throws {
        try await withSandbox { sandbox in
            let targets = try await makeTargets(sandbox, each: 4)
            try await sandbox.setFaults(["rate_429": 0.3, "retry_after_seconds": 0])
            var sawNotice = false
            for move in Self.moves {
                let (result, lines) = try await runBulk(sandbox, move.arguments, ids: ids(targets, move.action))
                #expect(result.status == 0, "\(move.action): \(result.stderr)")
                #expect(lines.values.allSatisfy { $0.0 == move.doneWord }, "\(lines)")
                sawNotice = sawNotice || result.stderr.contains("useepay: rate limited, retrying in 0 s")
            }
            #expect(sawNotice, "30% of about 50 calls were answered 429 and none was announced")
            try await sandbox.setFaults(["reset": true])
            for move in Self.moves {
                for id in ids(targets, move.action) {
                    let server = try await truth(sandbox, move.action, id)
                    #expect(server.happened && server.moves == 1, "\(move.action) \(id): \(server)")
                }
            }
        }
    }

    /// A 429 with a real Retry-After on a single capture: the script waits, says so on stderr, and succeeds.
    @Test func aRateLimitedCaptureWaitsTheRetryAfterAndSaysSo() async throws {
        try await withSandbox { sandbox in
            let payment = try await sandbox.makePayment("44.00")
            try await sandbox.setFaults(["rate_429": 1, "retry_after_seconds": 1])
            let command = try RunningCommand.start(["payments", "capture", payment.id, "--yes"], environment: sandbox.environment())
            // Lift the fault once the client has said it is waiting (its stderr is the record), well inside the 1 s.
            try await command.waitForStderr(containing: "rate limited, retrying in 1 s")
            try await sandbox.setFaults(["reset": true])
            let result = try await command.finish()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("useepay: rate limited, retrying in 1 s"), "\(result.stderr)")
            #expect(result.stdout.hasPrefix("\(payment.id)\tcaptured\t"))
            #expect(try await truth(sandbox, "capture", payment.id).moves == 1)
        }
    }

    /// Once in a real terminal: a capture whose connection drops after the commit. The screen says it was
    /// checked and did happen; the sandbox has exactly one capture.
    @Test(.enabled(if: TmuxConsole.isAvailable))
    func theConsoleInTmuxSaysADroppedCaptureWasCheckedAndHappenedOnce() async throws {
        try await withSandbox { sandbox in
            let waiting = try await sandbox.makePayment("45.00", customerName: "Dana", order: "order-fault-tmux")
            try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: sandbox.environment(extra: ["TERM": "xterm-256color"])) { console in
                try await console.waitForScreen(containing: "order-fault-tmux")
                try await console.press("A")
                try await console.waitForScreen(containing: "Capture — SANDBOX")
                try await sandbox.setFaults(["drop_after_commit_rate": 1])
                try await console.press("Tab")
                try await console.press("Enter")
                try await console.waitForScreen(containing: "Checked: capture of 45.00 USD on \(waiting.id) did happen")
                try await console.press("q")
                try await console.expectCleanExit()
            }
            try await sandbox.setFaults(["reset": true])
            #expect(try await truth(sandbox, "capture", waiting.id).moves == 1)
        }
    }

    /// Gateway errors and drops at random on every call, several rounds: whatever path each id takes
    /// (done, refused before sending, not done after checking, unclear), its line matches the server.
    @Test func randomFaultsNeverMakeALineLieOrAMoveHappenTwice() async throws {
        try await withSandbox { sandbox in
            let targets = try await makeTargets(sandbox, each: 2)
            try await sandbox.setFaults(["rate_502_html": 0.25, "rate_429": 0.2, "retry_after_seconds": 0, "drop_after_commit_rate": 0.5])
            var results: [String: [String: (String, String)]] = [:]
            for move in Self.moves {
                let (result, lines) = try await runBulk(sandbox, move.arguments, ids: ids(targets, move.action))
                #expect([0, 1, 3, 5].contains(result.status), "\(move.action): \(result.status) \(result.stderr)")
                results[move.action] = lines
            }
            try await sandbox.setFaults(["reset": true])
            for move in Self.moves {
                try await checkLines(sandbox, move.action, doneWord: move.doneWord, results[move.action] ?? [:])
            }
        }
    }
}

extension SandboxFixture {
    /// A monthly subscription that can be cancelled now.
    func makeSubscription() async throws -> Subscription {
        let customer = try await client.createCustomer(CustomerCreateParameters(
            merchantCustomerId: "sub-" + UUID().uuidString.prefix(8).lowercased(), name: "Subscriber", email: "sub@example.com"))
        return try await client.createSubscription(SubscriptionCreateParameters(
            customerId: customer.id, currency: .usd, recurring: Recurring(interval: "month", intervalCount: 1, unitAmount: Decimal(string: "9.99")!)))
    }

    /// The names of the events the sandbox recorded for one object (its record of every change).
    func eventNames(objectId: String) async throws -> [String] {
        var components = URLComponents(url: server.baseURL.appendingPathComponent("__sandbox/events"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "object_id", value: objectId), URLQueryItem(name: "limit", value: "1000")]
        let (data, _) = try await URLSession.shared.data(from: components.url!)
        let object = try parseJSONObject(String(decoding: data, as: UTF8.self))
        return (object["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// Journal phases grouped by object id, in order.
    func journalPhasesById() throws -> [String: [String]] {
        let text = String(decoding: FileManager.default.contents(atPath: journalPath) ?? Data(), as: UTF8.self)
        var phases: [String: [String]] = [:]
        for line in text.lines {
            let entry = try parseJSONObject(line)
            let request = entry["request"] as? [String: Any]
            let id = request?["objectId"] as? String ?? request?["object_id"] as? String ?? "?"
            phases[id, default: []].append(entry["phase"] as? String ?? "?")
        }
        return phases
    }
}

/// The built binary started in the background, so a test can react to what it writes before it ends.
final class RunningCommand: @unchecked Sendable {
    private let directory: String
    private let pid: pid_t
    private let exited: Task<Int32, Never>

    private init(directory: String, pid: pid_t) {
        self.directory = directory
        self.pid = pid
        self.exited = Task { await ChildProcess.exitStatus(of: pid) }
    }

    static func start(_ arguments: [String], environment: [String: String], stdin: String = "") throws -> RunningCommand {
        let directory = NSTemporaryDirectory() + "useepay-running-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(stdin.utf8).write(to: URL(fileURLWithPath: directory + "/in"))
        let pid = try ChildProcess.spawn(UseepayBinary.url.path, arguments, environment: environment,
                                         files: .init(stdin: directory + "/in", stdout: directory + "/out", stderr: directory + "/err"))
        return RunningCommand(directory: directory, pid: pid)
    }

    private func text(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: directory + "/" + name) ?? Data(), as: UTF8.self)
    }

    /// Re-reads stderr until it contains `text` (the command's own record of what it is doing).
    func waitForStderr(containing text: String, timeout: Duration = .seconds(15)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !self.text("err").contains(text) {
            guard ContinuousClock.now < deadline else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "stderr never said \"\(text)\": \(self.text("err"))"])
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func finish() async throws -> CommandResult {
        let status = await exited.value
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return CommandResult(status: status, stdout: text("out"), stderr: text("err"))
    }
}
