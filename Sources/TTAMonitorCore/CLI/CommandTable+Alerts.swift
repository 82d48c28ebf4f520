extension CommandTable {
    /// `alerts`: declared in its own file so the command's options live beside nothing else.
    static let alerts = CommandSpec(
        "alerts",
        summary: "List, acknowledge, silence and route alerts.",
        subcommands: [
            CommandSpec("list", summary: "List alerts.", options: [
                OptionSpec(CommandOptions.AlertsList.state, value: "state", help: "Which alerts (default: firing).",
                           allowed: [AlertState.firing, .pending, .resolved].map(\.rawValue) + ["all"]),
            ], action: AlertsListCommand.list),
            CommandSpec("show", summary: "Show one alert and its events.", arguments: [ArgumentSpec("id", help: "Alert id.", required: true)], action: AlertsListCommand.show),
            CommandSpec("ack", summary: "Acknowledge an alert (stops escalation).", arguments: [ArgumentSpec("id", help: "Alert id.", required: true)], action: AlertsActionCommand.ack),
            CommandSpec("resolve", summary: "Resolve an alert by hand.", arguments: [ArgumentSpec("id", help: "Alert id.", required: true)], action: AlertsActionCommand.resolve),
            CommandSpec("silence", summary: "Silence a component's alerts for a while.", options: [
                OptionSpec(CommandOptions.AlertsSilence.component, value: "name", help: "Component to silence (or give --rule alone)."),
                OptionSpec(CommandOptions.AlertsSilence.rule, value: "name", help: "Only this rule."),
                OptionSpec(CommandOptions.AlertsSilence.`for`, value: "duration", help: "How long (required), e.g. 2h."),
                OptionSpec(CommandOptions.AlertsSilence.comment, value: "text", help: "Why."),
            ], action: AlertsSilenceCommand.silence),
            CommandSpec("unsilence", summary: "Remove a silence.", arguments: [ArgumentSpec("id", help: "Silence id.", required: true)], action: AlertsSilenceCommand.unsilence),
            CommandSpec("evaluate", summary: "Evaluate alert rules and deliver notifications.", action: AlertsEvaluateCommand.run),
            CommandSpec("notify-test", summary: "Send a test notification to a channel.", arguments: [ArgumentSpec("channel", help: "Channel name.", required: true)], action: AlertsNotifyTestCommand.run),
            CommandSpec("history", summary: "Show alert events over time, newest first.", options: [
                OptionSpec(CommandOptions.AlertsHistory.since, value: "duration", help: "How far back (default: 7d)."),
            ], action: AlertsListCommand.history),
        ]
    )
}
