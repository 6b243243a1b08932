/// What `workbook.xml` and its relationships say: the sheets in order, the date system, and where
/// the shared strings and styles live.
struct WorkbookPart {
    let partName: String
    let sheets: [SheetInfo]
    let dateSystem: DateSystem
    let sharedStringsPart: String?
    let stylesPart: String?

    static func read(from archive: ZipArchive) throws -> WorkbookPart {
        let packageRelationships = try Relationships.read(for: "", in: archive)
        var partName = packageRelationships.first { $0.kind == "officeDocument" }?.target ?? "xl/workbook.xml"
        if partName.lowercased().hasSuffix(".bin") || archive.contains("xl/workbook.bin") {
            throw XLSXError(.xlsb, "this is a binary workbook (.xlsb), not an .xlsx package",
                            hint: "save it as .xlsx (Excel Workbook) and try again")
        }
        if archive.entry(named: partName) == nil {
            if archive.contains("xl/workbook.xml") {
                partName = "xl/workbook.xml"
            } else if archive.contains("word/document.xml") || archive.contains("ppt/presentation.xml") {
                throw XLSXError(.notSpreadsheet, "this is a Word or PowerPoint package, not a spreadsheet")
            } else {
                throw XLSXError(.missingPart, "the package has no workbook part (\(partName))",
                                hint: "the file is not an .xlsx workbook, or it is damaged")
            }
        }
        let entry = archive.entry(named: partName)!
        let bytes = try archive.stream(entry).readAll()
        var declared: [(name: String, state: SheetInfo.State, relationship: String?)] = []
        var dateSystem = DateSystem.excel1900
        try ElementReader.read(bytes, part: entry.name) { element in
            switch element.name {
            case "workbookPr":
                if let flag = element["date1904"], flag == "1" || flag.lowercased() == "true" { dateSystem = .excel1904 }
            case "sheet" where element.parent == "sheets":
                let state = SheetInfo.State(rawValue: element["state"] ?? "visible") ?? .visible
                declared.append((element["name"] ?? "Sheet\(declared.count + 1)", state, element["id"]))
            default:
                break
            }
        }
        let relationships = try Relationships.read(for: partName, in: archive)
        let byID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sheets = declared.enumerated().map { index, sheet -> SheetInfo in
            let relationship = sheet.relationship.flatMap { byID[$0] }
            let kind: SheetInfo.Kind
            switch relationship?.kind {
            case "worksheet"?: kind = .worksheet
            case "chartsheet"?: kind = .chartsheet
            case "dialogsheet"?: kind = .dialogsheet
            case "xlMacrosheet"?, "macrosheet"?: kind = .macrosheet
            default: kind = .other
            }
            return SheetInfo(index: index, name: sheet.name, state: sheet.state, kind: kind, part: relationship?.target)
        }
        let directory = partName.split(separator: "/").dropLast().joined(separator: "/")
        func conventional(_ name: String) -> String? {
            let candidate = directory.isEmpty ? name : directory + "/" + name
            return archive.contains(candidate) ? candidate : nil
        }
        return WorkbookPart(
            partName: partName, sheets: sheets, dateSystem: dateSystem,
            sharedStringsPart: relationships.first { $0.kind == "sharedStrings" }?.target ?? conventional("sharedStrings.xml"),
            stylesPart: relationships.first { $0.kind == "styles" }?.target ?? conventional("styles.xml"))
    }
}
