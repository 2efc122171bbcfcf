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
        try Data().write(to: URL(fileURLWithPath: outPath))
        try Data().write(to: URL(fileURLWithPath: errPath))
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

        // posix_spawn + waitpid, not Foundation's Process: see ChildProcess for the two-minute wait it caused.
        let pid = try ChildProcess.spawn(url.path, arguments, environment: environment,
                                         files: .init(stdin: inPath, stdout: outPath, stderr: errPath))
        let status = await ChildProcess.exitStatus(of: pid)
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return CommandResult(status: status, stdout: stdout, stderr: stderr)
    }
}
