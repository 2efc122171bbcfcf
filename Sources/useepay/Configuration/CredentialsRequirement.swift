import Foundation
import UseePay

/// The credentials for a remote service, once it is known that all three are present.
struct RemoteCredentials: Sendable {
    var environment: UseePayEnvironment
    var merchantNo: String
    var appId: String
    var apiKey: APIKeyOrigin
}

extension EffectiveSettings {
    /// The credentials for a remote endpoint, or the explanation a new user needs to set them.
    func requireRemoteCredentials() throws(CommandFailure) -> RemoteCredentials {
        guard case .remote(let environment) = endpoint.value else {
            throw CommandFailure(.configuration, "internal: credentials asked for the in-process sandbox")
        }
        var missing: [String] = []
        if merchantNo == nil { missing.append("merchant number (USEEPAY_MERCHANT_NO or merchant_no)") }
        if appId == nil { missing.append("app id (USEEPAY_APP_ID or app_id)") }
        if apiKey == nil { missing.append("API key (USEEPAY_API_KEY, api_key_env, api_key_command or api_key)") }
        guard let merchantNo, let appId, let apiKey, missing.isEmpty else {
            throw CommandFailure(.configuration, missingCredentialsHelp(missing: missing))
        }
        return RemoteCredentials(environment: environment, merchantNo: merchantNo.value, appId: appId.value, apiKey: apiKey.value)
    }

    func missingCredentialsHelp(missing: [String]) -> String {
        """
        UseePay API credentials are missing:
        \(missing.map { "  - " + $0 }.joined(separator: "\n"))

        To try it without an account, run the built-in sandbox:
          useepay --sandbox

        To use your account, either set environment variables:
          export USEEPAY_MERCHANT_NO=<merchant number>
          export USEEPAY_APP_ID=<app id>
          export USEEPAY_API_KEY=<api key>
          export USEEPAY_ENV=production        # default is the UseePay test environment

        or add a profile to \(configPath):
          [profiles.live]
          environment = "production"
          merchant_no = "<merchant number>"
          app_id = "<app id>"
          api_key_command = "pass show useepay/live"   # or api_key_env = "MY_VAR"
          read_only = true

        The API key is never accepted on the command line. `useepay config` shows what is set and where from.
        """
    }
}

/// Runs `api_key_command` once through /bin/sh, like a password manager integration.
enum APIKeyCommandRunner {
    static func load(_ origin: APIKeyOrigin, profile: String?) throws(CommandFailure) -> SecretKeyText {
        switch origin {
        case .literal(let key):
            return key
        case .command(let command):
            return try run(command, profile: profile)
        }
    }

    static func run(_ command: String, profile: String?) throws(CommandFailure) -> SecretKeyText {
        let label = "api_key_command" + (profile.map { " of profile \"\($0)\"" } ?? "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        // stdin and stderr stay attached so a password manager can prompt.
        do {
            try process.run()
        } catch {
            throw CommandFailure(.configuration, "\(label) could not be started: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            // Never echo the output: it may be (part of) the secret.
            throw CommandFailure(.configuration, "\(label) failed with status \(process.terminationStatus)")
        }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else {
            throw CommandFailure(.configuration, "\(label) printed nothing; it must print the API key on stdout")
        }
        return SecretKeyText(key)
    }
}
