import Foundation

/// The environment the built binary runs in during tests: a clean one, as cron gives, with
/// HOME inside the test's own directory so nothing outside the test is touched.
enum BinaryEnvironment {
    /// PATH, HOME and LANG, plus `extra`; and LLVM_PROFILE_FILE when the test run has it, so
    /// a coverage run (scripts/coverage.sh) counts what the binary executes too — without it
    /// a clean environment loses every end-to-end test's profile.
    static func clean(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"]
        if let profile = ProcessInfo.processInfo.environment["LLVM_PROFILE_FILE"] {
            environment["LLVM_PROFILE_FILE"] = profile
        }
        return environment.merging(extra) { $1 }
    }
}
