import Foundation
import Testing
@testable import TTAMonitorCore
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP in the middle of `check`, `export`, `retention purge` and
/// `carbon measure`: exit 128 + the signal, no command left running (no PPID-1 orphans),
/// no temporary file left, no report or export put in place.
@Suite(.serialized) struct RuntimeSignalTests {
    static let signals: [(signal: Int32, code: Int32)] = [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)]

    /// Files in `directory` (recursively) whose name marks them as temporary.
    static func temporaries(in directory: String) -> [String] {
        let names = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        return names.filter { $0.contains(".tmp") }
    }

    @Test("check: a signal stops the command checks' process groups and exits 128+N", arguments: [0, 1, 2])
    func checkStopsCommandChildren(_ index: Int) async throws {
        let (signal, code) = Self.signals[index]
        let directory = try TemporaryDirectory()
        // A duration no other process on the machine has in its command line.
        let marker = "\(Int.random(in: 100...999)).\(Int.random(in: 100_000...999_999))"
        try directory.write("tta_config.yaml", """
            monitoring:
              storage: {path: monitor.db}
              checks:
                - {name: slow, type: command, command: "sleep \(marker); echo done", timeout: 120s}
                - {name: slow-argv, type: command, command: ["sleep", "\(marker)"], timeout: 120s}
                - {name: quick, type: command, command: "true"}
            """)
        try FileManager.default.createDirectory(atPath: directory.file("reports"), withIntermediateDirectories: false)
        let run = try RuntimeProcess(["check", "--output", "junit=\(directory.file("reports/out.xml"))",
                                      "--output", "json=\(directory.file("reports/out.json"))"], in: directory.path)
        defer { for pid in RuntimeWait.processes(containing: marker) { kill(pid, SIGKILL) } }
        let started = try await RuntimeWait.until(seconds: 30) { RuntimeWait.processes(containing: marker).count >= 2 }
        #expect(started, "the command checks never started: \(run.err)")
        run.send(signal)
        let ended = try await run.waitForExit(seconds: 20)
        #expect(ended?.reason == .exit && ended?.status == code, "\(String(describing: ended)): \(run.err)")
        // Killed children are reaped by init a moment later; none may stay alive.
        let gone = try await RuntimeWait.until(seconds: 5) { RuntimeWait.processes(containing: marker).isEmpty }
        #expect(gone, "left running: \(RuntimeWait.processes(containing: marker))")
        run.discardCaptures()
        #expect(Self.temporaries(in: directory.path).isEmpty, "\(Self.temporaries(in: directory.path))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("reports")).isEmpty)
    }

    @Test("export to a file: a signal mid-write removes the temporary file and leaves no export", arguments: [0, 1, 2])
    func exportRemovesTemporaryFile(_ index: Int) async throws {
        let (signal, code) = Self.signals[index]
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try RetentionHistory.add(database, component: "api", from: WallClock.nowMilliseconds() - 3 * RetentionHistory.day,
                                     count: 1_500_000, stepMs: 100)
        }
        let outputs = directory.file("out")
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: false)
        let run = try RuntimeProcess(["--db", path, "export", "--format", "csv", "--report", "checks", "--since", "7d",
                                      "--output", outputs + "/export.csv"], in: directory.path)
        // Whatever the temporary file is called, it is the only thing in this directory.
        let writing = try await RuntimeWait.until(seconds: 60) {
            !((try? FileManager.default.contentsOfDirectory(atPath: outputs)) ?? []).isEmpty
        }
        #expect(writing, "no temporary file seen: \(run.err)")
        run.send(signal)
        let ended = try await run.waitForExit(seconds: 20)
        #expect(ended?.reason == .exit && ended?.status == code, "\(String(describing: ended)): \(run.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs).isEmpty, "left behind in the output directory")
    }

    @Test("retention purge and carbon measure exit 128+N on a signal", arguments: [0, 1, 2])
    func purgeAndMeasureExit(_ index: Int) async throws {
        let (signal, code) = Self.signals[index]
        let directory = try TemporaryDirectory()
        let path = directory.file("monitor.db")
        do {
            let database = try Database(path: path)
            try RetentionHistory.add(database, component: "api", from: WallClock.nowMilliseconds() - 60 * RetentionHistory.day,
                                     count: 1_500_000, stepMs: 1_000)
        }
        let purge = try RuntimeProcess(["--db", path, "retention", "purge", "--dataset", "checks"], in: directory.path)
        let locked = try await RuntimeWait.until(seconds: 60) { RuntimePurgeLockTests.isLocked(path) }
        #expect(locked, "the purge never took its lock: \(purge.err)")
        purge.send(signal)
        let purgeEnded = try await purge.waitForExit(seconds: 30)
        #expect(purgeEnded?.reason == .exit && purgeEnded?.status == code, "\(String(describing: purgeEnded)): \(purge.err)")
        purge.discardCaptures()
        #expect(Self.temporaries(in: directory.path).isEmpty)

        let measure = try RuntimeProcess(["--db", path, "carbon", "measure", "--duration", "10m"], in: directory.path)
        let pid = measure.pid
        let handling = try await RuntimeWait.until(seconds: 30) { RuntimeWait.catches(signal, pid: pid) }
        #expect(handling, "carbon measure never installed its signal handling: \(measure.err)")
        try await Task.sleep(for: .milliseconds(200))
        measure.send(signal)
        let measureEnded = try await measure.waitForExit(seconds: 20)
        #expect(measureEnded?.reason == .exit && measureEnded?.status == code, "\(String(describing: measureEnded)): \(measure.err)")
        measure.discardCaptures()
    }
}
