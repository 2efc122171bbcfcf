import ArgumentParser
import ConsoleCore
import Foundation
import TerminalUI

/// The options every money-moving command has besides its own: the global ones, `--yes` and `--format`.
struct MoneyMoveOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Do not ask for confirmation.") var yes = false
    @Option(help: "table (one tab-separated result line per id), json or jsonl (the updated objects).") var format: OutputFormat = .table
}

/// The part every money-moving command shares: read-only refusal, confirmation rules, ids from stdin,
/// per-line results, summary and exit status. The move itself is ConsoleCore's (`ActionPreparation`, `ActionExecutor`).
struct MoneyCommandRunner {
    var global: GlobalOptions
    var assumeYes: Bool
    var format: OutputFormat
    /// "capture", "refund", …
    var verb: String
    /// "captured", "refunded", …
    var doneWord: String
    /// Injected so tests can drive the decision without a terminal.
    var stdinIsTerminal: Bool = StandardStreams.stdinIsTerminal

    init(_ options: MoneyMoveOptions, verb: String, doneWord: String) {
        global = options.global
        assumeYes = options.yes
        format = options.format
        self.verb = verb
        self.doneWord = doneWord
    }

    /// Runs `action` on each id with what the command line gave for it.
    func run(_ action: MoneyAction, idArgument: String, amountText: String? = nil, reason: String? = nil,
             atPeriodEnd: Bool = false) async throws {
        try await run(idArgument: idArgument) { preparation, id in
            try await preparation.prepare(action, id: id, amountText: amountText, reason: reason, atPeriodEnd: atPeriodEnd)
        }
    }

    func run(idArgument: String, prepare: @escaping @Sendable (ActionPreparation, String) async throws -> PreparedMove) async throws {
        let settings = try global.loadSettings()
        if settings.readOnly.value {
            throw CommandFailure(
                .configuration,
                "read-only (\(settings.readOnly.source)): \(verb) refused, nothing was sent. "
                    + "Use a profile without read_only to change money.")
        }
        let fromStdin = idArgument == "-"
        if fromStdin && !assumeYes {
            throw CommandFailure(.usage, "reading ids from stdin needs --yes (each id cannot be confirmed when stdin is the list); nothing was sent")
        }
        if !assumeYes && !stdinIsTerminal {
            throw CommandFailure(.usage, "refusing to \(verb) without confirmation: stdin is not a terminal. Add --yes to confirm in advance; nothing was sent")
        }
        let ids = fromStdin ? Self.readIds(from: FileHandle.standardInput) : [idArgument]
        if fromStdin && ids.isEmpty {
            throw CommandFailure(.usage, "no ids on stdin (one per line; blank lines and # comments are skipped)")
        }
        let streams = StandardStreams()
        try await ServiceSession.with(settings) { session in
            let mover = MoneyMover(client: session.client)
            let preparation = ActionPreparation(mover: mover, mode: session.mode)
            let executor = ActionExecutor(run: MoneyMoveRun(mover: mover, journal: session.journal, mode: session.mode))
            var outcomes: [ActionOutcome] = []
            for id in ids {
                let outcome = await runOne(id: id, preparation: preparation, executor: executor, prepare: prepare, streams: streams,
                                           confirm: !assumeYes)
                outcomes.append(outcome)
                if fromStdin {
                    emitLine(outcome, streams: streams)
                    // Each id's line leaves at once: a script sees progress, and a rate-limit notice on stderr
                    // lands after the line of the id before it, not before a buffer of earlier lines.
                    streams.flush()
                }
                // A rejected key or a broken journal will fail every remaining id the same way.
                if outcome.status == .configuration && ids.count > 1 {
                    streams.message("stopping: \(outcome.message)")
                    break
                }
            }
            streams.flush()
            if fromStdin {
                streams.message(Self.summary(outcomes, total: ids.count, doneWord: doneWord))
                let worst = Self.worstStatus(outcomes)
                if worst != .success { throw CommandFailure(worst, "\(verb): not every id succeeded (see the lines above)") }
            } else if let outcome = outcomes.first {
                if outcome.status == .success {
                    emitLine(outcome, streams: streams)
                    streams.flush()
                } else {
                    let named = outcome.message.contains(outcome.objectId)
                    throw CommandFailure(outcome.status, named ? outcome.message : "\(outcome.objectId): \(outcome.message)")
                }
            }
        }
    }

    private func runOne(
        id: String, preparation: ActionPreparation, executor: ActionExecutor,
        prepare: @Sendable (ActionPreparation, String) async throws -> PreparedMove, streams: StandardStreams, confirm: Bool
    ) async -> ActionOutcome {
        let prepared: PreparedMove
        do {
            prepared = try await prepare(preparation, id)
        } catch {
            let failure = FailureClassifier.failure(error)
            return ActionOutcome(objectId: id, status: failure.status, word: "refused", message: failure.message + " (nothing was sent)")
        }
        if confirm {
            guard Confirmation.ask(prepared, verb: verb, streams: streams) else {
                return ActionOutcome(objectId: id, status: .usage, word: "not confirmed", message: "not confirmed; nothing was sent")
            }
        }
        return await executor.execute(prepared, doneWord: doneWord)
    }

    private func emitLine(_ outcome: ActionOutcome, streams: StandardStreams) {
        switch format {
        case .json, .jsonl:
            if let raw = outcome.raw {
                streams.out((format == .json ? raw.prettyText() : raw.jsonText) + "\n")
            } else {
                streams.message("\(outcome.objectId): \(outcome.word): \(outcome.message)")
            }
        case .table, .csv:
            let message = TerminalText.sanitize(outcome.message).replacingOccurrences(of: "\t", with: " ")
            streams.out("\(outcome.objectId)\t\(outcome.word)\t\(message)\n")
        }
    }

    static func readIds(from handle: FileHandle) -> [String] {
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The status a batch exits with: an unclear outcome matters most, then the network, credentials, refusals.
    static func worstStatus(_ outcomes: [ActionOutcome]) -> ExitStatus {
        let order: [ExitStatus] = [.outcomeUnclear, .networkUnreachable, .configuration, .apiRefused, .usage]
        return order.first { status in outcomes.contains { $0.status == status } } ?? .success
    }

    static func summary(_ outcomes: [ActionOutcome], total: Int, doneWord: String) -> String {
        let done = outcomes.filter { $0.status == .success }.count
        let unclear = outcomes.filter { $0.status == .outcomeUnclear }.count
        let failed = outcomes.count - done - unclear
        var text = "\(done) \(doneWord), \(failed) failed, \(unclear) unclear"
        if outcomes.count < total { text += ", \(total - outcomes.count) not attempted" }
        return text + " (\(total) ids)"
    }
}

/// The confirmation on a terminal: the same lines the console's dialog shows (id, customer, amount, mode)
/// and the choices made; only typing "yes" confirms.
enum Confirmation {
    static func ask(_ move: PreparedMove, verb: String, streams: StandardStreams) -> Bool {
        let mode = move.confirmation.first { $0.emphasis == .mode }?.value ?? ""
        var text = "\(move.title) — \(mode)\n"
        text += TableText.fields(move.confirmation.map { ($0.label, $0.value) }).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        text += "Type yes to \(verb), anything else cancels: "
        FileHandle.standardError.write(Data(text.utf8))
        guard let answer = readLine(strippingNewline: true) else { return false }
        return answer.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
    }
}
