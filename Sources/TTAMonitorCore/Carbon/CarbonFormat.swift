/// Numbers as tables show them: small energy and emission figures keep their significant
/// digits (a 10-second run is micro-kWh), large ones get fixed decimals.
enum CarbonFormat {
    /// kg CO2e.
    static func kg(_ value: Double) -> String { significant(value) }
    /// kWh.
    static func kwh(_ value: Double) -> String { significant(value) }

    /// Three decimals, or three significant digits for values under 0.1 (at most 12 decimals).
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        var leading = 0
        var scaled = magnitude
        while scaled < 1, leading < 10 { scaled *= 10; leading += 1 }
        return Timestamps.formatFixed(value, digits: max(3, leading + 2))
    }
}
