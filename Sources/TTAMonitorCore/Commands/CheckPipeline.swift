/// What happens to raw probe results before they are stored or printed: redaction, control
/// characters made visible (targets must not drive the terminal), then failure/success thresholds against the state kept in the database, then `depends_on`.
enum CheckPipeline {
    /// Applies the steps to `results` of `checks`.
    static func process(_ results: [CheckResult], checks: [CheckConfig], config: MonitoringConfig,
                        prior: [String: StatusQuery.ComponentState]) -> [CheckResult] {
        let redactor = config.redactor
        let byName = Dictionary(uniqueKeysWithValues: checks.map { ($0.name, $0) })
        let gated = results.map { raw -> CheckResult in
            let result = TerminalSafeText.neutralise(redactor.redact(raw))
            let check = byName[result.check]
            let state = prior[result.check].map {
                FlapSuppression.Prior(reported: $0.lastStatus, softStatus: $0.softStatus, softCount: $0.softCount)
            }
            return FlapSuppression.apply(result, prior: state,
                                         failureThreshold: check?.failureThreshold ?? config.defaults.failureThreshold,
                                         successThreshold: check?.successThreshold ?? config.defaults.successThreshold)
        }
        let stored = prior.compactMapValues(\.lastStatus)
        return DependencyVerdict.apply(gated, checks: config.checks, storedStatus: stored)
    }
}
