"""One module per group of commands; each takes parsed arguments and returns an exit code."""
