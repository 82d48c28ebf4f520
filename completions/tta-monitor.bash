# bash completion for tta-monitor                            -*- shell-script -*-
#
# Install: copy to /usr/share/bash-completion/completions/tta-monitor, or source it
# from ~/.bashrc. Needs bash 4 or later; bash-completion itself is not required.
#
# The command tree below mirrors Sources/TTAMonitorCore/CLI/CommandTable.swift;
# Tests/TTAMonitorCoreTests/Docs/DocumentationDriftTests.swift fails when they drift.

# The subcommands of the command at path $1 ("" is the tool itself).
_tta_monitor_subcommands() {
    case $1 in
        '') echo "status discover check serve alerts carbon export retention config help version" ;;
        alerts) echo "list show ack resolve silence unsilence evaluate notify-test history" ;;
        carbon) echo "report import measure" ;;
        retention) echo "purge" ;;
        config) echo "validate show" ;;
    esac
}

# The options of the command at path $1, without the global ones.
_tta_monitor_options() {
    case $1 in
        status) echo "--component --window" ;;
        discover) echo "--source --compose --save --emit-yaml" ;;
        check) echo "--format --output --fail-on --timeout --concurrency --no-store" ;;
        serve) echo "--listen --no-http --log-format" ;;
        'alerts list') echo "--state" ;;
        'alerts silence') echo "--component --rule --for --comment" ;;
        'alerts history') echo "--since" ;;
        'carbon report') echo "--day --since --until --by" ;;
        'carbon measure') echo "--duration --label" ;;
        export) echo "--format --report --since --until --check --output --push" ;;
        'retention purge') echo "--dry-run --dataset" ;;
    esac
}

_tta_monitor_global_options="--config --db --json --no-color -q --quiet -v --verbose -h --help --version"

# Succeeds when option $1 takes a value (as the next word or after '=').
_tta_monitor_takes_value() {
    case $1 in
        --config | --db | --component | --window | --source | --format | --output | \
            --fail-on | --timeout | --concurrency | --state | --rule | --for | --comment | \
            --day | --since | --until | --by | --duration | --label | --report | --dataset | \
            --listen | --log-format)
            return 0 ;;
        --check | --push)   # export
            return 0 ;;
    esac
    return 1
}

# The values option $2 accepts at path $1: a word list, or "@file" for file names,
# "@check" for the configured check names and "@channel" for the alert channels; nothing
# for free text.
_tta_monitor_values() {
    case "$1:$2" in
        *:--config | *:--db | *:--output | discover:--compose) echo "@file" ;;
        status:--component | 'alerts silence:--component') echo "@check" ;;
        check:--format) echo "table json nagios junit tap openmetrics" ;;
        check:--fail-on) echo "warning critical" ;;
        serve:--log-format) echo "logfmt json" ;;
        discover:--source) echo "config compose ports processes" ;;
        'alerts list:--state') echo "firing pending resolved all" ;;
        'carbon report:--by') echo "component project model" ;;
        'carbon report:--day') echo "today yesterday" ;;
        export:--format) echo "pdf csv json jsonl openmetrics prometheus" ;;
        export:--check) echo "@check" ;;
        export:--report) echo "status checks alerts carbon" ;;
        'retention purge:--dataset') echo "checks rollups metrics alerts carbon notifications" ;;
    esac
}

# `tta-monitor --json config show` for the config on the command line (its --config, else
# the tool's own search). Prints nothing when there is no config or no tta-monitor.
_tta_monitor_config_show() {
    local tool=${COMP_WORDS[0]} i word config=""
    [[ $tool == */* && -x $tool ]] || tool=tta-monitor
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            --config)
                config=${COMP_WORDS[i + 1]}
                [[ $config == = ]] && config=${COMP_WORDS[i + 2]}
                ;;
            --config=*) config=${word#--config=} ;;
        esac
    done
    local -a args=()
    [[ -n $config ]] && args=(--config "${config/#\~/$HOME}")
    "$tool" "${args[@]}" --json config show 2>/dev/null </dev/null
}

# The names of the configured checks (the documented JSON document: each check's name is
# the first member of its object in monitoring.checks, on a line indented by eight spaces).
_tta_monitor_check_names() {
    _tta_monitor_config_show | sed -n 's/^        "name": "\([A-Za-z0-9._-]*\)",\{0,1\}$/\1/p'
}

# The names of the configured alert channels (first member of each object in
# monitoring.alerts.channels, indented by ten spaces, between "channels": [ and its ]).
_tta_monitor_channel_names() {
    _tta_monitor_config_show |
        sed -n '/^      "channels": \[/,/^      \]/s/^          "name": "\([A-Za-z0-9._-]*\)",\{0,1\}$/\1/p'
}

# Sets COMPREPLY to the words of list $1 (or files, or check names) that start with $2,
# each prefixed with $3 (for `--option=value` typed as one word).
_tta_monitor_reply() {
    local list=$1 cur=$2 prefix=${3-}
    case $list in
        @file)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        @check) mapfile -t COMPREPLY < <(compgen -W "$(_tta_monitor_check_names)" -- "$cur") ;;
        @channel) mapfile -t COMPREPLY < <(compgen -W "$(_tta_monitor_channel_names)" -- "$cur") ;;
        *) mapfile -t COMPREPLY < <(compgen -W "$list" -- "$cur") ;;
    esac
    if [[ -n $prefix ]]; then
        COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
    fi
}

_tta_monitor() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local path="" word i=1 options_ended=0 arguments=0 help_path=""
    COMPREPLY=()

    # Walk the words before the cursor: command words extend the path, options are
    # skipped with their values, anything else is an argument of the command.
    while ((i < COMP_CWORD)); do
        word=${COMP_WORDS[i]}
        if ((!options_ended)) && [[ $word == -- ]]; then
            options_ended=1
        elif ((!options_ended)) && [[ $word == -?* ]]; then
            if [[ $word != *=* ]] && _tta_monitor_takes_value "$word"; then
                # bash splits `--format=json` into `--format`, `=`, `json`.
                if [[ ${COMP_WORDS[i + 1]} == = ]]; then ((i += 2)); else ((i += 1)); fi
            fi
        elif [[ $path == help ]]; then
            help_path=${help_path:+$help_path }$word
        elif ((arguments == 0)) && [[ " $(_tta_monitor_subcommands "$path") " == *" $word "* ]]; then
            path=${path:+$path }$word
        else
            arguments=$((arguments + 1))
        fi
        ((i += 1))
    done

    # The value of an option: `--format js`, `--format=js` (split or not).
    if ((!options_ended)); then
        local option=""
        if [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
            option=${COMP_WORDS[COMP_CWORD - 2]}
        elif [[ $cur == --*=* ]]; then
            option=${cur%%=*}
            _tta_monitor_takes_value "$option" &&
                _tta_monitor_reply "$(_tta_monitor_values "$path" "$option")" "${cur#*=}" "$option="
            return 0
        elif [[ $prev == -?* ]]; then
            option=$prev
        fi
        if [[ -n $option ]] && _tta_monitor_takes_value "$option"; then
            _tta_monitor_reply "$(_tta_monitor_values "$path" "$option")" "$cur"
            return 0
        fi
        if [[ $cur == -* ]]; then
            _tta_monitor_reply "$(_tta_monitor_options "$path") $_tta_monitor_global_options" "$cur"
            return 0
        fi
    fi

    local subcommands
    subcommands=$(_tta_monitor_subcommands "$path")
    case $path in
        help)
            # `help alerts si` walks the tree like the commands themselves.
            local target="" known=1
            for word in $help_path; do
                if [[ " $(_tta_monitor_subcommands "$target") " == *" $word "* ]]; then
                    target=${target:+$target }$word
                else
                    known=0
                fi
            done
            ((known)) && _tta_monitor_reply "$(_tta_monitor_subcommands "$target")" "$cur"
            ;;
        check) _tta_monitor_reply @check "$cur" ;;
        'carbon import') _tta_monitor_reply @file "$cur" ;;
        'alerts notify-test') ((arguments == 0)) && _tta_monitor_reply @channel "$cur" ;;
        *)
            if [[ -n $subcommands ]] && ((arguments == 0)); then
                _tta_monitor_reply "$subcommands" "$cur"
            elif [[ -z $cur ]]; then
                _tta_monitor_reply "$(_tta_monitor_options "$path")" "$cur"
            fi
            ;;
    esac
    return 0
}

complete -F _tta_monitor tta-monitor
