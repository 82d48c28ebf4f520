import Testing
@testable import TTAMonitorCore

@Suite struct PlainNumberTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (12.0, "12"), (0.4, "0.4"), (-2.5, "-2.5"), (1e-7, "0.0000001"),
        (1.25e-5, "0.0000125"), (1e16, "10000000000000000"), (-1.5e20, "-150000000000000000000"),
        (123456.789, "123456.789"),
    ])
    func writesDigitsPositionally(_ value: Double, _ expected: String) {
        #expect(PlainNumber.text(value) == expected)
    }

    @Test func roundsToTheAskedDecimals() {
        #expect(PlainNumber.text(0.41234, maximumFractionDigits: 3) == "0.412")
        #expect(PlainNumber.text(0.0004123, maximumFractionDigits: 6) == "0.000412")
        #expect(PlainNumber.text(2.0, maximumFractionDigits: 3) == "2")
    }
}
