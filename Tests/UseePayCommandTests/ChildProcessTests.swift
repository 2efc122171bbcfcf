import Foundation
import Testing

/// Issue 11 §5: `aDroppedConnectionAfterACommittedCaptureIsSettledByReadingBack` took 121 s because a tmux
/// server spawned by a parallel test inherited the socket Foundation's `Process` uses to notice the CLI's
/// exit, and kept it until its pane's `sleep 120` ended. Helpers now get stdin, stdout and stderr only.
@Suite struct ChildProcessTests {
    @Test func aSpawnedHelperInheritsNoDescriptorButTheStandardThree() async throws {
        // Open descriptors of our own that a careless spawn would pass on.
        var pair: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer { close(pair[0]); close(pair[1]) }
        let directory = NSTemporaryDirectory() + "useepay-child-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // `ls` lists the descriptors of the shell that runs it (its parent, $PPID) — the spawned process itself.
        let pid = try ChildProcess.spawn("/bin/sh", ["-c", "ls /proc/$$/fd"],
                                         files: .init(stdout: directory + "/out", stderr: directory + "/err"))
        #expect(await ChildProcess.exitStatus(of: pid) == 0)
        let listed = String(decoding: FileManager.default.contents(atPath: directory + "/out") ?? Data(), as: UTF8.self)
        let descriptors = Set(listed.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) })
        #expect(!descriptors.contains(pair[0]) && !descriptors.contains(pair[1]), "inherited \(descriptors)")
        #expect(descriptors.isSubset(of: [0, 1, 2, 10, 255]), "only the standard three (and the shell's own): \(descriptors)")
    }

    @Test func theExitStatusIsReportedWhenTheChildExitsEvenIfAGrandchildLivesOn() async throws {
        // The grandchild keeps stdout open for 30 s; the child itself exits at once with status 7.
        // Not a timed assertion (the machine is shared): the status must arrive while the grandchild
        // still lives, which a wait for every holder of stdout could never do.
        let directory = NSTemporaryDirectory() + "useepay-child-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pid = try ChildProcess.spawn("/bin/sh", ["-c", "sleep 30 & echo $! > \(directory)/grandchild; exit 7"],
                                         files: .init(stdout: directory + "/out", stderr: directory + "/err"))
        #expect(await ChildProcess.exitStatus(of: pid) == 7)
        let written = String(decoding: FileManager.default.contents(atPath: directory + "/grandchild") ?? Data(), as: UTF8.self)
        let grandchild = try #require(pid_t(written.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(grandchild, 0) == 0, "the grandchild had already ended: the wait was for it, not for the child")
        kill(grandchild, SIGKILL)
    }
}
