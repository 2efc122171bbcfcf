import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts helper programs (the `useepay` binary, tmux) with posix_spawn and reaps them with waitpid.
///
/// Why not Foundation's `Process`: on Linux it learns that a child exited only when every copy of a
/// socket it hands the child is closed. Tests run in parallel, so a tmux server spawned at the same moment
/// by another test inherited that socket, and its pane (`… ; exec sleep 120`) kept it open: a CLI test
/// finished in a second but was told so two minutes later (the 121 s `aDroppedConnection…` run).
/// Here every child gets exactly stdin, stdout and stderr (all other descriptors closed), and its exit is
/// read from waitpid for that pid alone.
enum ChildProcess {
    struct Files {
        var stdin: String = "/dev/null"
        var stdout: String
        var stderr: String
    }

    /// Spawns `path` and returns its pid.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String]? = nil, files: Files) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, files.stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, files.stdout, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, files.stderr, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        closeEverythingElse(&actions)
        var cArguments = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var cEnvironment = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for pointer in cEnvironment ?? [] { free(pointer) } }
        var pid: pid_t = 0
        let spawned: Int32
        if cEnvironment != nil {
            spawned = posix_spawn(&pid, path, &actions, nil, &cArguments, &cEnvironment!)
        } else {
            spawned = posix_spawn(&pid, path, &actions, nil, &cArguments, environ)
        }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        return pid
    }

    /// Blocks until `pid` exits; its exit status, or 128 + signal.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Waits on a plain thread, so no cooperative thread blocks (the sandbox under test shares the pool).
    static func exitStatus(of pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: wait(pid)) }
        }
    }

    /// glibc ≥ 2.34 has posix_spawn_file_actions_addclosefrom_np, but Swift's Glibc module does not
    /// export it (it is a GNU extension), so it is looked up at run time.
    private static func closeEverythingElse(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}
