// A report's compare type is part of the model; users of the model should not need a second import for it.
@_exported import DRSComparison
// The reader is part of the API too: `ReportWorkbook(path:limits:)` takes its `ReaderLimits`,
// `ReportWorkbook.workbook` is its `Workbook` (progress, read notes, any sheet), and every read
// throws its `XLSXError`. `import DRSReport` is all a user of the model needs.
@_exported import XLSXReader
