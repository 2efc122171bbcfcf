import Foundation
import Testing
import UseePay
@testable import useepay

/// Every documented exit status, produced by the built binary.
@Suite struct ExitStatusTests {
    @Test func wrongKeyIsFourWithAClearMessageAndNoKey() async throws {
        try await withSandbox { sandbox in
            let result = try await UseepayBinary.run(["payments", "list"], environment: sandbox.environment(apiKey: "UseePay_SK_wrong_key_123456"))
            #expect(result.status == 4)
            #expect(result.stderr.contains("Authentication failed"))
            #expect(result.stderr.contains("API key"))
            #expect(!result.stderr.contains("UseePay_SK_wrong_key_123456"))
            let log = String(decoding: FileManager.default.contents(atPath: sandbox.home + "/state/useepay/useepay.log") ?? Data(), as: UTF8.self)
            #expect(!log.contains("UseePay_SK_wrong_key_123456"))
        }
    }

    @Test func unknownIdIsOne() async throws {
        try await withSandbox { sandbox in
            let result = try await UseepayBinary.run(["payments", "show", "pi_nope"], environment: sandbox.environment())
            #expect(result.status == 1)
            #expect(result.stderr.contains("Not found"))
        }
    }

    @Test func usageErrorIsTwo() async throws {
        try await withSandbox { sandbox in
            let result = try await UseepayBinary.run(["payments", "list", "--format", "xml"], environment: sandbox.environment())
            #expect(result.status == 2)
        }
    }

    @Test func sandboxDownIsFive() async throws {
        // A port that is bound but not listening refuses every connection, and stays ours for the test.
        // (A stopped sandbox's port could still accept into a dying listener's backlog, or be taken by
        // another test's sandbox, when tests run in parallel: the request then timed out instead.)
        let closed = try ClosedPort()
        defer { closed.release() }
        let sandbox = try await SandboxFixture.start()
        let environment = sandbox.environment(extra: ["USEEPAY_BASE_URL": "http://127.0.0.1:\(closed.port)"])
        await sandbox.stop()
        let result = try await UseepayBinary.run(["payments", "list"], environment: environment)
        #expect(result.status == 5)
        #expect(result.stderr.contains("connection refused"))
    }

    @Test func noCredentialsIsFourAndMentionsTheSandbox() async throws {
        let home = NSTemporaryDirectory() + "useepay-empty-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try await UseepayBinary.run(["payments", "list"], environment: ["HOME": home, "PATH": "/usr/bin:/bin"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("useepay --sandbox"))
        #expect(result.stderr.contains("USEEPAY_API_KEY"))
    }

    @Test func helpDocumentsExitStatusesAndCompletionsPrint() async throws {
        let env = ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        let help = try await UseepayBinary.run(["--help"], environment: env)
        #expect(help.status == 0)
        #expect(help.stdout.contains("3  outcome unclear"))
        #expect(help.stdout.contains("5  network unreachable"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try await UseepayBinary.run(["completions", shell], environment: env)
            #expect(script.status == 0)
            #expect(script.stdout.contains("payments"))
        }
        let builtIn = try await UseepayBinary.run(["--generate-completion-script", "bash"], environment: env)
        #expect(builtIn.status == 0)
        #expect(builtIn.stdout.contains("useepay"))
    }

    @Test func configCommandShowsSourcesAndRedactsTheKey() async throws {
        try await withSandbox { sandbox in
            let result = try await UseepayBinary.run(["config"], environment: sandbox.environment(apiKey: "UseePay_SK_secret_from_env_42"))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("UseePay_SK_secret_from_env_42"))
            #expect(result.stdout.contains("(environment USEEPAY_API_KEY)"))
            #expect(result.stdout.contains("(environment USEEPAY_BASE_URL)"))
            #expect(result.stdout.contains(sandbox.home + "/config/useepay/config.toml (not found)"))
        }
    }

    @Test func loosePermissionsOnAnInlineKeyRefuseWithTheChmod() async throws {
        try await withSandbox { sandbox in
            let directory = sandbox.home + "/config/useepay"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/config.toml"
            try "[profiles.main]\nmerchant_no = \"1\"\napp_id = \"a\"\napi_key = \"UseePay_SK_inline_9\"\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            var env = sandbox.environment()
            env["USEEPAY_API_KEY"] = nil
            let result = try await UseepayBinary.run(["payments", "list"], environment: env)
            #expect(result.status == 4)
            #expect(result.stderr.contains("chmod 600 \(path)"))
            #expect(!result.stderr.contains("UseePay_SK_inline_9"))
        }
    }
}

/// A loopback TCP port bound without `listen`: connecting to it is refused at once.
private struct ClosedPort {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    func release() { close(descriptor) }
}
