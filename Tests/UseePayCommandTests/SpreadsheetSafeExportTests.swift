import ConsoleCore
import Foundation
import Testing
import UseePay
@testable import useepay

/// Issue 11 §1: exports that are safe to open in a spreadsheet (OWASP "CSV injection").
enum HostileCells {
    /// Every hostile string named in issue 11, and the neighbours a careful attacker would try next.
    static let all: [String] = [
        #"=HYPERLINK("https://evil.example","click")"#,
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3+cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "  =1+1",
        "bell\u{07}ring",
        "back\u{08}space",
        "del\u{7F}ete",
        "\u{07}=SUM(1+1)",
        "esc\u{1B}]52;c;aGk=\u{07}osc",
        "c1\u{9B}31mred\u{85}next",
        "nul\u{00}byte",
        "rtl\u{202E}fdp.exe",
    ]

    /// Characters a spreadsheet would read as the start of a formula.
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// BEL, BS, DEL, ESC, NUL, C1 and the bidi overrides: none may reach a spreadsheet cell.
    static func hasForbiddenControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// Would a spreadsheet evaluate this cell? (first character past spaces is a trigger)
    static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.first(where: { $0 != " " }) else { return false }
        return triggers.contains(first)
    }

    static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !hasForbiddenControl(String($0)) }))
    }
}

@Suite struct SpreadsheetCellTests {
    @Test func theIssuesExamplesGetAQuoteInFront() {
        #expect(SpreadsheetCell.safe(#"=HYPERLINK("https://evil.example","click")"#) == #"'=HYPERLINK("https://evil.example","click")"#)
        #expect(SpreadsheetCell.safe("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0")
        #expect(SpreadsheetCell.safe("@SUM(1+1)") == "'@SUM(1+1)")
        #expect(SpreadsheetCell.safe("\t=1+1") == "'\t=1+1")
        #expect(SpreadsheetCell.safe("\r=1+1") == "'\r=1+1")
        #expect(SpreadsheetCell.safe("  =1+1") == "'  =1+1")
    }

    @Test func plainNumbersStayNumbers() {
        for number in ["-2.50", "12", "0.5", "+3", "-15000", "1.234"] {
            #expect(SpreadsheetCell.safe(number) == number)
        }
        for notANumber in ["-", "-2.50.1", "-2,50", "-.5", "-2e5", "--2", "- 2"] {
            #expect(SpreadsheetCell.safe(notANumber) == "'" + notANumber, "\(notANumber)")
        }
    }

    @Test func controlCharactersAreRemovedAndCannotHideAFormula() {
        #expect(SpreadsheetCell.safe("a\u{07}b\u{08}c\u{7F}d\u{00}e") == "abcde")
        #expect(SpreadsheetCell.safe("\u{07}=SUM(1+1)") == "'=SUM(1+1)")
        #expect(SpreadsheetCell.safe("esc\u{1B}]52;c;aGk=\u{07}osc") == "esc]52;c;aGk=osc")
        #expect(SpreadsheetCell.safe("c1\u{9B}31m") == "c131m")
        #expect(SpreadsheetCell.safe("rtl\u{202E}fdp.exe") == "rtlfdp.exe")
        #expect(SpreadsheetCell.safe("two\nlines, \"quoted\"") == "two\nlines, \"quoted\"", "line breaks and quotes are CSV's business")
        #expect(SpreadsheetCell.safe("김민지 محمد") == "김민지 محمد")
    }

    @Test func everyHostileStringThroughCSVParsesBackSafeOrExactlyAsReceived() throws {
        for hostile in HostileCells.all {
            let safe = try CSVParser.parse(CSVText.record([hostile, "x"]))
            #expect(safe.count == 1, "\(hostile.debugDescription)")
            let cell = try #require(safe.first?.first)
            #expect(!HostileCells.hasForbiddenControl(cell), "\(hostile.debugDescription) -> \(cell.debugDescription)")
            #expect(!HostileCells.startsLikeAFormula(cell), "\(hostile.debugDescription) -> \(cell.debugDescription)")
            #expect(cell == SpreadsheetCell.safe(hostile))
            // Nothing but the quote is added and nothing but controls is taken away.
            #expect((cell.hasPrefix("'") ? String(cell.dropFirst()) : cell) == HostileCells.withoutControls(hostile))

            let raw = try CSVParser.parse(CSVText.record([hostile, "x"], policy: .asReceived))
            #expect(raw == [[hostile, "x"]], "--raw writes the value as received: \(hostile.debugDescription)")
        }
    }
}

/// The built binary against a sandbox holding hostile customer text: every format, every hostile string.
@Suite struct HostileExportTests {
    @Test func paymentsAndCustomersListInEveryFormat() async throws {
        try await withSandbox { sandbox in
            var byPayment: [String: String] = [:]  // payment id -> hostile description
            var customerNames: [String] = []
            for (index, hostile) in HostileCells.all.enumerated() {
                let order = index.isMultiple(of: 2) ? hostile : "order-\(index)"
                let payment = try await sandbox.makePayment("12.50", customerName: hostile, description: hostile, order: order)
                byPayment[payment.id] = hostile
                customerNames.append(hostile)
            }

            // CSV: every cell spreadsheet-safe, and nothing but the neutralising quote added.
            let csv = try await UseepayBinary.run(["payments", "list", "--format", "csv"], environment: sandbox.environment())
            #expect(csv.status == 0, "\(csv.stderr)")
            let records = try CSVParser.parse(csv.stdout)
            #expect(records.count == HostileCells.all.count + 1)
            for record in records.dropFirst() {
                let hostile = try #require(byPayment[record[1]])
                #expect(record[9] == SpreadsheetCell.safe(hostile), "description of \(hostile.debugDescription)")
                for cell in record {
                    #expect(!HostileCells.hasForbiddenControl(cell), "\(cell.debugDescription)")
                    #expect(!HostileCells.startsLikeAFormula(cell), "\(cell.debugDescription)")
                }
                #expect(record[3] == "12.50")
            }

            // --raw: exactly as received (and documented as unsafe).
            let raw = try await UseepayBinary.run(["payments", "list", "--format", "csv", "--raw"], environment: sandbox.environment())
            #expect(raw.status == 0, "\(raw.stderr)")
            let rawRecords = try CSVParser.parse(raw.stdout)
            for record in rawRecords.dropFirst() {
                #expect(record[9] == byPayment[record[1]], "raw description")
            }

            // json and jsonl: the API's data as received; JSON escaping keeps it inert.
            let json = try await UseepayBinary.run(["payments", "list", "--format", "json"], environment: sandbox.environment())
            #expect(json.status == 0)
            for object in try parseJSONArray(json.stdout) {
                let id = try #require(object["id"] as? String)
                #expect(object["description"] as? String == byPayment[id])
            }
            #expect(!json.stdout.contains("\u{1B}") && !json.stdout.contains("\u{07}"), "controls are \\u-escaped in JSON")
            let jsonl = try await UseepayBinary.run(["payments", "list", "--format", "jsonl"], environment: sandbox.environment())
            for line in jsonl.stdout.lines {
                let object = try parseJSONObject(line)
                #expect(object["description"] as? String == byPayment[object["id"] as? String ?? ""])
            }

            // The table for people: cleaned for the terminal.
            let table = try await UseepayBinary.run(["payments", "list"], environment: sandbox.environment())
            #expect(table.status == 0)
            #expect(!HostileCells.hasForbiddenControl(table.stdout.replacingOccurrences(of: "\n", with: "")))

            // Customers: names typed by customers, through CSV safe and raw.
            let customers = try await UseepayBinary.run(["customers", "list", "--format", "csv"], environment: sandbox.environment())
            let customerRecords = try CSVParser.parse(customers.stdout)
            let nameColumn = try #require(customerRecords.first?.firstIndex(of: "name"))
            let names = customerRecords.dropFirst().map { $0[nameColumn] }
            #expect(Set(names) == Set(customerNames.map(SpreadsheetCell.safe)))
            let rawCustomers = try await UseepayBinary.run(["customers", "list", "--format", "csv", "--raw"], environment: sandbox.environment())
            #expect(Set(try CSVParser.parse(rawCustomers.stdout).dropFirst().map { $0[nameColumn] }) == Set(customerNames))

            // `show` in CSV takes the same rule.
            let someId = try #require(byPayment.first { $0.value.hasPrefix("=") }?.key)
            let show = try await UseepayBinary.run(["payments", "show", someId, "--format", "csv"], environment: sandbox.environment())
            for cell in try CSVParser.parse(show.stdout).joined() {
                #expect(!HostileCells.startsLikeAFormula(cell), "\(cell.debugDescription)")
            }
        }
    }

    @Test func rawIsRefusedOutsideCSVAndDocumentedAsUnsafe() async throws {
        try await withSandbox { sandbox in
            let table = try await UseepayBinary.run(["payments", "list", "--raw"], environment: sandbox.environment())
            #expect(table.status == 2)
            #expect(table.stderr.contains("--raw applies to --format csv"))
            let help = try await UseepayBinary.run(["payments", "list", "--help"], environment: sandbox.environment())
            #expect(help.stdout.contains("UNSAFE"))
        }
    }
}
