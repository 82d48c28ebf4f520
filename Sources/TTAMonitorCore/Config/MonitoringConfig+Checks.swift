extension MonitoringConfig {
    /// Whether checks can come from somewhere at run time although the file lists none.
    var mayDiscoverChecks: Bool { discovery.auto }

    /// The one answer `config validate`, `status` and `check` give for a config that monitors
    /// nothing: a configuration error (78) naming where the checks belong. A file with
    /// `monitoring.enabled: false` or `discovery.auto: true` is not such a config.
    public func requireChecks() throws(ConfigError) {
        guard enabled, checks.isEmpty, !mayDiscoverChecks else { return }
        let detail = hasMonitoringSection
            ? "monitoring.checks is empty; add checks as in tta_config.yaml.example"
            : "the file has no monitoring: section; add one with checks as in tta_config.yaml.example"
        let location = checksLocation ?? SourceLocation(file: sourcePath, line: 1, column: 1)
        throw ConfigError("no checks configured (\(detail))", at: location)
    }
}
