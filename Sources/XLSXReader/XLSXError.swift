/// Why a workbook could not be read, with where it happened: the file, the part inside the package
/// and, where known, the line, row or cell.
///
/// `kind` is stable for programs (and the CLI maps each kind to its own exit status); `description`
/// is for people and says what to do where something can be done.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case fileNotReadable = "file not readable"
            case notAZip = "not a ZIP archive"
            case encryptedOrLegacy = "encrypted workbook or legacy .xls"
            case xlsb = "binary workbook (.xlsb)"
            case notSpreadsheet = "not a spreadsheet package"
            case missingPart = "missing package part"
            case corruptArchive = "corrupt archive"
            case checksumMismatch = "CRC-32 mismatch"
            case limitExceeded = "limit exceeded"
            case malformedXML = "malformed XML"
            case unsafeXML = "unsafe XML"
            case unknownSheet = "unknown sheet"
            case corruptReference = "corrupt reference"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file does not exist or cannot be opened or read.
        public static let fileNotReadable = Kind(.fileNotReadable)
        /// Not a ZIP archive at all: HTML, CSV or text saved with an .xlsx name, or random bytes.
        public static let notAZip = Kind(.notAZip)
        /// An OLE2 compound file: a password-protected .xlsx or a legacy .xls.
        public static let encryptedOrLegacy = Kind(.encryptedOrLegacy)
        /// A binary workbook (`xl/workbook.bin`).
        public static let xlsb = Kind(.xlsb)
        /// A ZIP archive that is not a SpreadsheetML package (a .docx, a plain zip…).
        public static let notSpreadsheet = Kind(.notSpreadsheet)
        /// A part the package names (a sheet, the workbook) is not in the archive.
        public static let missingPart = Kind(.missingPart)
        /// Truncated archive, bad sizes, unsupported compression, damaged deflate stream.
        public static let corruptArchive = Kind(.corruptArchive)
        /// An entry inflated to bytes whose CRC-32 differs from the recorded one.
        public static let checksumMismatch = Kind(.checksumMismatch)
        /// A safety limit of ``ReaderLimits`` was reached (zip bomb, oversized sheet…).
        public static let limitExceeded = Kind(.limitExceeded)
        /// A part is not well-formed XML.
        public static let malformedXML = Kind(.malformedXML)
        /// A part holds a DOCTYPE or entity declaration: never in OOXML, always an attack.
        public static let unsafeXML = Kind(.unsafeXML)
        /// The requested sheet is not in the workbook.
        public static let unknownSheet = Kind(.unknownSheet)
        /// A cell refers to what the package does not have, or would overwrite or misplace
        /// another (see ``CorruptReference``); ``ReaderLimits/lenient`` reads past it.
        public static let corruptReference = Kind(.corruptReference)

        public var description: String { base.rawValue }
    }

    public let kind: Kind
    /// What went wrong, in a sentence.
    public let message: String
    /// The workbook's path as given by the caller.
    public internal(set) var file: String?
    /// The package part, such as `xl/worksheets/sheet1.xml`.
    public internal(set) var part: String?
    /// A position inside the part: "line 12", "row 40", "cell C7".
    public internal(set) var location: String?
    /// What the user can do about it, when something can be done.
    public let hint: String?

    init(_ kind: Kind, _ message: String, part: String? = nil, location: String? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.part = part
        self.location = location
        self.hint = hint
    }

    func inFile(_ path: String) -> XLSXError {
        var copy = self
        if copy.file == nil { copy.file = path }
        return copy
    }

    func inPart(_ name: String) -> XLSXError {
        var copy = self
        if copy.part == nil { copy.part = name }
        return copy
    }

    public var description: String {
        var text = ""
        for place in [file, part, location].compactMap({ $0 }) {
            text += place + ": "
        }
        text += message
        if let hint { text += " (" + hint + ")" }
        return text
    }
}
