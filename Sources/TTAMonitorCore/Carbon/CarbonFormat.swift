/// Numbers as tables show them: small energy and emission figures keep their significant
/// digits (a 10-second run is micro-kWh), large ones get fixed decimals.
enum CarbonFormat {
    /// kg CO2e.
    static func kg(_ value: Double) -> String { significant(value) }
    /// kWh.
    static func kwh(_ value: Double) -> String { significant(value) }

    /// Six decimals at most, four significant digits for small values.
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1 { return Timestamps.formatFixed(value, digits: 3) }
        var digits = 3
        var scaled = magnitude
        while scaled < 1, digits < 12 { scaled *= 10; digits += 1 }
        return Timestamps.formatFixed(value, digits: digits)
    }
}
