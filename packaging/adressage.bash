# bash completion for adressage. The commands and each command's options are read from the
# program's own --help when completing, so the completion follows the program installed.
_adressage_commands() {
    "$1" --help 2>/dev/null | awk '/^Subcommands:/ { on = 1; next } on && NF { print $1 }'
}

_adressage() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local program="${COMP_WORDS[0]}"
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$(_adressage_commands "$program")"$'\n'help$'\n'--help$'\n'--version -- "$cur"))
        return 0
    fi
    local command="${COMP_WORDS[1]}"
    if [ "$command" = help ] && [ "$COMP_CWORD" -eq 2 ]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$(_adressage_commands "$program")" -- "$cur"))
        return 0
    fi
    if [[ "$cur" == -* ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$("$program" "$command" --help 2>/dev/null |
            grep -o -E -- '--[a-z0-9][a-z0-9-]*' | sort -u)" -- "$cur"))
        return 0
    fi
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _adressage adressage
