/// A JSON syntax problem at a 1-based byte column of the line.
struct JSONSyntaxError: Error, Equatable {
    var column: Int
    var reason: String
}
