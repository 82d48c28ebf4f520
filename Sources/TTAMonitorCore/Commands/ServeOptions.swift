/// The checked options of one `serve` invocation (`CommandOptions.Serve`).
struct ServeOptions: Sendable {
    /// `--listen`: nil for the HTTP server's default address.
    var listen: ServeListenAddress?
    /// `--no-http`: run the checks only.
    var noHTTP: Bool
    /// `--log-format` (default logfmt).
    var logFormat: ServeLogFormat

    /// Reads the options; a `--listen` that is not ADDR:PORT is a usage error.
    init(context: CommandContext) throws(UsageError) {
        let invocation = context.invocation
        if let text = invocation.value(CommandOptions.Serve.listen) {
            guard let address = ServeListenAddress(text) else {
                throw UsageError("The value '\(text)' is invalid for '--listen <addr:port>': give an IP address and a port, "
                                 + "e.g. 127.0.0.1:9464 or [::1]:9464.", commandPath: invocation.commandPath)
            }
            listen = address
        }
        noHTTP = invocation.flag(CommandOptions.Serve.noHTTP)
        // The table allows only the formats there are.
        logFormat = invocation.value(CommandOptions.Serve.logFormat).flatMap(ServeLogFormat.init(rawValue:)) ?? .logfmt
        if noHTTP, listen != nil {
            throw UsageError("--listen and --no-http contradict each other; give one.", commandPath: invocation.commandPath)
        }
    }
}
