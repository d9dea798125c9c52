# One man page from `PROGRAM [COMMAND] --help` (cmake -P, from packaging/CMakeLists.txt).
# help2man runs the program it is given with --help and names the page after it: a script
# called NAME runs the command.
get_filename_component(dir "${OUT}" DIRECTORY)
set(wrapper "${dir}/bin/${NAME}")
file(WRITE "${wrapper}" "#!/bin/sh\nexec \"${PROGRAM}\" ${COMMAND} \"$@\"\n")
file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
# The page's one-line description: the first line of the command's help.
execute_process(COMMAND "${wrapper}" --help OUTPUT_VARIABLE help RESULT_VARIABLE failed)
string(REGEX REPLACE "\n.*" "" description "${help}")
string(REGEX REPLACE "^adressage: " "" description "${description}")
if(NOT failed)
    execute_process(
        COMMAND "${HELP2MAN}" --no-info "--version-string=${VERSION}" "--name=${description}"
                --locale=C.UTF-8 --section=1 "--output=${OUT}" "${wrapper}"
        RESULT_VARIABLE failed)
endif()
if(NOT failed)
    # Debian's policy: pages gzipped, with no name or time in the header (same bytes each build).
    execute_process(COMMAND gzip -9 -n -f "${OUT}" RESULT_VARIABLE failed)
endif()
if(failed)
    file(REMOVE "${OUT}" "${OUT}.gz")
    message(FATAL_ERROR "help2man failed on ${PROGRAM} ${COMMAND}")
endif()
