import ConsoleCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The action journal as a JSON-lines file beside the log. Each entry is appended and fsync'ed before the
/// call returns: the "sending" line must be on disk before the request leaves, or a crash would leave no trace.
/// Every profile shares the file; each line says which profile wrote it (see `ActionJournal`).
actor FileActionJournal: ActionJournal {
    let path: String
    let profile: String
    private var descriptor: Int32 = -1

    init(path: String, profile: String) {
        self.path = path
        self.profile = profile
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ entry: JournalEntry) async throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var stamped = entry
        stamped.profile = profile
        var data = try encoder.encode(stamped)
        data.append(0x0A)
        let fd = try openIfNeeded()
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure(.configuration, "cannot write the action journal \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 else {
            throw CommandFailure(.configuration, "cannot flush the action journal \(path): \(String(cString: strerror(errno)))")
        }
    }

    func unfinishedEntries() async throws -> [JournalEntry] {
        Self.unfinished(from: try allEntries(), profile: profile)
    }

    /// Every readable entry. A torn last line (crash mid-write) is skipped rather than failing the whole journal.
    func allEntries() throws -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { line in
            try? decoder.decode(JournalEntry.self, from: Data(line))
        }
    }

    private func openIfNeeded() throws -> Int32 {
        if descriptor >= 0 { return descriptor }
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CommandFailure(.configuration, "cannot open the action journal \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        return fd
    }
}
