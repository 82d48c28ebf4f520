/// Entry point of the command line: parses argv, runs a command, returns the exit status.
public enum CommandDispatcher {
    /// Runs the tool with `arguments` (argv without the program name).
    public static func main(arguments: [String]) -> Int32 {
        0
    }
}
