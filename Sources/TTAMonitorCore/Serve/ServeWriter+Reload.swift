/// Reload: the new config replaces the old only when it loads whole.
extension ServeWriter {
    /// Loads the config file again; on success the cycle and the loops switch to it
    /// (unchanged checks keep their schedule), else the old config stays and readiness says why.
    func reload(because reason: String) {
        do {
            let fresh = try ConfigLoader(environment: environment).load(path: configPath)
            try fresh.requireChecks()
            try ServeSchedule.validate(fresh)
            log.mask(secretsOf: fresh)
            cycle.config = fresh
            let changes = scheduler.apply(fresh)
            state.running(fresh)
            log.log(.info, "config_reloaded", [("reason", reason), ("added", changes.added.joined(separator: ",")),
                                               ("removed", changes.removed.joined(separator: ",")),
                                               ("changed", changes.changed.joined(separator: ","))])
        } catch {
            state.reloadFailed("\(error)")
            log.log(.error, "config_reload_failed", [("reason", reason), ("error", "\(error)"),
                                                     ("kept", "the previous config stays in force")])
        }
    }
}
