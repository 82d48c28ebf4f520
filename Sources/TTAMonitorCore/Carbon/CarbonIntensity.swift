/// The grid intensity that turns measured kWh into kg CO2e: kg = kWh × g/kWh ÷ 1000.
struct CarbonIntensity: Sendable, Equatable {
    /// g CO2e per kWh.
    var gramsPerKWh: Double
    /// The country it stands for, when it came from the table.
    var country: String?
    /// How it was chosen, for reports: `config`, `country`, `world_average`.
    var origin: String
    /// Where the figure comes from, in words.
    var source: String

    /// `intensity_g_per_kwh` when configured, else the configured country's figure, else
    /// CodeCarbon's world average.
    static func resolve(_ config: CarbonConfig) -> CarbonIntensity {
        if let explicit = config.intensityGPerKWh {
            return CarbonIntensity(gramsPerKWh: explicit, country: config.country, origin: "config",
                                   source: "monitoring.carbon.intensity_g_per_kwh")
        }
        if let code = config.country, let entry = CarbonIntensityTable.countries[code] {
            return CarbonIntensity(gramsPerKWh: entry.gramsPerKWh, country: code, origin: "country",
                                   source: "\(entry.name) \(entry.year): \(CarbonIntensityTable.source)")
        }
        return CarbonIntensity(gramsPerKWh: CarbonIntensityTable.worldAverage, country: nil, origin: "world_average",
                               source: "world average (IEA 2019), CodeCarbon's fallback; set monitoring.carbon.country")
    }

    /// kg CO2e for `kWh`.
    func kilograms(kWh: Double) -> Double { kWh * gramsPerKWh / 1_000 }
}
