extension CheckKind {
    /// The latency thresholds (milliseconds) of kinds that judge latency, for reports that
    /// print them beside the measurement (Nagios perfdata).
    public var latencyThresholds: Thresholds? {
        switch self {
        case .http(let spec): spec.latencyMs
        case .tcp(let spec): spec.latencyMs
        case .redis(let spec): spec.latencyMs
        case .neo4j(let spec): spec.latencyMs
        case .postgres(let spec): spec.latencyMs
        case .disk, .tls, .memory, .load, .process, .command, .fileAge, .prometheus: nil
        }
    }
}
