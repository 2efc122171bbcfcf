import Foundation
import Logging
import Synchronization

/// The one log file of this process. swift-log is bootstrapped once, before the destination is known
/// (flags are parsed later), so handlers write through this shared, late-configured sink.
/// Messages before `open` are dropped: nothing may reach the terminal, which curses may own.
final class LogFile: Sendable {
    static let shared = LogFile()

    private struct State {
        var handle: FileHandle?
        var level: Logger.Level = .info
        var secrets: [String] = []
    }
    private let state = Mutex(State())

    func open(path: String, level: Logger.Level) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure(.configuration, "cannot write the log file \(path)")
        }
        handle.seekToEndOfFile()
        state.withLock {
            $0.handle = handle
            $0.level = level
        }
    }

    /// Registers a secret that must never appear in the log, whatever a library puts in a message.
    func redact(_ secret: String) {
        guard secret.count >= 4 else { return }
        state.withLock { $0.secrets.append(secret) }
    }

    var level: Logger.Level { state.withLock { $0.level } }

    func write(_ line: String) {
        state.withLock { state in
            guard let handle = state.handle else { return }
            var text = line
            for secret in state.secrets { text = text.replacingOccurrences(of: secret, with: "[REDACTED]") }
            handle.write(Data((text + "\n").utf8))
        }
    }
}

/// A swift-log handler writing one line per message to `LogFile`.
struct FileLogHandler: LogHandler {
    let label: String
    let sink: LogFile
    var metadata: Logger.Metadata = [:]
    private var explicitLevel: Logger.Level?

    init(label: String, sink: LogFile = .shared) {
        self.label = label
        self.sink = sink
    }

    var logLevel: Logger.Level {
        get { explicitLevel ?? sink.level }
        set { explicitLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        write(level: event.level, message: event.message, metadata: event.metadata)
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        write(level: level, message: message, metadata: extra)
    }

    private func write(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?) {
        guard level >= logLevel else { return }
        let merged = metadata.merging(extra ?? [:]) { _, new in new }
        let rendered = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let timestamp = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        // One line per entry: a message with newlines is folded so the log stays greppable.
        let text = "\(message)".replacingOccurrences(of: "\n", with: "\\n")
        sink.write("\(timestamp) \(level.rawValue.uppercased()) [\(label)] \(text)\(rendered)")
    }
}
