#if canImport(Glibc)
import Glibc
#endif

/// Why a command could not be started.
enum SpawnFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No pipe could be made (descriptor limit).
    case pipe(Int32)
    /// The working directory cannot be entered.
    case workingDirectory(String, Int32)
    /// This C library cannot change directory in posix_spawn (glibc before 2.29).
    case workingDirectoryUnsupported
    /// posix_spawn itself failed: the program is missing or not executable.
    case spawn(String, Int32)

    var description: String {
        switch self {
        case .pipe(let code) where DescriptorLimit.isExhaustion(code): DescriptorLimit.message(call: "pipe", errno: code)
        case .spawn(let program, let code) where DescriptorLimit.isExhaustion(code):
            DescriptorLimit.message(call: "running \(program)", errno: code)
        case .pipe(let code): "cannot create a pipe: \(Self.reason(code))"
        case .workingDirectory(let path, let code): "cannot use working directory \(path): \(Self.reason(code))"
        case .workingDirectoryUnsupported: "working_directory needs glibc 2.29 or newer"
        case .spawn(let program, let code): "cannot run \(program): \(Self.reason(code))"
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
