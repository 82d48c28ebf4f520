extension CommandTable {
    /// `alerts`: declared in its own file so the command's options live beside nothing else.
    static let alerts = CommandSpec(
        "alerts",
        summary: "List, acknowledge, silence and route alerts.",
        subcommands: [
            CommandSpec("list", summary: "List alerts.", options: [
                OptionSpec("state", value: "state", help: "Which alerts (default: firing).", allowed: ["firing", "pending", "resolved", "all"]),
            ], action: NotImplemented.action("alerts list")),
            CommandSpec("show", summary: "Show one alert and its events.", arguments: [ArgumentSpec("id", help: "Alert id.", required: true)], action: NotImplemented.action("alerts show")),
            CommandSpec("ack", summary: "Acknowledge an alert (stops escalation).", arguments: [ArgumentSpec("id", help: "Alert id.", required: true)], action: NotImplemented.action("alerts ack")),
            CommandSpec("resolve", summary: "Resolve an alert by hand.", arguments: [ArgumentSpec("id", help: "Alert id.", required: true)], action: NotImplemented.action("alerts resolve")),
            CommandSpec("silence", summary: "Silence a component's alerts for a while.", options: [
                OptionSpec("component", value: "name", help: "Component to silence."),
                OptionSpec("rule", value: "name", help: "Only this rule."),
                OptionSpec("for", value: "duration", help: "How long."),
                OptionSpec("comment", value: "text", help: "Why."),
            ], action: NotImplemented.action("alerts silence")),
            CommandSpec("unsilence", summary: "Remove a silence.", arguments: [ArgumentSpec("id", help: "Silence id.", required: true)], action: NotImplemented.action("alerts unsilence")),
            CommandSpec("evaluate", summary: "Evaluate alert rules and deliver notifications.", action: NotImplemented.action("alerts evaluate")),
            CommandSpec("notify-test", summary: "Send a test notification to a channel.", arguments: [ArgumentSpec("channel", help: "Channel name.", required: true)], action: AlertsNotifyTestCommand.run),
            CommandSpec("history", summary: "Show alert events over time.", action: NotImplemented.action("alerts history")),
        ]
    )
}
