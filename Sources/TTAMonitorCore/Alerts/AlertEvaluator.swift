/// Evaluates the alert rules against stored results and writes alert state changes and the
/// notifications they cause (the outbox) in one transaction.
///
/// Checks are visited dependencies first, so when redis and player-api (which depends on
/// redis) fail in the same run, redis's alert is already firing when player-api's is
/// judged, and player-api's is inhibited.
struct AlertEvaluator {
    /// One alert that changed state.
    struct Change: Sendable {
        /// `alerts.id`.
        var alertID: Int64
        /// Rule and check.
        var rule: String, component: String?
        /// State before (nil: new) and after.
        var from: AlertState?, to: AlertState
        /// Why no notification went out, if so.
        var suppressedBy: String?
        /// The summary.
        var summary: String
    }

    /// What one evaluation changed.
    struct Outcome: Sendable {
        /// Notifications written to the outbox.
        var queued = 0
        /// Alerts that changed state.
        var changes: [Change] = []
        /// Rule/subject pairs evaluated.
        var evaluated = 0
        /// Alerts open after the evaluation, by state.
        var firing = 0, pending = 0
    }

    let database: Database
    let config: MonitoringConfig
    let now: Int64

    /// Evaluates every rule once.
    func evaluate() throws(StoreError) -> Outcome {
        let rules = config.alerts.rules
        if rules.isEmpty, try !AlertStore(database: database).hasOpenAlerts() {
            return Outcome()
        }
        return try database.writeTransaction { () throws(StoreError) -> Outcome in
            var pass = Pass(evaluator: self, store: AlertStore(database: database))
            try pass.run(rules)
            return pass.outcome
        }
    }

    /// Checks ordered so that each comes after the checks it depends on (cycles are cut).
    static func dependencyOrder(_ checks: [CheckConfig]) -> [CheckConfig] {
        let byName = Dictionary(checks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var ordered: [CheckConfig] = []
        var visited: Set<String> = []
        func visit(_ check: CheckConfig) {
            guard visited.insert(check.name).inserted else { return }
            for dependency in check.dependsOn { if let found = byName[dependency] { visit(found) } }
            ordered.append(check)
        }
        checks.forEach(visit)
        return ordered
    }

    /// The state of one evaluation.
    private struct Pass {
        let evaluator: AlertEvaluator
        let store: AlertStore
        var outcome = Outcome()
        var seen: Set<String> = []
        var silences: [SilenceRecord] = []
        var componentIDs: [String: Int64] = [:]

        init(evaluator: AlertEvaluator, store: AlertStore) {
            self.evaluator = evaluator
            self.store = store
        }

        var now: Int64 { evaluator.now }
        var lifecycle: AlertLifecycle { AlertLifecycle(store: store, config: evaluator.config.alerts, now: now) }

        mutating func run(_ rules: [AlertRule]) throws(StoreError) {
            silences = try store.activeSilences(now: now)
            componentIDs = try ResultStore(database: store.database).componentIDs()

            let checks = AlertEvaluator.dependencyOrder(evaluator.config.checks)
            for check in checks {
                for rule in rules where rule.condition.isPerCheck && (rule.check == nil || rule.check == check.name) {
                    try evaluate(rule, check: check.name, dependsOn: check.dependsOn)
                }
            }
            let configured = Set(checks.map(\.name))
            for rule in rules where rule.condition.isPerCheck {
                if let check = rule.check, !configured.contains(check) { try evaluate(rule, check: check, dependsOn: []) }
            }
            for rule in rules where !rule.condition.isPerCheck { try evaluate(rule, check: nil, dependsOn: []) }

            // Alerts of rules that left the config would otherwise stay open for ever.
            for var alert in try store.openAlerts() where !seen.contains(alert.fingerprint) && evaluator.config.alerts.rule(named: alert.rule) == nil {
                let from = alert.state
                outcome.queued += try lifecycle.resolve(&alert, detail: "rule '\(alert.rule)' is no longer configured")
                record(alert, from: from)
            }
            for alert in try store.openAlerts() {
                if alert.state == .firing { outcome.firing += 1 } else { outcome.pending += 1 }
            }
        }

        /// Why notifications for `rule` on `check` are held back now, if they are.
        func suppression(rule: AlertRule, check: String?, dependsOn: [String]) throws(StoreError) -> String? {
            if let silence = silences.first(where: { $0.matches(rule: rule.name, component: check) }) {
                return "silence:\(silence.id)"
            }
            for dependency in dependsOn where try store.isFiring(component: dependency) {
                return "inhibited:\(dependency)"
            }
            return nil
        }

        mutating func evaluate(_ rule: AlertRule, check: String?, dependsOn: [String]) throws(StoreError) {
            outcome.evaluated += 1
            let fingerprint = AlertFingerprint.of(rule: rule.name, check: check, labels: rule.labels)
            seen.insert(fingerprint)
            let open = try store.openAlert(fingerprint: fingerprint)
            let subject = AlertSubject(database: store.database, check: check, componentID: check.flatMap { componentIDs[$0] },
                                       now: now, openSince: open?.startedAt)
            let observation = try rule.condition.observe(subject)
            let summary = TerminalSafeText.neutralise(
                evaluator.config.redactor.redact(rule.renderSummary(check: check, observation: observation)))

            guard observation.state != .inactive else {
                guard var alert = open else { return }
                let from = alert.state
                // The summary and value stay those of the condition that fired: the
                // resolved notification says what was wrong, not that all is well.
                alert.lastEvaluatedAt = now
                if alert.state == .firing {
                    alert.suppressedBy = try suppression(rule: rule, check: check, dependsOn: dependsOn)
                    outcome.queued += try lifecycle.resolve(&alert, detail: "condition cleared")
                } else {
                    outcome.queued += try lifecycle.resolve(&alert, detail: "condition cleared before it fired")
                }
                record(alert, from: from)
                return
            }

            var alert: AlertRecord
            let from = open?.state
            if var existing = open {
                existing.startedAt = min(existing.startedAt, observation.since ?? existing.startedAt)
                alert = existing
            } else {
                let labels = JSONWriter.render(.object(rule.labels.map { ($0.0, .string($0.1)) }), pretty: false)
                alert = try store.insert(AlertRecord(
                    id: 0, fingerprint: fingerprint, rule: rule.name, kind: rule.kind, component: check,
                    severity: rule.severity, state: .pending, labelsJSON: labels, summary: summary,
                    runbookURL: rule.runbookURL, value: observation.value, threshold: observation.threshold,
                    startedAt: min(observation.since ?? now, now), firedAt: nil, resolvedAt: nil, lastEvaluatedAt: now,
                    lastNotifiedAt: nil, ackedAt: nil, ackedBy: nil, escalationLevel: 0, escalatedAt: nil, suppressedBy: nil))
                if observation.state == .pending {
                    try store.addEvent(alertID: alert.id, at: now, .pending, detail: summary)
                }
            }
            alert.summary = summary
            alert.value = observation.value
            alert.threshold = observation.threshold
            alert.severity = rule.severity
            alert.runbookURL = rule.runbookURL
            alert.lastEvaluatedAt = now
            if observation.state == .firing, alert.state == .pending { try lifecycle.fire(&alert) }
            if alert.state == .firing {
                let suppressedBy = try suppression(rule: rule, check: check, dependsOn: dependsOn)
                outcome.queued += try lifecycle.maintainFiring(&alert, suppression: suppressedBy)
            }
            try store.update(alert)
            if from != alert.state { record(alert, from: from) }
        }

        mutating func record(_ alert: AlertRecord, from: AlertState?) {
            outcome.changes.append(Change(alertID: alert.id, rule: alert.rule, component: alert.component, from: from,
                                          to: alert.state, suppressedBy: alert.suppressedBy, summary: alert.summary))
        }
    }
}
