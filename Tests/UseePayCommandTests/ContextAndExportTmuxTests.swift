import Foundation
import Testing
import ConsoleCore
import UseePay
@testable import useepay

/// `:ctx` and `:export` in the built console in tmux: two sandboxes on different ports as two profiles of
/// config.toml; the export is compared with `payments list --format csv` of the same day; the switch
/// changes the header at once and leaves nothing of the first merchant on screen.
@Suite(.serialized)
struct ContextAndExportTmuxTests {
    @Test(.enabled(if: TmuxConsole.isAvailable))
    func exportThenSwitchMerchantsInPlace() async throws {
        try await withSandbox { shop in
            try await withSandbox { outlet in
                #expect(shop.server.baseURL.port != outlet.server.baseURL.port)
                _ = try await shop.makePayment("12.50", customerName: "Dana", description: "=HYPERLINK(\"http://evil.example\",\"x\")", order: "order-shop-1")
                _ = try await shop.makePayment("7.25", customerName: "김민지", description: "김민지, \"Min\"", order: "order-shop-2")
                let outletPayment = try await outlet.makePayment("99.00", customerName: "Outlet Buyer", order: "order-outlet-1")

                let home = shop.home
                let configDirectory = home + "/config/useepay"
                try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
                func profile(_ name: String, _ sandbox: SandboxFixture, _ extra: String = "") -> String {
                    """
                    [profiles.\(name)]
                    base_url = "\(sandbox.server.baseURL.absoluteString)"
                    merchant_no = "\(sandbox.server.credentials.merchantNo)"
                    app_id = "\(sandbox.server.credentials.appId)"
                    api_key_env = "\(name.uppercased())_KEY"
                    \(extra)

                    """
                }
                let config = "default_profile = \"shop\"\n\n" + profile("shop", shop) + profile("outlet", outlet, "read_only = true")
                #expect(FileManager.default.createFile(atPath: configDirectory + "/config.toml", contents: Data(config.utf8),
                                                       attributes: [.posixPermissions: 0o600]))
                // No USEEPAY_* variables: they would override every profile.
                let environment = [
                    "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data",
                    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TZ": "UTC", "LANG": "C.UTF-8",
                    "SHOP_KEY": shop.server.credentials.apiKey, "OUTLET_KEY": outlet.server.credentials.apiKey,
                ]
                // The outlet's earlier run wrote "sending" for a capture and died before the request left. The
                // journal file is shared by every profile: the shop must leave this entry alone, the outlet settle it.
                let stateDirectory = home + "/state/useepay"
                try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
                let unfinished = #"{"mode":"sandbox","phase":"sending","profile":"outlet","recordedAt":"2026-12-01T09:00:00Z","request":{"action":"capture","atPeriodEnd":false,"consoleRequestId":"outlet-earlier","currency":"USD","objectId":"\#(outletPayment.id)"}}"#
                #expect(FileManager.default.createFile(atPath: stateDirectory + "/journal.jsonl", contents: Data((unfinished + "\n").utf8),
                                                       attributes: [.posixPermissions: 0o600]))
                let exportPath = home + "/shop-today.csv"
                try await TmuxConsole.with(arguments: ["--refresh", "0"], environment: environment.merging(["TERM": "xterm-256color"]) { $1 }) { console in
                    let opening = try await console.waitForScreen("the shop's payments under its profile") {
                        $0.contains("order-shop-1") && $0.contains("order-shop-2") && $0.contains("shop") && $0.contains("SANDBOX")
                    }
                    #expect(!opening.contains("Checked") && !opening.contains(outletPayment.id), "the shop must not settle the outlet's entry")
                    try await console.press(":")
                    try await console.type("export csv " + exportPath)
                    try await console.press("Enter")
                    try await console.waitForScreen(containing: "Wrote 2 payments to")
                    let exported = try String(contentsOfFile: exportPath, encoding: .utf8)
                    let day = CalendarDay(date: Date(), timeZone: TimeZone(identifier: "UTC")!).description
                    let listed = try await UseepayBinary.run(["payments", "list", "--since", day, "--until", day, "--format", "csv"],
                                                             environment: environment.merging(["USEEPAY_PROFILE": "shop"]) { $1 })
                    #expect(listed.status == 0)
                    #expect(exported == listed.stdout, "the console's export and the script's CSV are the same bytes")
                    #expect(exported.contains("'=HYPERLINK("), "spreadsheet-safe like payments list")

                    try await console.press(":")
                    try await console.type("ctx")
                    try await console.press("Enter")
                    let picker = try await console.waitForScreen("the profiles with mode, read-only and merchant number") {
                        $0.contains("Profiles") && $0.contains("outlet") && $0.contains("read-only")
                            && $0.contains(outlet.server.credentials.merchantNo)
                    }
                    #expect(!picker.contains(shop.server.credentials.apiKey) && !picker.contains(outlet.server.credentials.apiKey))
                    // Sorted by name: outlet above shop (the cursor starts on shop, the one in use).
                    try await console.press("k")
                    try await console.press("Enter")
                    let switched = try await console.waitForScreen("the outlet's payments, none of the shop's, its journal settled") {
                        $0.contains("order-outlet-1") && !$0.contains("order-shop-1") && !$0.contains("order-shop-2")
                            && $0.contains("Checked: capture on \(outletPayment.id) did NOT happen")
                    }
                    let stillAuthorised = try await outlet.client.retrievePaymentIntent(id: outletPayment.id)
                    #expect(stillAuthorised.status == .requiresCapture)
                    let header = switched.split(separator: "\n").first.map(String.init) ?? ""
                    #expect(header.contains("outlet") && header.contains("read-only") && header.contains("SANDBOX"))
                    #expect(!switched.contains(shop.server.credentials.apiKey) && !switched.contains(outlet.server.credentials.apiKey))
                    try await console.press("q")
                    try await console.expectCleanExit()
                }
            }
        }
    }
}
