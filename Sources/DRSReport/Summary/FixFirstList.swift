/// Orders what blocks a cutover: missing databases, missing tables, failed objects, tables that
/// could not be compared for another reason, the largest row differences, the tables with the
/// most differing rows, then failed repairs; the first ``ReportSummary/fixFirstLimit`` are kept.
struct FixFirstList {
    private(set) var items: [FixFirstItem] = []
    private(set) var count = 0

    init(missingDatabases: [FixFirstItem], missingTables: [FixFirstItem], summary: ReportSummary) {
        var named = Set<Name>()
        for item in missingDatabases { add(item) }
        for item in missingTables where named.insert(Name(item.database, item.name)).inserted { add(item) }
        for object in summary.failedObjects {
            add(FixFirstItem(kind: .failedObject, database: object.database, name: object.name, objectType: object.objectType,
                             status: object.status, reason: object.reason, sheet: object.sheet, row: object.row))
        }
        let missingNames = Set(missingDatabases.compactMap(\.database))
        for table in summary.uncomparable where !(table.status?.value.missingTable ?? false) && !(table.status?.value.missingDatabase ?? false) {
            if let database = table.database, missingNames.contains(database) { continue }
            guard named.insert(Name(table.database, table.table)).inserted else { continue }
            add(FixFirstItem(kind: .uncomparableTable, database: table.database, name: table.table, status: table.status,
                             reason: table.reason, sheet: table.sheet, row: table.row))
        }
        for table in summary.topTables where named.insert(Name(table.database, table.table)).inserted {
            add(FixFirstItem(kind: .rowDifference, database: table.database, name: table.table, status: table.status,
                             reason: table.reason, count: table.difference, sheet: table.sheet, row: table.row))
        }
        for table in summary.valueDifferences?.tables ?? [] where named.insert(Name(table.database, table.table)).inserted {
            add(FixFirstItem(kind: .valueDifferences, database: table.database, name: table.table, count: Int64(table.count)))
        }
        for table in summary.repair?.tablesWithFailures ?? [] {
            add(FixFirstItem(kind: .failedRepair, database: table.database, name: table.table, count: Int64(table.count)))
        }
    }

    private struct Name: Hashable {
        let database: String?
        let table: String?
        init(_ database: String?, _ table: String?) { (self.database, self.table) = (database, table) }
    }

    private mutating func add(_ item: FixFirstItem) {
        count += 1
        if items.count < ReportSummary.fixFirstLimit { items.append(item) }
    }
}
