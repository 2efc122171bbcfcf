import Foundation
import XCTest
@testable import TerminalUI

final class ThemeTests: XCTestCase {
    private var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TerminalUI/Theme/BuiltIn")
    }

    func testEmbeddedThemesEqualTheFilesInThemesDirectory() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(files.map { String($0.dropLast(5)) }, BuiltInThemeSources.all.map(\.name).sorted(),
                       "list a theme file added or removed in BuiltInThemeSources.all")
        for source in BuiltInThemeSources.all {
            let text = try String(contentsOf: themesDirectory.appendingPathComponent("\(source.name).toml"), encoding: .utf8)
            XCTAssertEqual(source.text, text, source.name)
        }
    }

    func testEveryBuiltInParsesAndStylesEveryRole() throws {
        XCTAssertTrue(Set(ThemeLoader.builtInNames).isSuperset(of: ["default", "light", "high-contrast", "monochrome", "solarized-dark"]))
        for name in ThemeLoader.builtInNames {
            let source = BuiltInThemeSources.all.first { $0.name == name }!
            // Parse without a base so a role missing from the file is caught.
            let theme = try ThemeParser.parse(source.text, name: name, file: name) { _ in Theme(name: "empty", styles: [:]) }
            XCTAssertEqual(Set(theme.styles.keys), Set(ThemeRole.allCases), name)
        }
    }

    func testDefaultUsesOnlyANSIColoursAndTerminalBackground() {
        let theme = ThemeLoader.defaultTheme
        for role in ThemeRole.allCases {
            let style = theme.style(for: role)
            for color in [style.foreground, style.background] {
                switch color {
                case .terminalDefault: break
                case .indexed(let index): XCTAssertLessThan(index, 16, "\(role)")
                case .rgb: XCTFail("\(role) uses true colour")
                }
            }
        }
        XCTAssertEqual(theme.style(for: .normal).background, .terminalDefault)
        XCTAssertEqual(theme.style(for: .statusFailed).foreground, .indexed(1))
    }

    func testMonochromeHasNoColoursAndTellsStatesApartByAttributes() {
        let theme = ThemeLoader.monochrome
        for role in ThemeRole.allCases {
            XCTAssertEqual(theme.style(for: role).foreground, .terminalDefault)
            XCTAssertEqual(theme.style(for: role).background, .terminalDefault)
        }
        XCTAssertNotEqual(theme.style(for: .selection).attributes, theme.style(for: .normal).attributes)
        XCTAssertNotEqual(theme.style(for: .modeLive).attributes, theme.style(for: .modeSandbox).attributes)
        XCTAssertNotEqual(theme.style(for: .statusFailed).attributes, theme.style(for: .statusSucceeded).attributes)
    }

    func testColourSyntax() {
        XCTAssertEqual(ThemeColor(name: "default"), .terminalDefault)
        XCTAssertEqual(ThemeColor(name: "bright-red"), .indexed(9))
        XCTAssertEqual(ThemeColor(name: "Grey"), .indexed(8))
        XCTAssertEqual(ThemeColor(name: "#0a0B0c"), .rgb(red: 10, green: 11, blue: 12))
        XCTAssertNil(ThemeColor(name: "#12345"))
        XCTAssertNil(ThemeColor(name: "purpel"))
    }

    func testColourReduction() {
        let solarRed = ThemeColor.rgb(red: 0xdc, green: 0x32, blue: 0x2f)
        XCTAssertEqual(solarRed.reduced(to: .trueColor), solarRed)
        XCTAssertEqual(solarRed.reduced(to: .colors256), .indexed(166))
        XCTAssertEqual(solarRed.reduced(to: .colors16), .indexed(1))
        XCTAssertEqual(ThemeColor.indexed(196).reduced(to: .colors16), .indexed(9))
        XCTAssertEqual(ThemeColor.indexed(9).reduced(to: .colors8), .indexed(1))
        XCTAssertEqual(ThemeColor.indexed(240).reduced(to: .colors256), .indexed(240))
        XCTAssertNil(ThemeColor.indexed(3).reduced(to: .none))
        XCTAssertEqual(ThemeColor.terminalDefault.reduced(to: .none), .terminalDefault)
        XCTAssertEqual(ColorDepth.detect(colors: 256, colorTerm: "truecolor"), .trueColor)
        XCTAssertEqual(ColorDepth.detect(colors: 256, colorTerm: nil), .colors256)
        XCTAssertEqual(ColorDepth.detect(colors: 8, colorTerm: nil), .colors8)
        XCTAssertEqual(ColorDepth.detect(colors: 0, colorTerm: "truecolor"), .none)
    }
}

final class ThemeErrorTests: XCTestCase {
    private func parse(_ text: String) -> ThemeError? {
        do {
            _ = try ThemeParser.parse(text, name: "mine", file: "/themes/mine.toml", base: ThemeLoader.builtIn)
            return nil
        } catch {
            return error
        }
    }

    func testPartialThemeInheritsFromDefault() throws {
        let theme = try ThemeParser.parse("""
        [roles]
        header = { fg = "cyan" }
        statusFailed = { fg = 196, bg = "#000000", attributes = [] }
        """, name: "mine", file: "mine.toml", base: ThemeLoader.builtIn)
        XCTAssertEqual(theme.style(for: .header), ThemeStyle(foreground: .indexed(6), background: .terminalDefault, attributes: [.bold, .underline]))
        XCTAssertEqual(theme.style(for: .statusFailed), ThemeStyle(foreground: .indexed(196), background: .rgb(red: 0, green: 0, blue: 0)))
        XCTAssertEqual(theme.style(for: .modeLive), ThemeLoader.defaultTheme.style(for: .modeLive))
    }

    func testUnknownColourNamesFileLineAndKey() {
        let error = parse("""
        description = "mine"

        [roles]
        normal = { fg = "default" }
        header = { bg = "default", fg = "purpel" }
        """)
        XCTAssertEqual(error, ThemeError(file: "/themes/mine.toml", line: 5, key: "roles.header.fg",
                                         message: "unknown colour \"purpel\" (use default, an ANSI name like red or bright-blue, 0-255, or #rrggbb)"))
        XCTAssertEqual(error?.description.hasPrefix("theme file /themes/mine.toml, line 5, key roles.header.fg: unknown colour"), true)
    }

    func testErrorsInSubtables() {
        let error = parse("""
        [roles.title]
        fg = "red"
        attributes = ["blink"]
        """)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.key, "roles.title.attributes")
        let index = parse("""
        [roles]
        title = { fg = 300 }
        """)
        XCTAssertEqual(index?.line, 2)
        XCTAssertEqual(index?.message, "colour index 300 is outside 0-255")
    }

    func testUnknownRoleAndKeys() {
        XCTAssertEqual(parse("[roles]\nheadr = { fg = \"red\" }\n")?.key, "roles.headr")
        XCTAssertEqual(parse("[roles]\nheadr = { fg = \"red\" }\n")?.line, 2)
        XCTAssertEqual(parse("[roles]\nheader = { foreground = \"red\" }\n")?.key, "roles.header.foreground")
        XCTAssertEqual(parse("colour = 1\n[roles]\n")?.key, "colour")
        XCTAssertEqual(parse("base = \"nope\"\n[roles]\n")?.key, "base")
    }

    func testInvalidTOMLReportsItsLine() {
        let error = parse("[roles]\nheader = { fg = \"red\" \n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertNil(error?.key)
        XCTAssertEqual(error?.message.hasPrefix("not valid TOML"), true)
    }
}

final class ThemeLoaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("useepay-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testUserThemesAreListedAndLoaded() throws {
        try "base = \"light\"\n[roles]\nheader = { fg = \"red\" }\n".write(to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(userDirectory: directory.path)
        XCTAssertTrue(loader.availableThemes().contains("mine"))
        XCTAssertTrue(loader.availableThemes().contains("solarized-dark"))
        let theme = try loader.load(named: "mine")
        XCTAssertEqual(theme.style(for: .header).foreground, .indexed(1))
        XCTAssertEqual(theme.style(for: .title), ThemeLoader.builtIn("light")!.style(for: .title))
    }

    func testUserFileOverridesABuiltInAndMayBaseItselfOnIt() throws {
        try "base = \"default\"\n[roles]\nnormal = { fg = \"green\" }\n".write(to: directory.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        let theme = try ThemeLoader(userDirectory: directory.path).load(named: "default")
        XCTAssertEqual(theme.style(for: .normal).foreground, .indexed(2))
        XCTAssertEqual(theme.style(for: .statusFailed).foreground, .indexed(1))
    }

    func testBrokenThemeFallsBackToDefaultWithTheError() throws {
        let path = directory.appendingPathComponent("broken.toml")
        try "[roles]\nheader = { fg = \"purpel\" }\n".write(to: path, atomically: true, encoding: .utf8)
        let (theme, error) = ThemeLoader(userDirectory: directory.path).loadOrDefault(named: "broken")
        XCTAssertEqual(theme, ThemeLoader.defaultTheme)
        XCTAssertEqual(error?.file, path.path)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.key, "roles.header.fg")
    }

    func testUnknownNameListsWhatExists() {
        let (theme, error) = ThemeLoader(userDirectory: nil).loadOrDefault(named: "nope")
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(error?.message.contains("available: default, high-contrast, light, monochrome, solarized-dark"), true)
    }

    func testMissingDirectoryIsFine() throws {
        let loader = ThemeLoader(userDirectory: directory.appendingPathComponent("absent").path)
        XCTAssertEqual(try loader.load(named: "light").name, "light")
    }
}
