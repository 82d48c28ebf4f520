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
            for job in dailyJobs { job.cancel() }
            dailyJobs = DailyJobs.start(fresh, databasePath: state.databasePath, log: log)
            state.running(fresh)
            if holder.configError != nil {
                holder.configError = nil
                lock.write(holder)
            }
            log.log(.info, "config_reloaded", [("reason", reason), ("added", changes.added.joined(separator: ",")),
                                               ("removed", changes.removed.joined(separator: ",")),
                                               ("changed", changes.changed.joined(separator: ","))])
        } catch {
            state.reloadFailed("\(error)")
            // The file is the user's own (0600), but it is read by `status`: no secret in it either.
            holder.configError = Redactor(categories: [], secrets: cycle.config.secretValues).redact("\(error)")
            lock.write(holder)
            log.log(.error, "config_reload_failed", [("reason", reason), ("error", "\(error)"),
                                                     ("kept", "the previous config stays in force")])
        }
    }
}
