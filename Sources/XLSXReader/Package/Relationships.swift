/// One `<Relationship>` of a `.rels` part, with its target resolved to a part name.
struct Relationship {
    let id: String
    /// The type URI's last path component: `officeDocument`, `worksheet`, `sharedStrings`…
    /// (the transitional and Strict URIs differ only before it).
    let kind: String
    /// The resolved part name, without a leading `/`.
    let target: String
}

enum Relationships {
    /// The relationships of `part` (`""` for the package itself), or none when it has no `.rels`.
    static func read(for part: String, in archive: ZipArchive) throws -> [Relationship] {
        let directory = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let base = part.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (directory.isEmpty ? "" : directory + "/") + "_rels/" + base + ".rels"
        guard let entry = archive.entry(named: relsName) else { return [] }
        let bytes = try archive.stream(entry).readAll()
        var relationships: [Relationship] = []
        try ElementReader.read(bytes, part: entry.name) { element in
            guard element.name == "Relationship", element["TargetMode"] != "External",
                  let id = element["Id"], let target = element["Target"] else { return }
            let kind = element["Type"].map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
            relationships.append(Relationship(id: id, kind: kind, target: resolve(target, from: directory)))
        }
        return relationships
    }

    /// Absolute targets (`/xl/worksheets/sheet1.xml`) start at the package root; relative ones at
    /// the source part's folder, with `.` and `..` resolved.
    static func resolve(_ target: String, from directory: String) -> String {
        let target = String(target.map { $0 == "\\" ? "/" : $0 })
        var components: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
