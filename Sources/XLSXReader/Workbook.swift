/// An .xlsx workbook opened for streaming reads.
///
/// ```swift
/// let workbook = try Workbook(path: "report.xlsx")
/// let rows = try workbook.rows(in: workbook.sheet(named: "Details"))
/// while let row = try rows.next() {
///     print(row.index, row.texts)
/// }
/// ```
///
/// Sheets are read one chunk of inflated XML at a time: memory stays flat whatever their size.
/// Only the shared-string table is held whole, in a compact form, and only once a sheet is read.
/// Every error is an ``XLSXError`` naming the file, the part and, where known, the place.
public final class Workbook {
    public let path: String
    /// How messages name the file: the path, unless the caller named it otherwise (`<stdin>`).
    public let displayName: String
    public let sheets: [SheetInfo]
    public let dateSystem: DateSystem
    private let archive: ZipArchive
    private let package: WorkbookPart
    private var loadedStrings: SharedStrings?
    /// Called on the parsing thread each time a chunk of a sheet's XML (256 KiB) is handed to the
    /// parser, never per row or cell, so a display can show how far a long read has got. Set it
    /// before asking for rows: each read takes the handler set when it starts.
    public var onProgress: (@Sendable (SheetProgress) -> Void)?
    private var loadedStyles: CellStyles?

    public init(path: String, displayName: String? = nil, limits: ReaderLimits = ReaderLimits()) throws {
        self.path = path
        self.displayName = displayName ?? path
        do {
            archive = try ZipArchive(path: path, limits: limits)
            package = try WorkbookPart.read(from: archive)
        } catch let error as XLSXError {
            throw error.inFile(displayName ?? path)
        }
        sheets = package.sheets
        dateSystem = package.dateSystem
    }

    /// The sheet with exactly this name.
    public func sheet(named name: String) throws -> SheetInfo {
        if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
        let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        throw XLSXError(.unknownSheet, "no sheet named \"\(name)\"; the workbook has \(names.isEmpty ? "no sheets" : names)").inFile(displayName)
    }

    /// The sheet at a zero-based position in the workbook's list.
    public func sheet(at index: Int) throws -> SheetInfo {
        guard sheets.indices.contains(index) else {
            throw XLSXError(.unknownSheet, "no sheet at index \(index); the workbook has \(sheets.count) sheet\(sheets.count == 1 ? "" : "s") (0 to \(sheets.count - 1))").inFile(displayName)
        }
        return sheets[index]
    }

    /// The first sheet that holds cells: what a reader opens by default.
    public var firstWorksheet: SheetInfo? { sheets.first { $0.kind == .worksheet } ?? sheets.first { $0.hasCells } }

    /// The range the sheet's `<dimension>` declares. Writers often get it wrong (POI writes `A1`),
    /// so drsdiff never relies on it; it is shown for information only.
    public func declaredDimension(of sheet: SheetInfo) throws -> String? {
        guard sheet.hasCells, let part = sheet.part, let entry = archive.entry(named: part) else { return nil }
        let prepared = PreparedSheet(entry: entry, sharedStrings: .empty, styles: .none)
        let store = RowStore.allocate()
        defer { RowStore.free(store) }
        var dimension: String?
        _ = try wrap(part) {
            try streamRows(prepared, into: store, stopAtSheetData: true, onHead: { dimension = $0 }) { state in
                state.pointee.releaseDeliveredRows()
            }
        }
        return dimension
    }

    /// A reader that hands out the sheet's rows one at a time, in document order. Rows without
    /// cells are skipped; `Row.index` says where each row stands. The sheet is parsed a few
    /// batches ahead on a second thread.
    public func rows(in sheet: SheetInfo) throws -> RowReader {
        guard let prepared = try wrap(sheet.part, { try prepare(sheet) }) else { return RowReader(source: nil) }
        return RowReader(source: try RowProducer(workbook: self, sheet: prepared, part: sheet.part))
    }

    /// The fast path: calls `body` with each row as a borrowed ``RowView``, valid only during the call.
    /// The sheet is parsed on a second thread into one of two row stores while `body` reads the
    /// other; `body` itself runs on the caller's thread. Returns what the reader noticed on the way.
    @discardableResult
    public func forEachRow(in sheet: SheetInfo, _ body: (RowView) throws -> Void) throws -> SheetReadNotes {
        guard let prepared = try wrap(sheet.part, { try prepare(sheet) }) else { return SheetReadNotes() }
        let pipeline = try ParsePipeline(workbook: self, sheet: prepared, part: sheet.part)
        var formatter = CellFormatter(sharedStrings: prepared.sharedStrings, dateSystem: dateSystem)
        defer { formatter.release() }
        try withUnsafeMutablePointer(to: &formatter) { formatter in
            while let store = try pipeline.nextStore() {
                for position in 0..<store.pointee.rows.count {
                    try body(RowView(store: store, formatter: formatter, entry: store.pointee.rows[position]))
                }
                pipeline.recycle(store)
            }
        }
        return pipeline.notes
    }

    /// Streams rows to `body` on the calling thread; errors located in this file and part.
    func streamRowsLocated(_ sheet: PreparedSheet, part: String?, _ body: (RowView) throws -> Void) throws -> SheetReadNotes {
        let store = RowStore.allocate()
        defer { RowStore.free(store) }
        var formatter = CellFormatter(sharedStrings: sheet.sharedStrings, dateSystem: dateSystem)
        defer { formatter.release() }
        return try withUnsafeMutablePointer(to: &formatter) { formatter in
            try wrap(part) {
                try streamRows(sheet, into: store) { state in
                    let store = state.pointee.store
                    for position in 0..<store.pointee.rows.count {
                        try body(RowView(store: store, formatter: formatter, entry: store.pointee.rows[position]))
                    }
                    state.pointee.releaseDeliveredRows()
                }
            }
        }
    }

    /// Hands each batch of completed rows to `deliver` in place; errors located in this file and part.
    func streamRowsLocated(_ sheet: PreparedSheet, part: String?, into store: UnsafeMutablePointer<RowStore>,
                           deliver: (UnsafeMutablePointer<SheetState>) throws -> Void) throws -> SheetReadNotes {
        try wrap(part) { try streamRows(sheet, into: store, deliver: deliver) }
    }

    /// What reading a sheet needs, gathered on the caller's thread: the part, the shared strings and
    /// the styles (both loaded once per workbook).
    private func prepare(_ sheet: SheetInfo) throws -> PreparedSheet? {
        guard sheet.hasCells, let part = sheet.part else { return nil }
        guard let entry = archive.entry(named: part) else {
            throw XLSXError(.missingPart, "sheet \"\(sheet.name)\" points at \(part), which is not in the archive", part: part)
        }
        return PreparedSheet(entry: entry, sharedStrings: try sharedStrings(), styles: try cellStyles(),
                             progress: onProgress.map { (sheet, $0) })
    }

    /// Parses a sheet with libxml2's SAX2 parser in pull mode, fed chunk by chunk from an inflater
    /// on a second thread. Before each chunk, the rows completed so far go to `deliver`, which must
    /// take them out of the state's store. Touches no lazily loaded state, so it may run on any thread.
    func streamRows(_ sheet: PreparedSheet, into store: UnsafeMutablePointer<RowStore>, stopAtSheetData: Bool = false,
                    onHead: ((String?) -> Void)? = nil, deliver: (UnsafeMutablePointer<SheetState>) throws -> Void) throws -> SheetReadNotes {
        struct ReachedSheetData: Error {}
        let state = UnsafeMutablePointer<SheetState>.allocate(capacity: 1)
        state.initialize(to: SheetState(store: store, styles: sheet.styles, sharedStrings: sheet.sharedStrings, part: sheet.entry.name))
        defer {
            state.pointee.release()
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let stream = try PrefetchingStream(archive.stream(sheet.entry))
        var bytesRead: Int64 = 0
        var rowsRead = 0
        do {
            try withoutActuallyEscaping(deliver) { deliver in
                let input = UnsafeMutablePointer<PulledInput>.allocate(capacity: 1)
                input.initialize(to: PulledInput(refill: {
                    if stopAtSheetData && state.pointee.reachedSheetData { throw ReachedSheetData() }
                    let completed = state.pointee.store.pointee.rows.count
                    if completed > 0 {
                        rowsRead += completed
                        try deliver(state)
                    }
                    let chunk = try stream.next()
                    if let (info, report) = sheet.progress, let chunk {
                        bytesRead += Int64(chunk.count)
                        report(SheetProgress(sheet: info, bytesRead: bytesRead, totalBytes: sheet.entry.uncompressedSize, rows: rowsRead))
                    }
                    return chunk
                }))
                defer {
                    input.deinitialize(count: 1)
                    input.deallocate()
                }
                let parser = try SAXParser(callbacks: SheetState.callbacks(), target: UnsafeMutableRawPointer(state), partName: sheet.entry.name, input: input)
                state.pointee.box = parser.callbackBox
                try parser.parseDocument()
                if state.pointee.store.pointee.rows.count > 0 { try deliver(state) }
            }
        } catch is ReachedSheetData {
        }
        onHead?(state.pointee.declaredDimension)
        return SheetReadNotes(missingSharedStrings: state.pointee.missingSharedStrings)
    }

    private func sharedStrings() throws -> SharedStrings {
        if let loadedStrings { return loadedStrings }
        let strings = try package.sharedStringsPart.map { part in try wrap(part) { try SharedStrings.read(part: part, from: archive) } } ?? .empty
        loadedStrings = strings
        return strings
    }

    private func cellStyles() throws -> CellStyles {
        if let loadedStyles { return loadedStyles }
        let styles = try package.stylesPart.map { part in try wrap(part) { try CellStyles.read(part: part, from: archive) } } ?? .none
        loadedStyles = styles
        return styles
    }

    private func wrap<T>(_ part: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XLSXError {
            var located = error.inFile(displayName)
            if let part { located = located.inPart(part) }
            throw located
        }
    }
}

/// What reading a sheet noticed besides its rows.
public struct SheetReadNotes: Sendable {
    /// Shared-string indices past the end of the table (read as empty cells).
    public var missingSharedStrings = 0
}

/// A sheet ready to stream: its part and what its cells refer to.
struct PreparedSheet {
    let entry: ZipEntry
    let sharedStrings: SharedStrings
    let styles: CellStyles
    /// The sheet and the handler to tell how far its reading has got.
    var progress: (SheetInfo, @Sendable (SheetProgress) -> Void)? = nil
}

/// Hands out a sheet's rows one at a time; see ``Workbook/rows(in:)``.
public final class RowReader {
    private let source: RowProducer?
    private var pending: [Row] = []
    private var position = 0

    init(source: RowProducer?) { self.source = source }

    /// The next row that holds at least one cell, or nil at the end of the sheet.
    public func next() throws -> Row? {
        while position == pending.count {
            guard let source, let batch = try source.nextBatch() else { return nil }
            pending = batch
            position = 0
        }
        defer { position += 1 }
        return pending[position]
    }

    /// Shared-string indices past the end of the table (read as empty cells), known once the last
    /// row was read.
    public var missingSharedStrings: Int { source?.missingSharedStrings ?? 0 }
}
