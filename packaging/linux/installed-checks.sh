# What try-install.sh (.deb) and try-install-rpm.sh (.rpm) both check once the package is installed: the command
# and its help without a display, the one-sentence refusal to open a window there, and the self-test.
# Sourced; expects name, work and the ok/bad functions of the script that sources it.

check_the_command() {
  local help said code
  help=$(env -u DISPLAY -u WAYLAND_DISPLAY "$name" --help 2>&1); code=$?
  if [ $code -eq 0 ] && grep -q self-test <<< "$help" && grep -q research-export <<< "$help"; then
    ok "$name --help exits 0 and lists the commands"; else bad "$name --help ($code): $help"; fi
  echo "      $("$name" --version)"
  said=$(env -u DISPLAY -u WAYLAND_DISPLAY "$name" 2>&1); code=$?
  if [ $code -eq 1 ] && [ "$(wc -l <<< "$said")" -eq 1 ] && ! grep -q Exception <<< "$said"; then
    ok "without a display: one sentence, exit 1: $said"; else bad "without a display ($code): $said"; fi
}

check_the_self_test() {
  local self code
  self=$(HOME="$work/home-self" "$name" self-test 2>&1); code=$?
  if [ $code -eq 0 ]; then ok "$name self-test: $(tail -1 <<< "$self")"; else bad "$name self-test ($code): $self"; fi
}
