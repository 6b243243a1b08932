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
        return try wrap(part) {
            let reader = try SheetReader(entry: entry, archive: archive, styles: .none, sharedStrings: .empty, dateSystem: dateSystem)
            while !reader.state.pointee.reachedSheetData, try reader.advance() {}
            return reader.state.pointee.declaredDimension
        }
    }

    /// A reader that hands out the sheet's rows one at a time, in document order. Rows without
    /// cells are skipped; `Row.index` says where each row stands.
    public func rows(in sheet: SheetInfo) throws -> RowReader {
        try wrap(sheet.part) { try RowReader(source: makeReader(sheet), workbook: self) }
    }

    /// The fast path: calls `body` with each row as a borrowed ``RowView``, valid only during the call.
    /// Returns what the reader noticed on the way.
    @discardableResult
    public func forEachRow(in sheet: SheetInfo, _ body: (RowView) throws -> Void) throws -> SheetReadNotes {
        guard sheet.hasCells, let part = sheet.part else { return SheetReadNotes() }
        guard let entry = archive.entry(named: part) else {
            throw XLSXError(.missingPart, "sheet \"\(sheet.name)\" points at \(part), which is not in the archive", part: part).inFile(displayName)
        }
        return try wrap(part) {
            let strings = try sharedStrings()
            let state = UnsafeMutablePointer<SheetState>.allocate(capacity: 1)
            state.initialize(to: SheetState(styles: try cellStyles(), sharedStrings: strings, dateSystem: dateSystem, part: entry.name))
            defer {
                state.pointee.release()
                state.deinitialize(count: 1)
                state.deallocate()
            }
            let stream = try PrefetchingStream(archive.stream(entry))
            try withoutActuallyEscaping(body) { body in
                let input = UnsafeMutablePointer<PulledInput>.allocate(capacity: 1)
                input.initialize(to: PulledInput(refill: {
                    for position in 0..<state.pointee.rows.count {
                        let row = state.pointee.rows[position]
                        try body(RowView(state: state, first: row.firstCell, index: row.index, count: row.endCell - row.firstCell))
                    }
                    state.pointee.releaseDeliveredRows()
                    return try stream.next()
                }))
                defer {
                    input.deinitialize(count: 1)
                    input.deallocate()
                }
                let parser = try XMLPushParser(callbacks: SheetState.callbacks(), target: UnsafeMutableRawPointer(state), partName: entry.name, input: input)
                state.pointee.box = parser.callbackBox
                try parser.parseDocument()
                for position in 0..<state.pointee.rows.count {
                    let row = state.pointee.rows[position]
                    try body(RowView(state: state, first: row.firstCell, index: row.index, count: row.endCell - row.firstCell))
                }
                state.pointee.releaseDeliveredRows()
            }
            return SheetReadNotes(missingSharedStrings: state.pointee.missingSharedStrings)
        }
    }

    private func makeReader(_ sheet: SheetInfo) throws -> SheetReader? {
        guard sheet.hasCells, let part = sheet.part else { return nil }
        guard let entry = archive.entry(named: part) else {
            throw XLSXError(.missingPart, "sheet \"\(sheet.name)\" points at \(part), which is not in the archive", part: part)
        }
        return try SheetReader(entry: entry, archive: archive, styles: cellStyles(), sharedStrings: sharedStrings(), dateSystem: dateSystem)
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

/// One sheet part being read: the inflating stream feeding libxml2, whose callbacks fill the state.
final class SheetReader {
    let state: UnsafeMutablePointer<SheetState>
    private let sharedStrings: SharedStrings
    private let stream: EntryStream
    private let parser: XMLPushParser
    private var done = false

    init(entry: ZipEntry, archive: ZipArchive, styles: CellStyles, sharedStrings: SharedStrings, dateSystem: DateSystem) throws {
        let state = UnsafeMutablePointer<SheetState>.allocate(capacity: 1)
        state.initialize(to: SheetState(styles: styles, sharedStrings: sharedStrings, dateSystem: dateSystem, part: entry.name))
        do {
            stream = try archive.stream(entry)
            parser = try XMLPushParser(callbacks: SheetState.callbacks(), target: UnsafeMutableRawPointer(state), partName: entry.name)
        } catch {
            state.pointee.release()
            state.deinitialize(count: 1)
            state.deallocate()
            throw error
        }
        state.pointee.box = parser.callbackBox
        self.state = state
        self.sharedStrings = sharedStrings
    }

    deinit {
        state.pointee.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next chunk; false once the part is exhausted and the last rows were delivered.
    func advance() throws -> Bool {
        guard !done else { return false }
        if let chunk = try stream.next() {
            try parser.feed(chunk)
        } else {
            try parser.finish()
            done = true
        }
        return true
    }
}

/// Hands out a sheet's rows one at a time; see ``Workbook/rows(in:)``.
public final class RowReader {
    private let source: SheetReader?
    // Keeps the archive open while rows are read.
    private let workbook: Workbook
    private var pending: [Row] = []
    private var position = 0

    init(source: SheetReader?, workbook: Workbook) {
        self.source = source
        self.workbook = workbook
    }

    /// The next row that holds at least one cell, or nil at the end of the sheet.
    public func next() throws -> Row? {
        while position == pending.count {
            guard let source else { return nil }
            let more: Bool
            do {
                more = try source.advance()
            } catch let error as XLSXError {
                throw error.inFile(workbook.displayName)
            }
            guard more else { return nil }
            let state = source.state
            pending.removeAll(keepingCapacity: true)
            position = 0
            for index in 0..<state.pointee.rows.count {
                let row = state.pointee.rows[index]
                pending.append(RowView(state: state, first: row.firstCell, index: row.index, count: row.endCell - row.firstCell).makeRow())
            }
            state.pointee.releaseDeliveredRows()
        }
        defer { position += 1 }
        return pending[position]
    }

    /// Shared-string indices past the end of the table seen so far (read as empty cells).
    public var missingSharedStrings: Int { source?.state.pointee.missingSharedStrings ?? 0 }
}
