/// What happens to raw probe results before they are stored or printed: redaction, control
/// characters made visible (targets must not drive the terminal), then failure/success
/// thresholds against the state kept in the database, then `depends_on`. The steps live in
/// Privacy/, Output/ and Checks/; the order is the cycle's.
enum CheckPipeline {
    /// Applies the steps to `results` of `checks`.
    static func process(_ results: [CheckResult], checks: [CheckConfig], config: MonitoringConfig,
                        prior: [String: StatusQuery.ComponentState]) -> [CheckResult] {
        let redactor = config.redactor
        let byName = Dictionary(uniqueKeysWithValues: checks.map { ($0.name, $0) })
        let gated = results.map { raw -> CheckResult in
            let result = TerminalSafeText.neutralise(redactor.redact(raw))
            let check = byName[result.check]
            return FlapSuppression.apply(result, prior: prior[result.check].map(FlapSuppression.Prior.init),
                                         failureThreshold: check?.failureThreshold ?? config.defaults.failureThreshold,
                                         successThreshold: check?.successThreshold ?? config.defaults.successThreshold)
        }
        let stored = prior.compactMapValues(\.lastStatus)
        return DependencyVerdict.apply(gated, checks: config.checks, storedStatus: stored)
    }
}
