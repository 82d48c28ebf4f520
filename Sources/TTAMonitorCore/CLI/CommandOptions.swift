/// The option names of every command, one key enum per command. The command table declares
/// its options with these keys and the commands read them with the same keys; a test checks
/// that each enum and its command's options in the table name the same set.
public enum CommandOptions {
    /// Options valid with every command (`CommandTable.globalOptions`).
    public enum Global: String, OptionKey {
        case config, db, json, noColor = "no-color", quiet, verbose, help, version
    }

    /// `status`.
    public enum Status: String, OptionKey {
        case component, window
    }

    /// `discover`.
    public enum Discover: String, OptionKey {
        case source, compose, save, emitYAML = "emit-yaml"
    }

    /// `check`.
    public enum Check: String, OptionKey {
        case format, output, failOn = "fail-on", timeout, concurrency, noStore = "no-store"
    }

    /// `serve`.
    public enum Serve: String, OptionKey {
        case listen, noHTTP = "no-http", logFormat = "log-format"
    }

    /// `export`.
    public enum Export: String, OptionKey {
        case format, report, since, until, check, output, push
    }

    /// `retention purge`.
    public enum RetentionPurge: String, OptionKey {
        case dryRun = "dry-run", dataset
    }

    /// `alerts list`.
    public enum AlertsList: String, OptionKey {
        case state
    }

    /// `alerts silence`.
    public enum AlertsSilence: String, OptionKey {
        case component, rule, `for`, comment
    }

    /// `alerts history`.
    public enum AlertsHistory: String, OptionKey {
        case since
    }

    /// `carbon report` (named for the command path; the report type is `TTAMonitorCore.CarbonReport`).
    public enum CarbonReport: String, OptionKey {
        case day, since, until, by
    }

    /// `carbon measure`.
    public enum CarbonMeasure: String, OptionKey {
        case duration, label
    }
}
