import DRSReport

/// When a report was made, from its metadata (end time, else start time), to notice a diff given
/// its reports the wrong way round: `drsdiff diff *.xlsx` takes them in the shell's order, which
/// is the names', not the reports'.
enum ReportTimes {
    /// The metadata names read, most telling first.
    static let names = ["end_time", "start_time"]

    /// A warning when OLD was made after NEW; nil when it was not, or when either time is unknown.
    static func swapWarning(old: ComparisonReport, new: ComparisonReport) -> String? {
        for name in names {
            guard let oldTime = time(of: old, named: name), let newTime = time(of: new, named: name) else { continue }
            guard newTime.key.lexicographicallyPrecedes(oldTime.key) else { return nil }
            let label = name == "end_time" ? "ended" : "started"
            return "OLD \(old.file) \(label) \(oldTime.text), after NEW \(new.file) (\(newTime.text)): "
                + "were they given the wrong way round? diff takes OLD first, then NEW"
        }
        return nil
    }

    /// The time's text and a key that orders it: its numbers (year, month, day, hour, minute,
    /// second), each zero-padded, whatever separates them (`2024-05-14 10:21:33`, `2024/5/14 10:21`).
    static func time(of report: ComparisonReport, named name: String) -> (text: String, key: [Int])? {
        guard let entry = report.metadata.first(where: { $0.name == name }) else { return nil }
        let numbers = entry.value.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }
        guard numbers.count >= 3, numbers[0] >= 1000 else { return nil }
        return (entry.value, numbers)
    }
}
