/// `alerts notify-test CHANNEL`: sends a test notification through one channel.
///
/// Placeholder until delivery lands.
enum AlertsNotifyTestCommand {
    static func run(_ context: CommandContext) async throws -> ExitCode {
        try await NotImplemented.action("alerts notify-test")(context)
    }
}
