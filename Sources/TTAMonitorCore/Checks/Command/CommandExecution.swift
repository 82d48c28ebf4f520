import Synchronization

/// Runs a command to its outcome without holding a thread of Swift's cooperative pool:
/// spawning, reading and reaping happen on a thread of the command's own.
enum CommandExecution {
    /// Commands whose thread is still stopping or reaping them.
    private static let unfinished = Atomic<Int>(0)

    /// Starts `spec.argv` and returns its outcome once known: at exit, or shortly after its
    /// timeout (the group is then still being stopped, see `waitForUnfinished`). `input`,
    /// when given, is the command's stdin (else /dev/null).
    static func run(_ spec: CommandCheckSpec, timeout: Duration, input: [UInt8]? = nil) async -> Result<CommandOutcome, SpawnFailure> {
        let deadline = ContinuousClock.now + timeout
        let delivery = ResumeOnce<Result<CommandOutcome, SpawnFailure>>()
        unfinished.add(1, ordering: .relaxed)
        CommandThread.start {
            let inputFile = input.map(StandardInputFile.init(contents:))
            if let inputFile, inputFile.descriptor < 0 {
                delivery.resume(with: .failure(.pipe(inputFile.error)))
                unfinished.subtract(1, ordering: .releasing)
                return
            }
            let spawned = ProcessSpawner.spawn(argv: spec.argv, environment: spec.environment,
                                               workingDirectory: spec.workingDirectory,
                                               standardInput: inputFile?.descriptor)
            inputFile?.close()
            switch spawned {
            case .failure(let failure):
                delivery.resume(with: .failure(failure))
            case .success(let child):
                ChildSupervisor(child: child, maxOutputBytes: spec.maxOutputBytes)
                    .supervise(until: deadline) { outcome in
                        // A command stopped by our own termination has no result to give.
                        TerminationSignals.parkIfTerminating()
                        delivery.resume(with: .success(outcome))
                    }
            }
            unfinished.subtract(1, ordering: .releasing)
        }
        return await delivery.value()
    }

    /// Waits until every timed-out command has been killed and reaped, or `limit` passed;
    /// true when none is left. A process about to exit calls it so that no command outlives
    /// the run that started it.
    static func waitForUnfinished(upTo limit: Duration) async -> Bool {
        let giveUpAt = ContinuousClock.now + limit
        while unfinished.load(ordering: .acquiring) > 0 {
            guard ContinuousClock.now < giveUpAt else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
