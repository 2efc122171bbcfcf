import ConsoleCore
import Foundation
import Logging
import UseePay
import UseePaySandbox

/// An open connection to the service the settings point at: the client, the in-process sandbox when
/// `--sandbox` was given, the journal and the logger. Subcommands and the console share it.
final class ServiceSession: Sendable {
    let settings: EffectiveSettings
    let client: UseePayClient
    let sandbox: SandboxServer?
    let journal: FileActionJournal
    let logger: Logger

    var mode: ConsoleMode { settings.isLive ? .live : .sandbox }

    /// Where objects open in a browser, now that the service's address is known.
    var dashboardLinks: DashboardLinks { settings.dashboard.value.links(baseURL: client.configuration.environment.baseURL) }

    private init(settings: EffectiveSettings, client: UseePayClient, sandbox: SandboxServer?, journal: FileActionJournal, logger: Logger) {
        self.settings = settings; self.client = client; self.sandbox = sandbox; self.journal = journal
        self.logger = logger
    }

    /// Number of payments seeded into a fresh `--sandbox` database, spread over the last two weeks.
    static let sandboxSeedCount: UInt64 = 120

    static func open(
        settings: EffectiveSettings, resetSandbox: Bool = false,
        requestObserver: (@Sendable (APIRequestRecord) -> Void)? = nil
    ) async throws -> ServiceSession {
        do {
            try LogFile.shared.open(path: settings.logFile.value, level: settings.logLevel.value)
        } catch {
            throw CommandFailure(.configuration, "cannot open the log file \(settings.logFile.value): \(error.localizedDescription)")
        }
        let logger = Logger(label: "useepay") { FileLogHandler(label: $0) }
        let journal = FileActionJournal(path: settings.journalFile, profile: settings.profileLabel)

        let sandbox: SandboxServer?
        let configuration: UseePayConfiguration
        switch settings.endpoint.value {
        case .inProcessSandbox:
            let server = try await startSandbox(settings: settings, reset: resetSandbox, logger: logger)
            sandbox = server
            configuration = UseePayConfiguration(
                environment: .custom(server.baseURL), merchantNo: server.credentials.merchantNo,
                apiKey: APIKey(server.credentials.apiKey), appId: server.credentials.appId)
        case .remote:
            let credentials = try settings.requireRemoteCredentials()
            let key = try APIKeyCommandRunner.load(credentials.apiKey, profile: settings.profile?.value)
            key.registerForRedaction(in: LogFile.shared)
            sandbox = nil
            configuration = UseePayConfiguration(
                environment: credentials.environment, merchantNo: credentials.merchantNo, apiKey: key.apiKey,
                appId: credentials.appId)
        }
        do {
            try configuration.validate()
        } catch {
            await sandbox?.stop()
            throw CommandFailure(.configuration, "\(error)")
        }
        let client: UseePayClient
        do {
            client = try UseePayClient(
                configuration: configuration, logger: Logger(label: "useepay.client") { FileLogHandler(label: $0) },
                requestObserver: requestObserver)
        } catch {
            await sandbox?.stop()
            throw CommandFailure(.configuration, "cannot start the HTTP client: \(error)")
        }
        logger.info("session opened", metadata: [
            "mode": "\(settings.modeName)", "profile": "\(settings.profile?.value ?? "-")",
            "base_url": "\(configuration.environment.baseURL.absoluteString)",
        ])
        return ServiceSession(settings: settings, client: client, sandbox: sandbox, journal: journal, logger: logger)
    }

    private static func startSandbox(settings: EffectiveSettings, reset: Bool, logger: Logger) async throws -> SandboxServer {
        let path = settings.sandboxDatabase
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            if reset {
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                    try FileManager.default.removeItem(atPath: path + suffix)
                }
            }
        } catch {
            throw CommandFailure(.configuration, "cannot prepare the sandbox database in \(directory): \(error.localizedDescription)")
        }
        var options = SandboxOptions()
        options.port = 0
        options.database = .file(path)
        options.seed = sandboxSeedCount
        options.timeZone = settings.timeZone.value
        do {
            let server = try await SandboxServer.start(options)
            logger.info("in-process sandbox started", metadata: ["base_url": "\(server.baseURL.absoluteString)", "database": "\(path)"])
            return server
        } catch {
            throw CommandFailure(.configuration, "cannot start the sandbox (database \(path)): \(error)")
        }
    }

    func close() async {
        try? await client.shutdown()
        await sandbox?.stop()
    }

    /// Runs `body` with an open session and always closes it, also when `body` throws.
    static func with<T>(
        _ settings: EffectiveSettings, resetSandbox: Bool = false, _ body: (ServiceSession) async throws -> T
    ) async throws -> T {
        let session = try await open(settings: settings, resetSandbox: resetSandbox, requestObserver: RetryNoticePrinter.observer)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }
}
