/// Results and deliveries: the check cycle's stages, one check at a time.
extension ServeWriter {
    /// Pipeline, store, alert rules for one check's run; a queued notification is delivered at once.
    func settle(_ check: CheckConfig, _ probed: [CheckResult], startedAt: Int64) async {
        // A check removed while it was being probed: its result is not stored.
        guard let current = cycle.config.checks.first(where: { $0.name == check.name }) else { return }
        state.ran(check.name, at: startedAt)
        do {
            let run = try cycle.settle(probed, checks: [current], startedAt: startedAt)
            for result in run.results { logResult(result) }
        } catch {
            log.log(.error, "store_failed", [("check", check.name), ("error", "\(error)")])
            return
        }
        do {
            if try cycle.evaluateAlerts(now: WallClock.nowMilliseconds()) > 0 { await deliver() }
        } catch {
            log.log(.error, "alerts_not_evaluated", [("check", check.name), ("error", "\(error)")])
        }
    }

    /// Delivers what is due in the outbox; what fails stays for the next attempt.
    func deliver() async {
        do {
            try await cycle.deliverOutbox(now: WallClock.nowMilliseconds())
        } catch {
            log.log(.error, "delivery_failed", [("error", "\(error)")])
        }
    }

    private func logResult(_ result: CheckResult) {
        var fields = [("check", result.check), ("status", result.status.description)]
        if let probed = result.probedStatus { fields.append(("probed_status", probed.description)) }
        if let latency = result.latencyMs { fields.append(("latency_ms", Timestamps.formatFixed(latency, digits: 1))) }
        fields.append(("message", result.message))
        log.log(result.status == .ok ? .info : .warning, "check_result", fields)
    }
}
