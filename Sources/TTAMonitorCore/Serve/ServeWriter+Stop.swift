/// Graceful stop: no new runs, in-flight probes get `drainTime` to finish and be stored,
/// then the commands still running are killed (their process groups) and serve exits 0.
extension ServeWriter {
    func beginStop(signal: Int32) {
        state.stopping()
        for job in dailyJobs { job.cancel() }
        log.log(.info, "serve_stopping", [("signal", Self.signalName(signal))])
        ServeTimers.drain(scheduler.stop(), within: Self.drainTime, events: continuation)
    }

    func finish(abandoning: Bool) async -> ExitCode {
        if abandoning { log.log(.warning, "probes_abandoned", [("after", "\(Self.drainTime.milliseconds)ms")]) }
        ChildProcessGroups.terminateAll(grace: .milliseconds(500))
        _ = await CommandCheck.waitForTimedOutCommands(upTo: .seconds(1))
        log.log(.info, "serve_stopped", [])
        return .ok
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 1: "SIGHUP"
        case 2: "SIGINT"
        case 15: "SIGTERM"
        default: "signal \(signal)"
        }
    }
}
