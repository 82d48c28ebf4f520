import Synchronization

/// serve's `ServeLogger`: one event per line on stderr, `ts`, `level` and `event` first.
/// Every value is masked (the config's literal secrets; results are already redacted by the
/// pipeline) and made terminal-safe before it is written, so neither a secret nor a
/// target's escape sequence reaches a log.
public final class ServeEventLog: ServeLogger {
    private let format: ServeLogFormat
    private let console: Console
    /// Grows on reload: a new config may bring new secrets, and a line may still quote old ones.
    private let secrets: Mutex<[String]>

    /// A log writing `format` lines through `console`'s stderr, masking `config`'s secrets.
    public init(format: ServeLogFormat, console: Console, config: MonitoringConfig) {
        self.format = format
        self.console = console
        secrets = Mutex(config.secretValues)
    }

    /// Masks the secrets of `config` too (the old ones stay masked: a log line may quote them).
    public func mask(secretsOf config: MonitoringConfig) {
        secrets.withLock { $0 = Array(Set($0 + config.secretValues)) }
    }

    public func log(_ level: ServeLogLevel, _ event: String, _ fields: [(String, String)]) {
        let masking = Redactor(categories: [], secrets: secrets.withLock { $0 })
        var all: [(String, String)] = [("ts", Timestamps.rfc3339(milliseconds: WallClock.nowMilliseconds())),
                                       ("level", level.rawValue), ("event", event)]
        all += fields.map { ($0.0, TerminalSafeText.neutralise(masking.redact($0.1))) }
        console.err(format.line(all) + "\n")
    }
}
