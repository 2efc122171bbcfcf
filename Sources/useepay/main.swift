// Placeholder entry point; the argument parser lands with the terminal issue.
print("useepay: not yet implemented")
