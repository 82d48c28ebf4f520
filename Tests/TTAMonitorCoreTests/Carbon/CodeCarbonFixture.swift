import Foundation

/// A real `emissions.csv` written by CodeCarbon 3.3.2 (two short `OfflineEmissionsTracker`
/// runs, projects `tta-narrative` and `tta-embeddings`, country FRA), generated once per
/// test process and shared by the carbon suites.
///
/// python3 runs with the test process's own PATH (pyenv shims live there), not with
/// BinaryRunner's clean environment.
enum CodeCarbonFixture {
    static let script = """
    import sys, time
    from codecarbon import OfflineEmissionsTracker
    for name in ("tta-narrative", "tta-embeddings"):
        tracker = OfflineEmissionsTracker(project_name=name, country_iso_code="FRA", output_dir=sys.argv[1],
                                          save_to_file=True, log_level="error", measure_power_secs=1)
        tracker.start()
        end = time.time() + 0.8
        while time.time() < end:
            pass
        tracker.stop()
    """

    /// The directory holding `emissions.csv`.
    static let directory: Task<String, any Error> = Task {
        try await offloaded { try generate() }
    }

    private static func generate() throws -> String {
        let directory = NSTemporaryDirectory() + "tta-monitor-codecarbon-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let result = try python(["-c", script, directory])
        guard result.code == 0, FileManager.default.fileExists(atPath: directory + "/emissions.csv") else {
            throw FixtureError(message: "CodeCarbon did not write emissions.csv: \(result.output)")
        }
        return directory
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs python3 from the test's PATH; returns exit status and combined output.
    static func python(_ arguments: [String]) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CODECARBON_LOG_LEVEL"] = "error"
        process.environment = environment
        let output = NSTemporaryDirectory() + "tta-monitor-python-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: output)
        return (process.terminationStatus, text)
    }

    /// Python's plain `sum(float(row[column]) ...)` over the file, in file order, as repr.
    static func pythonSum(_ file: String, column: String) throws -> Double {
        let result = try python(["-c", "import csv,sys; print(repr(sum(float(r[sys.argv[2]]) for r in csv.DictReader(open(sys.argv[1])))))", file, column])
        guard result.code == 0, let value = Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw FixtureError(message: "python sum failed: \(result.output)")
        }
        return value
    }
}
