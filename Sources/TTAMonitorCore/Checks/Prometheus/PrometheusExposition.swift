/// A parsed metrics page.
public struct PrometheusExposition: Sendable, Equatable {
    /// Families in the order they first appeared.
    public var families: [PrometheusFamily]
    /// Whether the page was OpenMetrics text (it ended with `# EOF`).
    public var isOpenMetrics: Bool

    /// Creates an exposition.
    public init(families: [PrometheusFamily], isOpenMetrics: Bool) {
        self.families = families
        self.isOpenMetrics = isOpenMetrics
    }

    /// Samples in all families together.
    public var sampleCount: Int { families.reduce(0) { $0 + $1.samples.count } }

    /// The family called `name`, if the page has one.
    public func family(named name: String) -> PrometheusFamily? {
        families.first { $0.name == name }
    }

    /// Every sample whose own name is exactly `name`, whatever family it belongs to.
    public func samples(named name: String) -> [PrometheusSample] {
        families.flatMap { family in family.samples.filter { $0.name == name } }
    }
}
