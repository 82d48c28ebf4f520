#if canImport(Glibc)
import Glibc
#endif

/// Walks /proc for the processes a spec selects. Blocking: run it on a thread of its own.
enum ProcessScan {
    /// The live processes matching `spec`, lowest pid first, without the calling process.
    static func matching(_ spec: ProcessCheckSpec) -> Result<[ProcessSnapshot], ScanFailure> {
        let selector: ProcessSelector
        do {
            selector = try ProcessSelector(spec)
        } catch {
            return .failure(.invalidPattern(spec.commandPattern ?? ""))
        }
        let failuresBefore = ProcFile.descriptorFailures.load(ordering: .relaxed)
        let own = getpid()
        let ownName = ProcTable.comm(own)
        var found: [ProcessSnapshot] = []
        for pid in ProcTable.pids().sorted() where pid != own && selector.matches(pid) {
            // Read stat last: a process that exited meanwhile is a zombie (not running) or gone.
            guard let stat = ProcTable.stat(pid), stat.state != "Z", stat.state != "X" else { continue }
            // A child of the monitor between posix_spawn and exec is still a copy of it, name
            // and command line included, and may have exec'd since it was matched: judge it
            // again on what it is now, and leave it out while it is still the copy.
            if stat.parent == own, ProcTable.comm(pid) == ownName || !selector.matches(pid) { continue }
            found.append(ProcessSnapshot(pid: pid, cpuTicks: stat.cpuTicks, residentBytes: ProcTable.residentBytes(pid),
                                         takenAt: .now))
        }
        // Processes skipped for want of a descriptor (here or in a scan beside this one)
        // would read as absent: the count is not to be trusted.
        if ProcFile.descriptorFailures.load(ordering: .relaxed) != failuresBefore { return .failure(.descriptorsExhausted) }
        return .success(found)
    }

    /// The same processes again, for their CPU time; those gone since are left out.
    static func resample(_ snapshots: [ProcessSnapshot]) -> [ProcessSnapshot] {
        snapshots.compactMap { old in
            guard let stat = ProcTable.stat(old.pid), stat.state != "Z" else { return nil }
            return ProcessSnapshot(pid: old.pid, cpuTicks: stat.cpuTicks, residentBytes: old.residentBytes, takenAt: .now)
        }
    }

    /// CPU use between two samples in percent of one CPU (several busy cores exceed 100, as
    /// in `top`); nil when no process lived through both samples.
    static func cpuPercent(from first: [ProcessSnapshot], to second: [ProcessSnapshot], ticksPerSecond: Double) -> Double? {
        let earlier = Dictionary(first.map { ($0.pid, $0) }, uniquingKeysWith: { a, _ in a })
        var total = 0.0
        var any = false
        for later in second {
            guard let before = earlier[later.pid] else { continue }
            let seconds = (later.takenAt - before.takenAt).seconds
            guard seconds > 0 else { continue }
            total += Double(max(0, later.cpuTicks - before.cpuTicks)) / ticksPerSecond / seconds * 100
            any = true
        }
        return any ? total : nil
    }

    /// Why a scan has no answer.
    enum ScanFailure: Error, Sendable {
        /// The configured pattern failed to compile (the config loader checks it first, so
        /// only hand-built specs get here).
        case invalidPattern(String)
        /// Some of /proc could not be read for want of a file descriptor.
        case descriptorsExhausted
    }
}
