/// Everything `carbon report` prints: totals, a breakdown, per-day figures, the baseline of
/// the seven previous days, the threshold verdict and recommendations.
struct CarbonReport: Sendable {
    /// What the report groups by.
    enum Dimension: String, Sendable, CaseIterable {
        case component, project, model
    }

    /// Energy and emissions of a set of runs.
    struct Totals: Sendable, Equatable {
        var runs = 0
        var energyKWh = 0.0
        var emissionsKg = 0.0
        var cpuEnergyKWh = 0.0
        var gpuEnergyKWh = 0.0
        var ramEnergyKWh = 0.0
    }

    /// One group of the breakdown.
    struct Group: Sendable, Equatable {
        var key: String
        var runs: Int
        var energyKWh: Double
        var emissionsKg: Double
        var sharePercent: Double
        var emissionsKgPerRun: Double { runs > 0 ? emissionsKg / Double(runs) : 0 }
    }

    /// One local day.
    struct Day: Sendable, Equatable {
        var day: String
        var energyKWh: Double
        var emissionsKg: Double
        var overThreshold: Bool
    }

    /// The seven days before the period.
    struct Baseline: Sendable, Equatable {
        var firstDay: String
        var lastDay: String
        var dailyAverageKWh: Double
        var dailyAverageKg: Double
        /// Change of the period's daily average against the baseline's; nil when the baseline is 0.
        var changePercent: Double?
    }

    /// A suggestion and the figures behind it.
    struct Recommendation: Sendable, Equatable {
        var kind: String
        var message: String
    }

    var period: CarbonPeriod
    var dimension: Dimension
    var totals: Totals
    var bySource: [String: Totals]
    var breakdown: [Group]
    var days: [Day]
    var baseline: Baseline?
    var dailyThresholdKg: Double?
    var recommendations: [Recommendation]
    var intensity: CarbonIntensity

    /// Whether any day of the period went over the daily threshold.
    var thresholdExceeded: Bool { days.contains { $0.overThreshold } }
}
