# fish completion for tta-monitor. Install: copy to ~/.config/fish/completions/ or to
# /usr/share/fish/vendor_completions.d/.
#
# The command tree below mirrors Sources/TTAMonitorCore/CLI/CommandTable.swift;
# Tests/TTAMonitorCoreTests/Docs/DocumentationDriftTests.swift fails when they drift.

# The subcommands of the command at path $argv[1] ("" is the tool itself).
function __tta_monitor_subcommands
    switch "$argv[1]"
        case ''
            echo status discover check serve alerts carbon export retention config help version
        case alerts
            echo list show ack resolve silence unsilence evaluate notify-test history
        case carbon
            echo report import measure
        case retention
            echo purge
        case config
            echo validate show
    end
end

# The command path typed so far ("", "check", "alerts list"): command words, skipping
# options and the values of those that take one.
function __tta_monitor_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip_value 0
    for token in $tokens
        if test $skip_value = 1
            set skip_value 0
            continue
        end
        switch $token
            case --
                break
            case '--*=*'
                continue
            case --config --db --component --window --source --format --output --fail-on \
                --timeout --concurrency --state --rule --for --comment --day --since --until \
                --by --duration --label --report --dataset --listen --log-format
                set skip_value 1
                continue
            case '-*'
                continue
        end
        if contains -- $token (string split ' ' -- (__tta_monitor_subcommands "$path"))
            set -a path $token
        else
            break
        end
    end
    string join ' ' -- $path
end

# Succeeds when the command path typed so far is exactly $argv[1].
function __tta_monitor_at
    set -l path (__tta_monitor_path)
    test "$path" = "$argv[1]"
end

# After `help`: the subcommands of the path named by the words typed after it.
function __tta_monitor_help_targets
    set -l tokens (commandline -opc)
    set -l index (contains -i -- help $tokens)
    test -n "$index"; or return
    set -l target ''
    for word in $tokens[(math $index + 1)..-1]
        set -l subcommands (string split ' ' -- (__tta_monitor_subcommands "$target"))
        contains -- $word $subcommands; or return
        set target (string trim -- "$target $word")
    end
    string split ' ' -- (__tta_monitor_subcommands "$target")
end

# `tta-monitor --json config show` for the config on the command line (its --config,
# else the tool's own search).
function __tta_monitor_config_show
    command -q tta-monitor; or return
    set -l tokens (commandline -opc)
    set -l args
    set -l index (contains -i -- --config $tokens)
    if test -n "$index"; and test (count $tokens) -gt $index
        set args --config $tokens[(math $index + 1)]
    end
    for token in $tokens
        string match -q -- '--config=*' $token; and set args --config (string replace -- --config= '' $token)
    end
    command tta-monitor $args --json config show 2>/dev/null </dev/null
end

# The configured check names (each check's name is the first member of its object in
# monitoring.checks, indented by eight spaces).
function __tta_monitor_check_names
    __tta_monitor_config_show | string replace -rf '^        "name": "([A-Za-z0-9._-]+)",?$' '$1'
end

# The configured alert channel names (first member of each object in
# monitoring.alerts.channels, indented by ten spaces, between "channels": [ and its ]).
function __tta_monitor_channel_names
    set -l inside 0
    for line in (__tta_monitor_config_show)
        if string match -q -- '      "channels": [*' $line
            set inside 1
        else if string match -q -- '      ]*' $line
            set inside 0
        else if test $inside = 1
            string replace -rf '^          "name": "([A-Za-z0-9._-]+)",?$' '$1' -- $line
        end
    end
end

complete -c tta-monitor -f

# Global options: valid before and after the command.
complete -c tta-monitor -l config -r -F -d 'Config file'
complete -c tta-monitor -l db -r -F -d 'Database file'
complete -c tta-monitor -l json -d 'Print one JSON document instead of text'
complete -c tta-monitor -l no-color -d 'Never colour output'
complete -c tta-monitor -s q -l quiet -d 'Print only results and errors'
complete -c tta-monitor -s v -l verbose -d 'Print more detail'
complete -c tta-monitor -s h -l help -d 'Show help for the command'
complete -c tta-monitor -l version -d 'Print the version and exit'

# Commands.
complete -c tta-monitor -n '__tta_monitor_at ""' -a status -d 'Latest state of every component'
complete -c tta-monitor -n '__tta_monitor_at ""' -a discover -d 'Find running TTA components'
complete -c tta-monitor -n '__tta_monitor_at ""' -a check -d 'Run checks now and store the results'
complete -c tta-monitor -n '__tta_monitor_at ""' -a serve -d 'Run every check at its own interval, alert, serve HTTP'
complete -c tta-monitor -n '__tta_monitor_at ""' -a alerts -d 'List, acknowledge, silence and route alerts'
complete -c tta-monitor -n '__tta_monitor_at ""' -a carbon -d 'Report energy use and carbon emissions'
complete -c tta-monitor -n '__tta_monitor_at ""' -a export -d 'Export a report'
complete -c tta-monitor -n '__tta_monitor_at ""' -a retention -d 'Purge data past its retention window'
complete -c tta-monitor -n '__tta_monitor_at ""' -a config -d 'Validate or show the configuration'
complete -c tta-monitor -n '__tta_monitor_at ""' -a help -d 'Show help for a command'
complete -c tta-monitor -n '__tta_monitor_at ""' -a version -d 'Print the version'

# status
complete -c tta-monitor -n '__tta_monitor_at status' -l component -x -a '(__tta_monitor_check_names)' -d 'Only these components'
complete -c tta-monitor -n '__tta_monitor_at status' -l window -x -d 'Window for availability and latency (default 24h)'

# discover
complete -c tta-monitor -n '__tta_monitor_at discover' -l source -x -a 'config compose ports processes' -d 'Where to look'
complete -c tta-monitor -n '__tta_monitor_at discover' -l compose -r -F -d 'A docker compose file to read'
complete -c tta-monitor -n '__tta_monitor_at discover' -l save -d 'Add what was found to the database'
complete -c tta-monitor -n '__tta_monitor_at discover' -l emit-yaml -d 'Print a monitoring.checks YAML fragment'

# check
complete -c tta-monitor -n '__tta_monitor_at check' -a '(__tta_monitor_check_names)' -d Check
complete -c tta-monitor -n '__tta_monitor_at check' -l format -x -a 'table json nagios junit tap openmetrics' -d 'Output format'
complete -c tta-monitor -n '__tta_monitor_at check' -l output -r -F -d 'Write the report to a file'
complete -c tta-monitor -n '__tta_monitor_at check' -l fail-on -x -a 'warning critical' -d 'Lowest status that fails the run'
complete -c tta-monitor -n '__tta_monitor_at check' -l timeout -x -d 'Timeout for each check'
complete -c tta-monitor -n '__tta_monitor_at check' -l concurrency -x -d 'Checks in flight at once'
complete -c tta-monitor -n '__tta_monitor_at check' -l no-store -d 'Do not write the results to the database'

# serve
complete -c tta-monitor -n '__tta_monitor_at serve' -l listen -x -d 'Address for the HTTP server (ADDR:PORT)'
complete -c tta-monitor -n '__tta_monitor_at serve' -l no-http -d 'Run the checks only; serve no HTTP'
complete -c tta-monitor -n '__tta_monitor_at serve' -l log-format -x -a 'logfmt json' -d 'Log line format'

# alerts
complete -c tta-monitor -n '__tta_monitor_at alerts' -a list -d 'List alerts'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a show -d 'Show one alert and its events'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a ack -d 'Acknowledge an alert'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a resolve -d 'Resolve an alert by hand'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a silence -d "Silence a component's alerts"
complete -c tta-monitor -n '__tta_monitor_at alerts' -a unsilence -d 'Remove a silence'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a evaluate -d 'Evaluate rules and deliver notifications'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a notify-test -d 'Send a test notification'
complete -c tta-monitor -n '__tta_monitor_at "alerts notify-test"' -a '(__tta_monitor_channel_names)' -d 'Alert channel'
complete -c tta-monitor -n '__tta_monitor_at alerts' -a history -d 'Show alert events over time'
complete -c tta-monitor -n '__tta_monitor_at "alerts list"' -l state -x -a 'firing pending resolved all' -d 'Which alerts'
complete -c tta-monitor -n '__tta_monitor_at "alerts silence"' -l component -x -a '(__tta_monitor_check_names)' -d 'Component to silence'
complete -c tta-monitor -n '__tta_monitor_at "alerts silence"' -l rule -x -d 'Only this rule'
complete -c tta-monitor -n '__tta_monitor_at "alerts silence"' -l for -x -d 'How long'
complete -c tta-monitor -n '__tta_monitor_at "alerts silence"' -l comment -x -d Why
complete -c tta-monitor -n '__tta_monitor_at "alerts history"' -l since -x -d 'How far back'

# carbon
complete -c tta-monitor -n '__tta_monitor_at carbon' -a report -d 'Energy and CO2e for a day or period'
complete -c tta-monitor -n '__tta_monitor_at carbon' -a import -d 'Import CodeCarbon emissions.csv files'
complete -c tta-monitor -n '__tta_monitor_at carbon' -a measure -d 'Measure energy use for a while'
complete -c tta-monitor -n '__tta_monitor_at "carbon report"' -l day -x -a 'today yesterday' -d 'YYYY-MM-DD, today or yesterday'
complete -c tta-monitor -n '__tta_monitor_at "carbon report"' -l since -x -d 'Start of the period'
complete -c tta-monitor -n '__tta_monitor_at "carbon report"' -l until -x -d 'End of the period'
complete -c tta-monitor -n '__tta_monitor_at "carbon report"' -l by -x -a 'component project model' -d 'Group by'
complete -c tta-monitor -n '__tta_monitor_at "carbon import"' -F -d 'emissions.csv file'
complete -c tta-monitor -n '__tta_monitor_at "carbon measure"' -l duration -x -d 'How long to measure'
complete -c tta-monitor -n '__tta_monitor_at "carbon measure"' -l label -x -d 'Label for the measurement'

# export
complete -c tta-monitor -n '__tta_monitor_at export' -l format -x -a 'pdf csv json jsonl openmetrics prometheus' -d 'Output format'
complete -c tta-monitor -n '__tta_monitor_at export' -l report -x -a 'status checks alerts carbon' -d 'What to export'
complete -c tta-monitor -n '__tta_monitor_at export' -l since -x -d 'Start of the period'
complete -c tta-monitor -n '__tta_monitor_at export' -l until -x -d 'End of the period'
complete -c tta-monitor -n '__tta_monitor_at export' -l output -r -F -d 'Output file, or - for stdout'
complete -c tta-monitor -n '__tta_monitor_at export' -l check -x -a '(__tta_monitor_check_names)' -d 'Only this check'
complete -c tta-monitor -n '__tta_monitor_at export' -l push -x -d 'Push the metrics to a Pushgateway URL'

# retention
complete -c tta-monitor -n '__tta_monitor_at retention' -a purge -d 'Roll up and delete old data'
complete -c tta-monitor -n '__tta_monitor_at "retention purge"' -l dry-run -d 'Show what would be removed'
complete -c tta-monitor -n '__tta_monitor_at "retention purge"' -l dataset -x -a 'checks rollups metrics alerts carbon notifications' -d 'Only these datasets'

# config
complete -c tta-monitor -n '__tta_monitor_at config' -a validate -d 'Check the config file'
complete -c tta-monitor -n '__tta_monitor_at config' -a show -d 'Print the effective config, secrets masked'

# help
complete -c tta-monitor -n '__tta_monitor_at help' -a '(__tta_monitor_help_targets)' -d Command
