import ConsoleCore
import Testing
@testable import useepay

@Suite struct CSVTextTests {
    @Test func fieldsNeedingQuotesRoundTripThroughARealParser() throws {
        let fields = ["plain", "with,comma", "with \"quotes\"", "two\nlines", "crlf\r\nhere", "", "김민지", " spaced "]
        let text = CSVText.record(fields) + CSVText.record(["a", "b"])
        #expect(text.hasSuffix("a,b\r\n"))
        let records = try CSVParser.parse(text)
        #expect(records == [fields, ["a", "b"]])
    }

    @Test func plainFieldsAreNotQuoted() {
        #expect(CSVText.record(["pi_1", "12.50", "USD"]) == "pi_1,12.50,USD\r\n")
    }

    @Test func theTestParserRejectsMalformedCSV() {
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("a,\"b\n") }
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("a,b\"c\n") }
    }
}
