import Foundation
import Testing

/// The built `useepay` console running inside a private tmux server, read back with `capture-pane`.
/// Waiting is driven by the console's idle counter (USEEPAY_TEST_IDLE_FILE), never by fixed sleeps.
final class TmuxConsole: @unchecked Sendable {
    let socket = "useepay-test-" + UUID().uuidString.prefix(8)
    let session = "console"
    let idleFile: String

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    private init(idleFile: String) {
        self.idleFile = idleFile
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Starts `useepay ARGS` in a `columns`×`rows` window. After it exits, the pane shows "EXITED <status>".
    static func start(arguments: [String], environment: [String: String], columns: Int = 120, rows: Int = 35) async throws -> TmuxConsole {
        let idleFile = (environment["HOME"] ?? NSTemporaryDirectory()) + "/idle-" + UUID().uuidString
        let console = TmuxConsole(idleFile: idleFile)
        var env = environment
        env["USEEPAY_TEST_IDLE_FILE"] = idleFile
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
        let command = "env -i \(assignments) \(shellQuote(UseepayBinary.url.path)) \(arguments.map(shellQuote).joined(separator: " ")); "
            + "echo EXITED $?; stty -a >/dev/null && echo TERMINAL-OK; exec sleep 120"
        try await console.tmux(["new-session", "-d", "-s", console.session, "-x", "\(columns)", "-y", "\(rows)", command])
        return console
    }

    /// Starts the console, runs `body` with it, and stops its tmux server however `body` ends: a
    /// failed wait throws, and the server must not outlive the test.
    static func with(
        arguments: [String], environment: [String: String], columns: Int = 120, rows: Int = 35,
        _ body: (TmuxConsole) async throws -> Void
    ) async throws {
        let console = try await start(arguments: arguments, environment: environment, columns: columns, rows: rows)
        do {
            try await body(console)
        } catch {
            await console.stop()
            throw error
        }
        await console.stop()
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        let result = try await ProcessRunner.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else { throw Timeout(description: "tmux \(arguments.first ?? "") failed: \(result.stderr)") }
        return result.stdout
    }

    func screen() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", session])
    }

    func press(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", session] + keys)
    }

    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", session, "-l", text])
    }

    func resize(columns: Int, rows: Int) async throws {
        try await tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"])
    }

    var idleCount: Int {
        guard let data = FileManager.default.contents(atPath: idleFile) else { return 0 }
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Re-reads the screen each time the console reports idle, until `predicate` holds. After the console
    /// has exited there is no idle signal any more, so the screen is then also re-read every half second.
    @discardableResult
    func waitForScreen(timeout: Duration = .seconds(20), _ what: String, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var seen = -1
        var lastRead = ContinuousClock.now
        var last = ""
        while ContinuousClock.now < deadline {
            let count = idleCount
            if count != seen || ContinuousClock.now - lastRead > .milliseconds(500) {
                seen = count
                lastRead = ContinuousClock.now
                last = try await screen()
                if predicate(last) { return last }
            }
            // Polls the idle counter file; the screen is only judged when the console says it is idle.
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Timeout(description: "timed out waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitForScreen(containing text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitForScreen(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// After a quit: the console exited with status 0 and left the terminal usable (`stty -a` ran).
    func expectCleanExit(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let exit = try await waitForScreen(containing: "TERMINAL-OK")
        #expect(exit.contains("EXITED 0"), sourceLocation: sourceLocation)
    }

    func stop() async {
        _ = try? await tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: idleFile)
    }
}

/// Runs a helper program (tmux) without blocking a cooperative thread. posix_spawn + waitpid rather than
/// Foundation's Process, whose child reaping never reported the tmux client's exit here (it stayed a
/// zombie and the suite hung). Output goes through files, not pipes: `tmux new-session` forks a server
/// that inherits the descriptors, and a pipe would never reach EOF.
enum ProcessRunner {
    static func run(_ path: String, _ arguments: [String]) async throws -> CommandResult {
        let directory = NSTemporaryDirectory() + "useepay-helper-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/out", errPath = directory + "/err"
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try spawnAndWait(path, arguments, stdout: outPath, stderr: errPath))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return CommandResult(status: status, stdout: stdout, stderr: stderr)
    }

    private static func spawnAndWait(_ path: String, _ arguments: [String], stdout: String, stderr: String) throws -> Int32 {
        // Only stdin/stdout/stderr reach tmux: a tmux server keeps every descriptor it inherits for as long
        // as it runs (see ChildProcess).
        ChildProcess.wait(try ChildProcess.spawn(path, arguments, files: .init(stdout: stdout, stderr: stderr)))
    }
}
