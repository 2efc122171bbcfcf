import ConsoleCore
import Foundation
import XCTest
@testable import TerminalUI

/// What the demo shows: the keys typed so far and the size.
private struct DemoModel: Sendable, Equatable {
    var keys: [String] = []
    var size = TerminalSize(columns: 0, rows: 0)
    var copies = 0
}

private final class DemoState: @unchecked Sendable {
    let lock = NSLock()
    var model = DemoModel()
    var app: TerminalApp<DemoModel>?
}

/// The program the tmux tests drive: a TerminalApp on a real CursesTerminal.
/// It is this test bundle itself, started inside tmux with
/// USEEPAY_TUI_DEMO_IDLE_FILE set; run any other way, it is skipped.
final class CursesDemoHost: XCTestCase {
    func testDemoHost() throws {
        let env = ProcessInfo.processInfo.environment
        guard let idleFile = env["USEEPAY_TUI_DEMO_IDLE_FILE"] else {
            throw XCTSkip("only runs inside tmux, started by CursesTerminalTmuxTests")
        }
        let environment = TerminalEnvironment(
            escapeDelayMilliseconds: env["ESCDELAY"].flatMap(Int.init), isSSH: false,
            noColor: !(env["NO_COLOR"] ?? "").isEmpty, colorTerm: env["COLORTERM"], term: env["TERM"])
        let theme = environment.noColor ? ThemeLoader.monochrome : ThemeLoader.defaultTheme
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment, theme: theme)
        } catch {
            print("useepay: \(error)")
            throw error
        }
        let state = DemoState()
        let pid = getpid()
        let app = TerminalApp<DemoModel>(
            initial: DemoModel(),
            render: { model, size in Self.render(model, size: size) },
            onInput: { input in
                let updated: DemoModel = state.lock.withLock {
                    switch input {
                    case .resize(let size): state.model.size = size
                    case .key(let key) where key == .char("q"): state.app?.quit()
                    case .key(let key) where key == .char("c"):
                        state.model.copies += 1
                        state.app?.copyToClipboard("pi_demo_\(state.model.copies)")
                    case .key(let key): state.model.keys = Array((state.model.keys + [key.description]).suffix(6))
                    }
                    return state.model
                }
                state.app?.update(updated)
            },
            onIdle: { model in
                let line = "pid=\(pid) size=\(model.size) copies=\(model.copies) keys=\(model.keys.joined(separator: ","))\n"
                try? line.write(toFile: idleFile + ".tmp", atomically: false, encoding: .utf8)
                rename(idleFile + ".tmp", idleFile)
            })
        state.app = app
        let exit = app.run(on: terminal)
        print("demo exit: \(exit)")
    }

    fileprivate static func render(_ model: DemoModel, size: TerminalSize) -> CellGrid {
        var grid = CellGrid(size: size)
        StatusBar(left: [BarSegment("TerminalUI demo", role: .title)], right: [BarSegment(" SANDBOX ", role: .modeSandbox)])
            .draw(into: &grid, rect: grid.bounds.row(0))
        grid.write("size \(size) keys: \(model.keys.joined(separator: " "))", x: 0, y: 1, maxWidth: size.columns, role: .normal)
        let table = Table(columns: [TableColumn("NAME", minWidth: 8, flex: 1), TableColumn("AMOUNT", minWidth: 10, alignment: .right, priority: 1)])
        let rows = [TableRow(["김민준", "15,000 KRW"], cellRoles: [nil, .statusSucceeded]),
                    TableRow(["山田太郎", "1,200 JPY"], cellRoles: [nil, .statusFailed]),
                    TableRow(["Ame\u{301}lie\u{1b}[2J", "12.50 EUR"])]
        let area = Rect(x: 0, y: 2, width: size.columns, height: max(0, size.rows - 2))
        table.draw(into: &grid, rect: area, rows: rows, selectedRow: min(model.keys.count, 2))
        return grid
    }
}

/// Drives the demo in a real terminal (tmux) as a person would and reads the screen back.
final class CursesTerminalTmuxTests: XCTestCase {
    private var socket = ""
    private var tmuxPath = "/usr/bin/tmux"
    private var directory: URL!
    private var idleFile: String { directory.appendingPathComponent("idle").path }

    override func setUpWithError() throws {
        guard let found = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { throw XCTSkip("tmux is not installed") }
        tmuxPath = found
        socket = "useepay-tui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs tmux and returns what it printed. posix_spawn + waitpid rather than Foundation's
    /// Process, whose child reaping hung here; output goes to a file, not a pipe, because the
    /// tmux server started by new-session would hold a pipe open forever.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputPath = directory.appendingPathComponent("tmux-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = [tmuxPath, "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmuxPath, &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Starts the demo (this test bundle, running CursesDemoHost) in a fresh tmux session.
    private func startDemo(term: String = "xterm-256color", extraEnvironment: [String: String] = [:], columns: Int = 60, rows: Int = 12) throws {
        let bundle = ProcessInfo.processInfo.arguments[0]
        var environment = ["USEEPAY_TUI_DEMO_IDLE_FILE": idleFile, "TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        environment.merge(extraEnvironment) { $1 }
        let assignments = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "env -u NO_COLOR -u COLORTERM \(assignments) '\(bundle)' TerminalUITests.CursesDemoHost/testDemoHost; echo \"demo rc=$?\"; exec cat"
        try tmux(["new-session", "-d", "-s", "demo", "-x", "\(columns)", "-y", "\(rows)", command])
    }

    /// Waits for the demo's idle report to satisfy `predicate` (the loop writes it when input is
    /// drained and the newest frame is on screen) and returns it.
    @discardableResult
    private func waitForIdle(_ predicate: (String) -> Bool, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let report = try? String(contentsOfFile: idleFile, encoding: .utf8), predicate(report) { return report }
            usleep(10_000)
        }
        XCTFail("the demo never reported the expected idle state; last: \((try? String(contentsOfFile: idleFile, encoding: .utf8)) ?? "none")\n\(screen())", file: file, line: line)
        return nil
    }

    /// The visible screen.
    private func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", "demo"])) ?? "" }

    /// The screen plus what scrolled off it (test output printed after the demo ends).
    private func scrollback() -> String { (try? tmux(["capture-pane", "-p", "-S", "-500", "-t", "demo"])) ?? "" }

    /// SGR parameters that set a colour (30-38, 40-48, 90-97, 100-107); 39/49 only reset to the default.
    private func colourParameters(in text: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1b}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            let parameters = rest[..<end].split(separator: ";").compactMap { Int($0) }
            found += parameters.filter { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
            rest = rest[end...]
        }
        return found
    }

    private func waitForScreen(containing text: String, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if scrollback().contains(text) { return }
            usleep(10_000)
        }
        XCTFail("screen never showed \(text.debugDescription):\n\(screen())", file: file, line: line)
    }

    private func paneFlag(_ name: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", "demo", "#{\(name)}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testDrawsKeysResizesAndRestoresTheTerminal() throws {
        try startDemo()
        waitForIdle { $0.contains("size=60x12 copies=0 keys=\n") }
        let opening = screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(opening[0], "TerminalUI demo                                     SANDBOX")
        XCTAssertEqual(opening[1], "size 60x12 keys:")
        XCTAssertEqual(opening[2], "NAME                                                  AMOUNT")
        XCTAssertEqual(opening[3], "김민준                                            15,000 KRW")
        XCTAssertEqual(opening[4], "山田太郎                                           1,200 JPY")
        XCTAssertEqual(opening[5], "Amélie�                                            12.50 EUR", "combining accent kept, escape replaced")
        XCTAssertEqual(paneFlag("alternate_on"), "1")

        try tmux(["send-keys", "-t", "demo", "j", "Down", "M-x", "C-r", "PageDown", "F5"])
        waitForIdle { $0.contains("keys=j,down,alt-x,ctrl-r,pgdn,F5\n") }
        XCTAssertTrue(screen().contains("size 60x12 keys: j down alt-x ctrl-r pgdn F5"))

        try tmux(["resize-window", "-t", "demo", "-x", "30", "-y", "6"])
        waitForIdle { $0.contains("size=30x6 ") }
        let narrow = screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(narrow[0], "TerminalUI demo       SANDBOX")
        XCTAssertEqual(narrow[3], "김민준              15,000 KRW")

        try tmux(["resize-window", "-t", "demo", "-x", "1", "-y", "1"])
        waitForIdle { $0.contains("size=1x1 ") }
        try tmux(["resize-window", "-t", "demo", "-x", "60", "-y", "12"])
        waitForIdle { $0.contains("size=60x12 ") }
        XCTAssertTrue(screen().contains("김민준                                            15,000 KRW"))

        try tmux(["send-keys", "-t", "demo", "q"])
        waitForScreen(containing: "demo rc=0")
        XCTAssertTrue(scrollback().contains("demo exit: quit"))
        XCTAssertEqual(paneFlag("alternate_on"), "0", "left the alternate screen")
        XCTAssertEqual(paneFlag("cursor_flag"), "1", "cursor visible again")
        XCTAssertEqual(paneFlag("keypad_flag"), "0", "keypad transmit mode off")
    }

    func testOneCursorMoveWritesFewBytes() throws {
        try startDemo(columns: 120, rows: 35)
        waitForIdle { $0.contains("size=120x35 copies=0 keys=\n") }
        let log = directory.appendingPathComponent("output").path
        try tmux(["pipe-pane", "-t", "demo", "-o", "cat >> '\(log)'"])
        try tmux(["send-keys", "-t", "demo", "j"])
        waitForIdle { $0.contains("keys=j\n") }
        try tmux(["send-keys", "-t", "demo", "k"])
        waitForIdle { $0.contains("keys=j,k\n") }
        try tmux(["pipe-pane", "-t", "demo"])
        let bytes = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? nil
        let written = bytes ?? 0
        // Two key presses, each moving the selection one row (two rows restyled) and
        // updating the keys line, plus the sync-output markers.
        XCTAssertGreaterThan(written, 0)
        XCTAssertLessThan(written, 2 * 300, "a cursor move must cost a few hundred bytes at most, not a repaint")
        print("bytes written for two cursor moves at 120x35: \(written)")
        try tmux(["send-keys", "-t", "demo", "q"])
        waitForScreen(containing: "demo rc=0")
    }

    func testCopyReachesTheClipboardThroughOSC52() throws {
        try startDemo()
        waitForIdle { $0.contains("size=60x12 copies=0 ") }
        // tmux takes OSC 52 into its paste buffer when set-clipboard is on, as a terminal would.
        try tmux(["set-option", "-g", "set-clipboard", "on"])
        try tmux(["send-keys", "-t", "demo", "c"])
        waitForIdle { $0.contains("copies=1 ") }
        let deadline = Date().addingTimeInterval(10)
        var buffer = ""
        while Date() < deadline {
            buffer = (try? tmux(["show-buffer"])) ?? ""
            if buffer == "pi_demo_1" { break }
            usleep(10_000)
        }
        XCTAssertEqual(buffer, "pi_demo_1")
        XCTAssertTrue(screen().contains("김민준                                            15,000 KRW"), "the frame is untouched by the copy")
        try tmux(["send-keys", "-t", "demo", "q"])
        waitForScreen(containing: "demo rc=0")
    }

    func testSigtermRestoresTheTerminal() throws {
        try startDemo()
        let report = waitForIdle { $0.contains("size=60x12") } ?? ""
        let pid = report.split(separator: " ").first { $0.hasPrefix("pid=") }.flatMap { Int32($0.dropFirst(4)) }
        let demoPid = try XCTUnwrap(pid)
        kill(demoPid, SIGTERM)
        waitForScreen(containing: "demo rc=0")
        XCTAssertTrue(scrollback().contains("demo exit: signal(15)"), scrollback())
        XCTAssertEqual(paneFlag("alternate_on"), "0")
        XCTAssertEqual(paneFlag("cursor_flag"), "1")
    }

    func testSuspendAndFgGiveTheTerminalBackAndRedraw() throws {
        // Job control needs an interactive shell: the demo's process group must not be orphaned,
        // or the kernel discards the stop.
        try tmux(["new-session", "-d", "-s", "demo", "-x", "60", "-y", "12", "bash --norc --noprofile -i"])
        let bundle = ProcessInfo.processInfo.arguments[0]
        let command = "env -u NO_COLOR USEEPAY_TUI_DEMO_IDLE_FILE='\(idleFile)' TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(bundle)' TerminalUITests.CursesDemoHost/testDemoHost; echo \"demo rc=$?\""
        try tmux(["send-keys", "-t", "demo", "-l", command])
        try tmux(["send-keys", "-t", "demo", "Enter"])
        waitForIdle { $0.contains("size=60x12 copies=0 keys=\n") }
        try tmux(["send-keys", "-t", "demo", "C-z"])
        waitForFlag("alternate_on", "0")
        waitForScreen(containing: "Stopped")
        XCTAssertEqual(paneFlag("cursor_flag"), "1", "cursor visible while suspended")
        try tmux(["send-keys", "-t", "demo", "-l", "fg"])
        try tmux(["send-keys", "-t", "demo", "Enter"])
        waitForFlag("alternate_on", "1")
        try tmux(["send-keys", "-t", "demo", "j"])
        waitForIdle { $0.contains("keys=j\n") }
        XCTAssertTrue(screen().contains("김민준                                            15,000 KRW"), screen())
        XCTAssertTrue(screen().contains("size 60x12 keys: j"), screen())
        try tmux(["send-keys", "-t", "demo", "q"])
        // bash drops the rest of a command list whose job was stopped, so no "demo rc" line here.
        waitForScreen(containing: "demo exit: quit")
        XCTAssertEqual(paneFlag("alternate_on"), "0")
    }

    private func waitForFlag(_ name: String, _ value: String, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if paneFlag(name) == value { return }
            usleep(10_000)
        }
        XCTFail("\(name) never became \(value)", file: file, line: line)
    }

    func testOpensUnderEveryCommonTermAndWithNoColor() throws {
        let variants: [(String, [String: String])] = [
            ("screen-256color", [:]), ("tmux-256color", [:]), ("linux", [:]), ("vt100", [:]), ("xterm-256color", ["NO_COLOR": "1"]),
        ]
        let baseSocket = socket
        for (index, (term, extra)) in variants.enumerated() {
            socket = "\(baseSocket)-\(index)"
            try startDemo(term: term, extraEnvironment: extra)
            waitForIdle { $0.contains("size=60x12 copies=0 keys=\n") }
            XCTAssertTrue(screen().contains("김민준                                            15,000 KRW"), "\(term) \(extra)")
            if !extra.isEmpty {
                let colored = (try? tmux(["capture-pane", "-p", "-e", "-t", "demo"])) ?? ""
                XCTAssertTrue(colored.contains("\u{1b}[7m"), "state still shown with reverse video")
                XCTAssertEqual(colourParameters(in: colored), [], "NO_COLOR: no colours\n\(colored.debugDescription)")
            } else if term.hasSuffix("256color") {
                let colored = (try? tmux(["capture-pane", "-p", "-e", "-t", "demo"])) ?? ""
                XCTAssertTrue(colourParameters(in: colored).contains(31), "failed status is red under \(term)\n\(colored.debugDescription)")
            }
            try tmux(["send-keys", "-t", "demo", "q"])
            waitForScreen(containing: "demo rc=0")
            try tmux(["kill-server"])
            try? FileManager.default.removeItem(atPath: idleFile)
        }
    }

    func testDumbTerminalGetsAClearMessage() throws {
        try startDemo(term: "dumb")
        waitForScreen(containing: "demo rc=")
        XCTAssertTrue(scrollback().contains("TERM=dumb cannot move the cursor"), scrollback())
        XCTAssertFalse(scrollback().contains("demo rc=0"))
    }
}
