// A report's compare type is part of the model; users of the model should not need a second import for it.
@_exported import DRSComparison
