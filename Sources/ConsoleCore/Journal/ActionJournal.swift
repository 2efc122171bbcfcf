import Foundation

/// One line of the action journal. The same `consoleRequestId` appears first with `.sending` (written
/// before the request leaves) and later with the outcome.
public struct JournalEntry: Sendable, Hashable, Codable {
    public enum Phase: String, Sendable, Hashable, Codable {
        case sending
        case succeeded
        case failed
        /// No answer came back; the console will check.
        case unclear
        /// Checked afterwards: the change did happen.
        case settledHappened
        /// Checked afterwards: the change did not happen.
        case settledNotHappened

        public var isFinal: Bool { self != .sending && self != .unclear }
    }

    public var request: ActionRequest
    public var phase: Phase
    public var recordedAt: Date
    public var mode: ConsoleMode
    public var detail: String?
    /// The profile (merchant account) the request was sent for, stamped by the journal that wrote it.
    /// Only that profile can settle the entry: asking another merchant's API would answer "not found".
    /// Absent in lines written before profiles were recorded; any profile settles those.
    public var profile: String?

    public init(request: ActionRequest, phase: Phase, recordedAt: Date, mode: ConsoleMode, detail: String? = nil,
                profile: String? = nil) {
        self.request = request; self.phase = phase; self.recordedAt = recordedAt
        self.mode = mode; self.detail = detail; self.profile = profile
    }
}

/// Where money-moving actions are recorded. The executable implements it as an append-only file;
/// an entry is appended before a request is sent, so a crash mid-flight leaves evidence to settle.
/// A journal is opened for one profile: it stamps that profile on what it appends and answers only
/// that profile's unfinished entries, so `:ctx` never settles one merchant's request through another's API.
public protocol ActionJournal: Sendable {
    func append(_ entry: JournalEntry) async throws
    /// This profile's requests whose latest entry is `.sending` or `.unclear`: their outcome was never learned.
    func unfinishedEntries() async throws -> [JournalEntry]
}

extension ActionJournal {
    /// Shared rule for implementations that replay their entries: the last entry per request wins, and
    /// only entries of `profile` (or written before profiles were recorded) count.
    public static func unfinished(from entries: [JournalEntry], profile: String?) -> [JournalEntry] {
        var latest: [String: JournalEntry] = [:]
        var order: [String] = []
        for entry in entries {
            if latest[entry.request.consoleRequestId] == nil { order.append(entry.request.consoleRequestId) }
            latest[entry.request.consoleRequestId] = entry
        }
        return order.compactMap { latest[$0] }.filter { entry in
            !entry.phase.isFinal && (profile == nil || entry.profile == nil || entry.profile == profile)
        }
    }
}

/// A journal kept in memory: for tests and for runs where the merchant chose not to keep a file.
public actor InMemoryActionJournal: ActionJournal {
    public private(set) var entries: [JournalEntry]
    public let profile: String?

    public init(entries: [JournalEntry] = [], profile: String? = nil) {
        self.entries = entries
        self.profile = profile
    }

    public func append(_ entry: JournalEntry) async throws {
        var stamped = entry
        stamped.profile = profile
        entries.append(stamped)
    }

    public func unfinishedEntries() async throws -> [JournalEntry] {
        Self.unfinished(from: entries, profile: profile)
    }
}
