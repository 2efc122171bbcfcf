import XCTest

func XCTFailHelper(_ message: String, file: StaticString, line: UInt) {
    XCTFail(message, file: file, line: line)
}
