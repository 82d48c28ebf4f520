#if canImport(Glibc)
import Glibc
#endif

/// Watches one spawned command on a thread of its own: collects its output (keeping the
/// first bytes, reading and dropping the rest so it never blocks on a full pipe), reaps it,
/// and at its deadline stops its whole process group, SIGTERM first and SIGKILL a second
/// later. Used from one thread only.
final class ChildSupervisor {
    /// Time a timed-out command has to exit after SIGTERM before SIGKILL.
    static let killGrace = Duration.seconds(1)
    /// How long after SIGTERM the timeout is reported even if the group still lives: the
    /// runner allows a probe little time past its deadline, so SIGKILL and the reaping
    /// happen after the result is out.
    static let reportDelay = Duration.milliseconds(150)
    /// Longest wait between looks at the child while its output stays silent.
    static let tick = Duration.milliseconds(50)

    private let child: SpawnedChild
    private let maxOutputBytes: Int
    private var output: [UInt8] = []
    private var outputBytes = 0
    private var pipeOpen = true
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(child: SpawnedChild, maxOutputBytes: Int) {
        self.child = child
        self.maxOutputBytes = max(0, maxOutputBytes)
    }

    /// Runs until the command is reaped; `report` is called exactly once, as soon as the
    /// outcome is known (for a timeout that is before the group is killed for good).
    func supervise(until deadline: ContinuousClock.Instant, report: (CommandOutcome) -> Void) {
        if let status = watch(until: deadline) {
            ChildProcessGroups.finished(child.pid)
            drainAvailable()
            close(child.outputDescriptor)
            report(outcome(Self.ending(status)))
            return
        }
        killpg(child.pid, SIGTERM)
        let reportAt = ContinuousClock.now + Self.reportDelay
        let killAt = ContinuousClock.now + Self.killGrace
        var reported = false
        while ContinuousClock.now < killAt {
            if !reported, ContinuousClock.now >= reportAt {
                report(outcome(.timedOut))
                reported = true
            }
            // The leader stays unreaped (a zombie) until the end, so its pid cannot be reused
            // as a process group id by the time SIGKILL goes out.
            let leaderExited = ProcTable.stat(child.pid).map { $0.state == "Z" } ?? true
            if leaderExited, !pipeOpen, !ProcTable.groupHasLiveMembers(child.pid) { break }
            let limit = reported ? killAt : min(killAt, reportAt)
            waitForOutput(upTo: min(Self.tick, max(.milliseconds(1), limit - .now)))
        }
        killpg(child.pid, SIGKILL)
        _ = reap(blocking: true)
        ChildProcessGroups.finished(child.pid)
        close(child.outputDescriptor)
        if !reported { report(outcome(.timedOut)) }
    }

    /// Reads output and looks for the exit until `deadline`; the wait status once reaped,
    /// nil when the deadline passed first.
    private func watch(until deadline: ContinuousClock.Instant) -> Int32? {
        var pause = Duration.milliseconds(1)
        while true {
            if let status = reap(blocking: false) { return status }
            let remaining = deadline - .now
            guard remaining > .zero else { return nil }
            if pipeOpen {
                waitForOutput(upTo: min(Self.tick, remaining))
            } else {
                // Output closed: the exit is usually a moment away; back off in case the
                // command closed its output and carries on.
                sleep(for: min(pause, remaining))
                pause = min(pause * 2, Self.tick)
            }
        }
    }

    private func waitForOutput(upTo wait: Duration) {
        guard pipeOpen else {
            sleep(for: wait)
            return
        }
        var descriptor = pollfd(fd: child.outputDescriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(wait.milliseconds, 60_000)))
        if poll(&descriptor, 1, milliseconds) > 0, descriptor.revents != 0 { readOnce() }
    }

    /// Reads what is already there after the command exited. A background process it left
    /// behind may hold the pipe open and keep writing, so this stops at the first silence.
    private func drainAvailable() {
        let stop = ContinuousClock.now + .milliseconds(100)
        while pipeOpen, ContinuousClock.now < stop {
            var descriptor = pollfd(fd: child.outputDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0, descriptor.revents != 0 else { return }
            readOnce()
        }
    }

    private func readOnce() {
        let count = chunk.withUnsafeMutableBytes { read(child.outputDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            outputBytes += count
            let room = maxOutputBytes - output.count
            if room > 0 { output.append(contentsOf: chunk[0..<min(count, room)]) }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            pipeOpen = false
        }
    }

    private func reap(blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(child.pid, &status, blocking ? 0 : WNOHANG)
            if result == child.pid { return status }
            if result < 0, errno == EINTR { continue }
            // 0: still running. ECHILD: reaped elsewhere (SIGCHLD ignored); it has ended.
            return result < 0 ? Self.statusLost : nil
        }
    }

    private func outcome(_ ending: CommandOutcome.Ending) -> CommandOutcome {
        CommandOutcome(ending: ending, output: output, outputBytes: outputBytes)
    }

    /// Stands for a wait status that could not be collected; no real status has all bits set.
    static let statusLost: Int32 = -1

    /// Decodes a wait status (the W* macros are not imported into Swift).
    static func ending(_ status: Int32) -> CommandOutcome.Ending {
        if status == statusLost { return .statusLost }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private func sleep(for duration: Duration) {
        var request = timespec(tv_sec: Int(duration.components.seconds),
                               tv_nsec: Int(duration.components.attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
