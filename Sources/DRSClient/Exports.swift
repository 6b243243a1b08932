// A client user names a compare type with every call; it should not need a second import for it.
@_exported import DRSComparison
