import Testing
import XLSXReader
@testable import DRSReport

struct CountParserTests {
    @Test(arguments: [
        ("4.339028215E9", Int64(4_339_028_215)), ("929.0", 929), ("929", 929), ("1,234", 1234), ("1 234 567", 1_234_567),
        ("-3", -3), ("-3.0", -3), ("0.0", 0), ("+12", 12), ("1.0E7", 10_000_000), ("１２３", 123), ("9223372036854775807", Int64.max),
        ("12345678901234567", 12_345_678_901_234_567), (" 42 ", 42), ("1.5E1", 15),
    ])
    func countsParseExactly(_ text: String, _ expected: Int64) {
        #expect(CountParser.count(text: text) == expected)
    }

    @Test(arguments: ["", "NULL", "n/a", "1.5", "1.0E-4", "9223372036854775808", "12abc", "1e", "--1", "1.2.3"])
    func nonCountsAreRejected(_ text: String) {
        #expect(CountParser.count(text: text) == nil)
    }

    @Test func numberCellsAreWholeNumbersOnly() {
        #expect(CountParser.count(.number(4_339_028_215)) == 4_339_028_215)
        #expect(CountParser.count(.number(1.5)) == nil)
        #expect(CountParser.count(.boolean(true)) == nil)
        #expect(CountParser.count(.empty) == nil)
    }

    @Test func percentagesReadWithOrWithoutTheSign() {
        #expect(CountParser.percent(.text("5%")) == 5)
        #expect(CountParser.percent(.text("0.5 ％")) == 0.5)
        #expect(CountParser.percent(.number(10)) == 10)
        #expect(CountParser.percent(.text("ten")) == nil)
    }
}
