# Sourced by the entry point while the socket-only init server runs.
sleep 2
