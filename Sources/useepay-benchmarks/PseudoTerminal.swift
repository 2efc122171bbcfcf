import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run on its own pseudo-terminal of a given size, as a terminal emulator would run it:
/// every byte it writes to the terminal is counted, keys are typed into it.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private(set) var output: [UInt8] = []
    let started: ContinuousClock.Instant

    init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        // posix_openpt/unlockpt/ptsname by hand (Glibc's module leaves them out): Linux devpts.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var number: UInt32 = 0
        var unlock: Int32 = 0
        guard master >= 0, ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0,
              ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0 else {
            throw BenchmarkError("cannot open a pseudo-terminal")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid the first terminal the child opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80 /* POSIX_SPAWN_SETSID */)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let clock = ContinuousClock()
        started = clock.now
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw BenchmarkError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = child
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(master)
    }

    /// Reads what has arrived, waiting at most `timeout` for the first byte.
    @discardableResult
    func pump(timeout: Duration = .milliseconds(5)) -> Int {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        guard poll(&descriptor, 1, milliseconds) > 0 else { return 0 }
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
            total += count
        }
        return total
    }

    /// Reads until `condition` holds for the output so far; the instant it first held.
    func waitFor(_ what: String, timeout: Duration = .seconds(60), _ condition: ([UInt8]) -> Bool) throws -> ContinuousClock.Instant {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while !condition(output) {
            guard clock.now < deadline else { throw BenchmarkError("timed out waiting for \(what)") }
            pump(timeout: .milliseconds(2))
        }
        return clock.now
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Peak resident memory of the program so far (VmHWM), in megabytes.
    func peakResidentMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return nil
    }

    /// Waits for the program to end (after it was asked to quit); kills it after `timeout`.
    func finish(timeout: Duration = .seconds(5)) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if clock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return
            }
            pump(timeout: .milliseconds(5))
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == UInt8 {
    /// Whether `text` occurs at or after `offset`.
    func contains(_ text: String, from offset: Int = 0) -> Bool { range(of: text, from: offset) != nil }

    /// Where `text` first occurs at or after `offset`.
    func range(of text: String, from offset: Int = 0) -> Range<Int>? {
        let needle = Array(text.utf8)
        guard offset < count, !needle.isEmpty else { return nil }
        return withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                var at = offset
                while at + pattern.count <= haystack.count {
                    guard let hit = memchr(haystack.baseAddress! + at, Int32(needle[0]), haystack.count - at - pattern.count + 1) else { return nil }
                    let start = haystack.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    if memcmp(haystack.baseAddress! + start, pattern.baseAddress!, pattern.count) == 0 { return start..<(start + pattern.count) }
                    at = start + 1
                }
                return nil
            }
        }
    }
}
