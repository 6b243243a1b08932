// A client user names a compare type with every call; it should not need a second import for it.
@_exported import DRSComparison
// Nor a second import for the hooks that tell it about the client's temporary files.
@_exported import TemporaryFiles
