import TTAMonitorCore

#if canImport(Glibc)
import Glibc
#endif

// Everything lives in TTAMonitorCore; the executable only hands over argv and exits.
exit(await CommandDispatcher.main(arguments: Array(CommandLine.arguments.dropFirst())))
