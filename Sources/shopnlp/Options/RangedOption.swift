import ArgumentParser
import ShopData

/// `@Option(help: "How many.", range: .k) var k = 10`: the option is parsed and checked
/// against its `NumericRange` while the command line is read (a bad value is a usage error,
/// exit 2), and `--help` shows the range beside the text. Every numeric option goes through
/// here so no command can forget a check.
extension Option {
    init(wrappedValue: Value, name: NameSpecification = .long, help: String, range: NumericRange<Value>) where Value: Comparable & LosslessStringConvertible & Sendable {
        assert(range.contains(wrappedValue), "default \(wrappedValue) outside \(range)")
        self.init(wrappedValue: wrappedValue, name: name, help: ArgumentHelp(Self.text(help, range, default: "\(wrappedValue)")),
                  transform: { try range.parse($0) })
    }

    init<T>(name: NameSpecification = .long, help: String, range: NumericRange<T>) where Value == T? {
        self.init(name: name, help: ArgumentHelp(Self.text(help, range)), transform: { try range.parse($0) })
    }

    init<T>(wrappedValue: _OptionalNilComparisonType, name: NameSpecification = .long, help: String, range: NumericRange<T>) where Value == T? {
        self.init(wrappedValue: wrappedValue, name: name, help: ArgumentHelp(Self.text(help, range)),
                  transform: { try range.parse($0) })
    }

    // ArgumentParser shows no default for options parsed by a closure, so it goes here.
    private static func text<T>(_ help: String, _ range: NumericRange<T>, default value: String? = nil) -> String {
        help + " (range: \(range)" + (value.map { "; default: \($0)" } ?? "") + ")"
    }
}
