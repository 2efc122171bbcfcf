import ConsoleCore
import Foundation
import Testing
import UseePay
@testable import useepay

@Suite struct ConfigurationResolutionTests {
    let home = ["HOME": "/home/merchant"]

    func file(_ text: String, permissions: UInt16 = 0o600) throws -> ConfigFile {
        try ConfigFile.parse(text, path: "/home/merchant/.config/useepay/config.toml", permissions: permissions)
    }

    static let twoProfiles = """
        default_profile = "test"

        [profiles.test]
        environment = "sandbox"
        merchant_no = "500000000011"
        app_id = "test.example.com"
        api_key_env = "TEST_KEY_VAR"
        time_zone = "Asia/Seoul"
        refresh = 30

        [profiles.live]
        environment = "production"
        merchant_no = "500000000099"
        app_id = "shop.example.com"
        api_key_command = "pass show useepay/live"
        read_only = true
        theme = "light"
        start_screen = "glance"
        authorisation_days = 3

        [profiles.live.keys]
        capture = "C"
        refund = ""
        """

    @Test func defaultProfileFromFileWithSources() throws {
        let config = try file(Self.twoProfiles)
        let env = home.merging(["TEST_KEY_VAR": "sk_test_secret_1"]) { $1 }
        let settings = try ConfigurationResolver.resolve(environment: env, configFile: config, flags: GlobalFlags())
        let profileSource = SettingSource.profile(name: "test", path: config.path)
        #expect(settings.profile == Sourced("test", profileSource))
        #expect(settings.endpoint == Sourced(.remote(.sandbox), profileSource))
        #expect(settings.merchantNo == Sourced("500000000011", profileSource))
        #expect(settings.apiKey == Sourced(.literal(SecretKeyText("sk_test_secret_1")), .environment("TEST_KEY_VAR")))
        #expect(settings.timeZone.value.identifier == "Asia/Seoul")
        #expect(settings.refreshSeconds == Sourced(30, profileSource))
        #expect(settings.readOnly == Sourced(false, .builtInDefault))
        #expect(settings.isLive == false)
        #expect(settings.startScreen == Sourced("payments", .builtInDefault))
        #expect(settings.authorisationDays == Sourced(7, .builtInDefault))
    }

    @Test func environmentVariablesOverrideTheFileAndSaySo() throws {
        let config = try file(Self.twoProfiles)
        let env = home.merging([
            "USEEPAY_PROFILE": "live", "USEEPAY_MERCHANT_NO": "500000000777", "USEEPAY_API_KEY": "sk_env_secret_2",
            "USEEPAY_BASE_URL": "http://127.0.0.1:9999",
        ]) { $1 }
        let settings = try ConfigurationResolver.resolve(environment: env, configFile: config, flags: GlobalFlags())
        #expect(settings.profile == Sourced("live", .environment("USEEPAY_PROFILE")))
        #expect(settings.merchantNo == Sourced("500000000777", .environment("USEEPAY_MERCHANT_NO")))
        #expect(settings.appId == Sourced("shop.example.com", .profile(name: "live", path: config.path)))
        #expect(settings.apiKey == Sourced(.literal(SecretKeyText("sk_env_secret_2")), .environment("USEEPAY_API_KEY")))
        #expect(settings.endpoint == Sourced(.remote(.custom(URL(string: "http://127.0.0.1:9999")!)), .environment("USEEPAY_BASE_URL")))
        #expect(settings.readOnly == Sourced(true, .profile(name: "live", path: config.path)))
        #expect(settings.theme.value == "light")
        #expect(settings.startScreen == Sourced("glance", .profile(name: "live", path: config.path)))
        #expect(settings.authorisationDays == Sourced(3, .profile(name: "live", path: config.path)))
        #expect(settings.keyBindings.value == ["capture": ["C"], "refund": []])
        #expect(settings.notes.contains("USEEPAY_API_KEY overrides the API key of profile \"live\""))
        #expect(settings.notes.contains("USEEPAY_MERCHANT_NO overrides the merchant number of profile \"live\""))
    }

    @Test func startScreenIsCheckedAndTheEnvironmentOverridesIt() throws {
        let config = try file(Self.twoProfiles)
        let env = home.merging(["USEEPAY_PROFILE": "live", "USEEPAY_START_SCREEN": "payments"]) { $1 }
        let settings = try ConfigurationResolver.resolve(environment: env, configFile: config, flags: GlobalFlags())
        #expect(settings.startScreen == Sourced("payments", .environment("USEEPAY_START_SCREEN")))
        #expect(throws: ConfigFileError.self) {
            try ConfigFile.parse("[profiles.a]\nstart_screen = \"dashboard\"\n", path: "/tmp/c.toml")
        }
        #expect(throws: ConfigFileError.self) {
            try ConfigFile.parse("[profiles.a]\nauthorisation_days = 0\n", path: "/tmp/c.toml")
        }
    }

    @Test func commandLineProfileBeatsEnvironmentProfile() throws {
        let config = try file(Self.twoProfiles)
        let env = home.merging(["USEEPAY_PROFILE": "test", "TEST_KEY_VAR": "x"]) { $1 }
        let settings = try ConfigurationResolver.resolve(
            environment: env, configFile: config, flags: GlobalFlags(profile: "live", readOnly: false))
        #expect(settings.profile == Sourced("live", .commandLine("--profile")))
        #expect(settings.isLive)
        #expect(settings.apiKey == Sourced(.command("pass show useepay/live"), .profile(name: "live", path: config.path)))
    }

    @Test func unknownProfileIsAConfigurationError() throws {
        let config = try file(Self.twoProfiles)
        #expect {
            try ConfigurationResolver.resolve(environment: home, configFile: config, flags: GlobalFlags(profile: "staging"))
        } throws: { error in
            let failure = try #require(error as? CommandFailure)
            return failure.status == .configuration && failure.message.contains("\"staging\"")
                && failure.message.contains("live, test")
        }
    }

    @Test func inlineKeyInAGroupReadableFileIsRefusedWithTheChmodToRun() throws {
        let config = try file("""
            [profiles.main]
            merchant_no = "1"
            app_id = "a"
            api_key = "sk_inline_secret_3"
            """, permissions: 0o644)
        #expect {
            try ConfigurationResolver.resolve(environment: home, configFile: config, flags: GlobalFlags())
        } throws: { error in
            let failure = try #require(error as? CommandFailure)
            return failure.status == .configuration
                && failure.message.contains("chmod 600 /home/merchant/.config/useepay/config.toml")
                && !failure.message.contains("sk_inline_secret_3")
        }
    }

    @Test func inlineKeyInAPrivateFileIsUsed() throws {
        let config = try file("""
            [profiles.main]
            merchant_no = "1"
            app_id = "a"
            api_key = "sk_inline_secret_3"
            """, permissions: 0o600)
        let settings = try ConfigurationResolver.resolve(environment: home, configFile: config, flags: GlobalFlags())
        #expect(settings.apiKey?.value == .literal(SecretKeyText("sk_inline_secret_3")))
        #expect(settings.profile?.value == "main")
    }

    @Test func apiKeyEnvNamingAnUnsetVariableIsAnError() throws {
        let config = try file(Self.twoProfiles)
        #expect {
            try ConfigurationResolver.resolve(environment: home, configFile: config, flags: GlobalFlags())
        } throws: { error in
            (error as? CommandFailure)?.message.contains("TEST_KEY_VAR") == true
        }
    }

    @Test func apiKeyCommandRunsOnceThroughTheShellAndIsTrimmed() throws {
        let key = try APIKeyCommandRunner.load(.command("printf '  sk_from_command_4 \\n'"), profile: "live")
        #expect(key == SecretKeyText("sk_from_command_4"))
    }

    @Test func failingApiKeyCommandIsAConfigurationErrorWithoutItsOutput() throws {
        #expect {
            try APIKeyCommandRunner.load(.command("echo sk_partial_secret; exit 3"), profile: "live")
        } throws: { error in
            let failure = try #require(error as? CommandFailure)
            return failure.status == .configuration && failure.message.contains("status 3")
                && !failure.message.contains("sk_partial_secret")
        }
    }

    @Test func sandboxFlagNeedsNoCredentialsAndIgnoresThem() throws {
        let env = home.merging(["USEEPAY_API_KEY": "sk_real_secret_5", "USEEPAY_ENV": "production"]) { $1 }
        let settings = try ConfigurationResolver.resolve(environment: env, configFile: nil, flags: GlobalFlags(sandbox: true))
        #expect(settings.endpoint == Sourced(.inProcessSandbox, .commandLine("--sandbox")))
        #expect(settings.apiKey == nil)
        #expect(settings.modeName == "SANDBOX")
    }

    @Test func withoutAnySettingsTheDefaultIsTheTestEnvironmentAndCredentialsAreExplained() throws {
        let settings = try ConfigurationResolver.resolve(environment: home, configFile: nil, flags: GlobalFlags())
        #expect(settings.endpoint == Sourced(.remote(.sandbox), .builtInDefault))
        #expect {
            try settings.requireRemoteCredentials()
        } throws: { error in
            let failure = try #require(error as? CommandFailure)
            return failure.status == .configuration && failure.message.contains("useepay --sandbox")
                && failure.message.contains("USEEPAY_API_KEY") && failure.message.contains("/home/merchant/.config/useepay/config.toml")
        }
    }

    @Test func readOnlyFlagBeatsProfile() throws {
        let env = home.merging(["TEST_KEY_VAR": "k"]) { $1 }
        let settings = try ConfigurationResolver.resolve(
            environment: env, configFile: try file(Self.twoProfiles), flags: GlobalFlags(readOnly: true))
        #expect(settings.readOnly == Sourced(true, .commandLine("--read-only")))
    }

    @Test func unknownKeysAndBadValuesInTheFileAreErrorsNamingTheKey() throws {
        #expect {
            try file("[profiles.a]\nmerchent_no = \"1\"\n")
        } throws: { error in
            (error as? ConfigFileError)?.message.contains("profiles.a.merchent_no") == true
        }
        #expect {
            try file("[profiles.a]\nread_only = \"yes\"\n")
        } throws: { error in
            (error as? ConfigFileError)?.message.contains("profiles.a.read_only") == true
        }
        #expect {
            try file("[profiles.a\nmerchant_no = 1\n")
        } throws: { error in
            (error as? ConfigFileError)?.message.contains("line 1") == true
        }
    }

    @Test func badEnvironmentNameAndURLAreConfigurationErrors() throws {
        for env in [["USEEPAY_ENV": "staging"], ["USEEPAY_BASE_URL": "ftp://example.com"]] {
            #expect {
                try ConfigurationResolver.resolve(environment: home.merging(env) { $1 }, configFile: nil, flags: GlobalFlags())
            } throws: { error in
                (error as? CommandFailure)?.status == .configuration
            }
        }
    }

    @Test func xdgDirectoriesFollowTheEnvironmentAndIgnoreRelativeValues() {
        let dirs = XDGDirectories(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "relative/state"])
        #expect(dirs.configFile == "/cfg/useepay/config.toml")
        #expect(dirs.defaultLogFile == "/h/.local/state/useepay/useepay.log")
        #expect(dirs.sandboxDirectory == "/h/.local/share/useepay/sandbox")
        #expect(XDGDirectories.journalFile(besideLogFile: "/tmp/x/my.log") == "/tmp/x/journal.jsonl")
    }

    @Test func configReportRedactsTheKeyAndNamesSources() throws {
        let config = try file(Self.twoProfiles)
        let env = home.merging(["TEST_KEY_VAR": "sk_test_visible_never_6"]) { $1 }
        let settings = try ConfigurationResolver.resolve(environment: env, configFile: config, flags: GlobalFlags())
        let text = ConfigReport.render(settings, fileExists: true)
        #expect(!text.contains("sk_test_visible_never_6"))
        #expect(text.contains("(environment TEST_KEY_VAR)"))
        #expect(text.contains("config file       \(config.path) (found, mode 600)"))
        #expect(text.contains("Mode"))
        #expect(text.contains("SANDBOX"))
    }

    @Test func dashboardLinksFollowTheServiceUnlessTheProfileGivesATemplate() throws {
        let env = home.merging(["TEST_KEY_VAR": "k"]) { $1 }
        let test = try ConfigurationResolver.resolve(environment: env, configFile: try file(Self.twoProfiles), flags: GlobalFlags())
        #expect(test.dashboard == Sourced(.merchantConsole(URL(string: "https://mc1.uat.useepay.com")!), .builtInDefault))
        #expect(test.dashboard.value.links(baseURL: URL(string: "https://openapi1.uat.useepay.com")!).link(for: ObjectRef(.payment, "pi_1"))
                == DashboardLink(url: "https://mc1.uat.useepay.com", opensObject: false))

        var sandboxFlags = GlobalFlags()
        sandboxFlags.sandbox = true
        let embedded = try ConfigurationResolver.resolve(environment: home, configFile: nil, flags: sandboxFlags)
        #expect(embedded.dashboard == Sourced(.sandboxPages, .inProcessSandbox))
        #expect(embedded.dashboard.value.links(baseURL: URL(string: "http://127.0.0.1:40001/")!).link(for: ObjectRef(.refund, "re_1"))?.url
                == "http://127.0.0.1:40001/__sandbox/dashboard/refunds/re_1")

        let served = try ConfigurationResolver.resolve(
            environment: home.merging(["USEEPAY_BASE_URL": "http://127.0.0.1:8787"]) { $1 }, configFile: nil, flags: GlobalFlags())
        #expect(served.dashboard.value == .sandboxPages)
        let elsewhere = try ConfigurationResolver.resolve(
            environment: home.merging(["USEEPAY_BASE_URL": "https://proxy.example"]) { $1 }, configFile: nil, flags: GlobalFlags())
        #expect(elsewhere.dashboard.value == DashboardSetting.none)

        let templated = try file(Self.twoProfiles.replacingOccurrences(
            of: "refresh = 30", with: "refresh = 30\ndashboard_url = \"https://dash.example/{resource}/{id}\""))
        let custom = try ConfigurationResolver.resolve(environment: env, configFile: templated, flags: GlobalFlags())
        #expect(custom.dashboard == Sourced(.template("https://dash.example/{resource}/{id}"), .profile(name: "test", path: templated.path)))
        #expect(ConfigReport.render(custom, fileExists: true).contains("Dashboard    https://dash.example/{resource}/{id}"))
    }

    @Test func aDashboardTemplateWithoutTheIdIsRefusedWithAnExample() throws {
        let text = Self.twoProfiles.replacingOccurrences(of: "refresh = 30", with: "refresh = 30\ndashboard_url = \"https://dash.example/payments\"")
        #expect {
            try file(text)
        } throws: { error in
            "\(error)".contains("`profiles.test.dashboard_url` must contain {id}")
        }
    }
}
