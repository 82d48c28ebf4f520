import TTAMonitorCore

#if canImport(Glibc)
import Glibc
#endif

// Everything lives in TTAMonitorCore; the executable only hands over argv and exits.
// Parsing, help and errors stay synchronous so they never start the async runtime's threads.
switch CommandDispatcher.prepare(arguments: Array(CommandLine.arguments.dropFirst())) {
case .exit(let code):
    exit(code)
case .run(let command):
    TerminationSignals.install()
    exit(TerminationSignals.exitStatus(await command.run()))
}
