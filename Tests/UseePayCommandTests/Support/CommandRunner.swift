import Foundation

/// Runs the built `useepay` binary as a user's script would: real process, real exit status, real pipes.
struct CommandResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum UseepayBinary {
    /// The executable sits next to the test bundle in the build directory (the test target depends on it).
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let binary = directory.appendingPathComponent("useepay")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return candidates.last!.appendingPathComponent("useepay")
    }()

    static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil) async throws -> CommandResult {
        let directory = NSTemporaryDirectory() + "useepay-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/out", errPath = directory + "/err", inPath = directory + "/in"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle(forReadingAtPath: inPath)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        // Waiting without blocking a cooperative thread: the sandbox under test runs on the same pool.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return CommandResult(status: status, stdout: stdout, stderr: stderr)
    }
}
