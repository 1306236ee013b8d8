"""Imported by the extraction fork server as it starts: the kernel kills it when the build dies.

Its workers die with it (generator.lifecycle.die_with_parent), so however the build ends, even
by SIGKILL, no process is left extracting for nobody. (Without this the fork server waits for
its workers and they for it: each holds the other's pipe open.)"""
from generator.lifecycle import kill_me_with_my_parent

kill_me_with_my_parent()
