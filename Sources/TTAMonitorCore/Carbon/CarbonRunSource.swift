/// Where a carbon run came from, as `carbon_runs.source` stores it (and `carbon report`
/// names it in its per-source totals).
enum CarbonRunSource: String, Sendable {
    /// A row imported from a CodeCarbon CSV file.
    case codecarbon
    /// A run that `carbon measure` measured itself.
    case measure
}
